import { Hono } from 'hono';
import { z } from 'zod';
import { newId } from '../../db/ids.js';
import type { AppEnv } from '../context.js';
import { AppError } from '../errors.js';
import { disclosures, findByCode, publicStatus, rate } from '../feedback/public-view.js';
import { ZFeedbackFiling, ZRating } from '../feedback/schemas.js';
import { fileFeedback } from '../feedback/service.js';
import { unitsToChoose } from '../units.js';
import { validate } from '../validate.js';
import {
  disclosuresPage,
  filedPage,
  formPage,
  honeypotPage,
  lookupPage,
  messagePage,
  statusPage,
  type FormValues,
} from './feedback-views.js';

const field = z.string().max(20_000).optional();
/** The form as posted: flat strings; mapped onto the API's filing schema below. */
const ZFeedbackForm = z.object({
  unitId: field,
  kind: field,
  category: field,
  title: field,
  content: field,
  contact_name: field,
  contact_phone: field,
  contact_email: field,
  consent: field,
  website: field,
  clientId: field,
});

const ZRatingForm = z.object({
  overall: z.enum(['1', '2', '3', '4', '5', 'na']),
  complained_again: z.enum(['yes', 'no']),
});

const ZCode = z.object({ code: z.string().trim().min(1).max(40) });

const VI_FIELD_ERRORS: Record<string, string> = {
  unitId: 'Vui lòng chọn đơn vị.',
  kind: 'Vui lòng chọn loại phản ánh.',
  category: 'Vui lòng chọn lĩnh vực.',
  title: 'Tiêu đề cần từ 3 đến 200 ký tự.',
  content: 'Nội dung cần từ 10 đến 5000 ký tự.',
  contact_phone: 'Số điện thoại chưa đúng (8–20 chữ số).',
  contact_email: 'Địa chỉ thư điện tử chưa đúng.',
  consent: 'Bạn cần đồng ý để chúng tôi lưu thông tin liên hệ, hoặc để trống các ô liên hệ.',
};

function notFoundPage() {
  return messagePage(
    'Không tìm thấy',
    'Không tìm thấy phản ánh hoặc đơn vị này. Vui lòng kiểm tra lại mã.',
  );
}

/** The citizens' no-JavaScript pages: file, look up, read the answer, rate it, read disclosures. */
const feedbackPages = new Hono<AppEnv>()
  .get('/feedback', async (c) => {
    const units = await unitsToChoose(c.var.deps.db);
    return c.html(formPage(units, { clientId: newId(), unitId: c.req.query('unitId') }));
  })
  .post('/feedback', validate('form', ZFeedbackForm), async (c) => {
    const f = c.req.valid('form');
    // A bot fills every field; a person never sees this one. Answer as if all went well.
    if (f.website) return c.html(honeypotPage());
    const values: FormValues = {
      ...f,
      clientId: z.uuid().safeParse(f.clientId).success ? f.clientId! : newId(),
    };
    const parsed = ZFeedbackFiling.safeParse({
      unitId: f.unitId ?? '',
      kind: f.kind || 'feedback',
      category: f.category ?? '',
      title: f.title ?? '',
      content: f.content ?? '',
      contact: { name: f.contact_name, phone: f.contact_phone, email: f.contact_email },
      consent: f.consent === 'on',
      clientId: values.clientId,
    });
    const { db, clock } = c.var.deps;
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const i of parsed.error.issues) {
        const name = i.path.map(String).join('_');
        errors[name] = VI_FIELD_ERRORS[name] ?? i.message;
      }
      return c.html(formPage(await unitsToChoose(db), values, errors), 400);
    }
    try {
      const { item } = await fileFeedback(db, clock(), parsed.data);
      return c.html(filedPage(item.tracking_code, item.due_at), 201);
    } catch (e) {
      if (e instanceof AppError && e.status === 409) {
        // The form came back changed after it was sent once (the back button): a new filing.
        return c.html(
          formPage(
            await unitsToChoose(db),
            { ...values, clientId: newId() },
            {
              content:
                'Biểu mẫu này đã được gửi trước đó với nội dung khác. Nếu muốn gửi nội dung này như một phản ánh mới, hãy bấm gửi lại.',
            },
          ),
          409,
        );
      }
      if (!(e instanceof AppError) || e.status !== 400) throw e;
      return c.html(
        formPage(await unitsToChoose(db), values, { unitId: VI_FIELD_ERRORS.unitId! }),
        400,
      );
    }
  })
  .get('/feedback/lookup', async (c) => {
    const code = (c.req.query('code') ?? '').trim().toUpperCase();
    if (!code) return c.html(lookupPage());
    const found = await findByCode(c.var.deps.db, code);
    if (!found)
      return c.html(lookupPage(code, 'Không tìm thấy mã này. Vui lòng kiểm tra lại.'), 404);
    return c.redirect(`/feedback/status/${found.tracking_code}`, 303);
  })
  .get('/feedback/status/:code', validate('param', ZCode), async (c) => {
    const { db, clock } = c.var.deps;
    const item = await findByCode(db, c.req.valid('param').code);
    if (!item) return c.html(notFoundPage(), 404);
    const notice = c.req.query('rated') ? 'Đã ghi nhận đánh giá của bạn. Cảm ơn bạn!' : undefined;
    return c.html(statusPage(await publicStatus(db, item, clock()), notice));
  })
  .post(
    '/feedback/status/:code/rating',
    validate('param', ZCode),
    validate('form', ZRatingForm),
    async (c) => {
      const { db, clock } = c.var.deps;
      const item = await findByCode(db, c.req.valid('param').code);
      if (!item) return c.html(notFoundPage(), 404);
      const f = c.req.valid('form');
      const rating = ZRating.parse({
        overall: f.overall === 'na' ? null : Number(f.overall),
        complainedAgain: f.complained_again === 'yes',
      });
      try {
        await rate(db, clock(), item, rating);
      } catch (e) {
        if (!(e instanceof AppError) || e.status !== 409) throw e;
        return c.html(statusPage(await publicStatus(db, item, clock()), e.msg.vi), 409);
      }
      return c.redirect(`/feedback/status/${item.tracking_code}?rated=1`, 303);
    },
  )
  .get('/disclosures/:unitId', async (c) => {
    const d = await disclosures(c.var.deps.db, c.req.param('unitId')).catch((e: unknown) => {
      if (e instanceof AppError) return undefined;
      throw e;
    });
    if (!d) return c.html(notFoundPage(), 404);
    return c.html(disclosuresPage(d.unit, d.items));
  });

export default feedbackPages;
