import { Hono } from 'hono';
import { z } from 'zod';
import { newId } from '../../db/ids.js';
import type { AppEnv } from '../context.js';
import { AppError } from '../errors.js';
import { disclosures, findByCode, publicStatus, rate } from '../feedback/public-view.js';
import { ZFeedbackFiling, ZRating, ZReply } from '../feedback/schemas.js';
import { fileFeedback } from '../feedback/service.js';
import type { Db } from '../../db/index.js';
import { appeal, eraseOwnData, ownStatus, reply, type TOwnFeedback } from '../feedback/citizen.js';
import { formPhotos, ZFormPhotos } from '../feedback/citizen-body.js';
import { cleanPhotos } from '../feedback/photos.js';
import { keyMatches } from '../feedback/reply-key.js';
import { html } from '../html/layout.js';
import {
  appealFiledPage,
  erasedPage,
  keyForm,
  keyReceipt,
  ownLink,
  ownSections,
} from './feedback-own-views.js';
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
  // The contract's multipart names, accepted beside the form's own.
  'contact.name': field,
  'contact.phone': field,
  'contact.email': field,
  /** The "file it as feedback instead" button under an anonymous complaint's error. */
  as_feedback: field,
  photos: ZFormPhotos,
});

const ZKeyForm = z.object({ replyKey: z.string().max(200).optional() });
const ZReplyForm = ZKeyForm.extend({ content: field, photos: ZFormPhotos });
const ZAppealForm = ZKeyForm.extend({ reason: field });
const ZErasureForm = ZKeyForm.extend({ confirm: field });

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
  contact:
    'Khiếu nại, tố cáo cần họ tên và số điện thoại hoặc thư điện tử của người gửi. Hãy điền các ô trên, hoặc gửi nội dung này dưới dạng phản ánh (có thể ẩn danh). Ảnh đã chọn cần chọn lại.',
};

function wrongKeyPage() {
  return messagePage(
    'Không tìm thấy',
    'Mã tra cứu và khoá trả lời không khớp. Vui lòng mở lại đường dẫn trên biên nhận, hoặc kiểm tra lại khoá.',
  );
}

/**
 * The item when `key` is its reply key (undefined otherwise), with the key as typed and the
 * status page its holder sees, for the forms that answer with that page again.
 */
async function keyedItem(
  deps: { db: Db; clock: () => Date },
  code: string,
  raw: string | undefined,
) {
  const item = await findByCode(deps.db, code);
  const key = raw?.trim();
  if (!item || !key || !keyMatches(item.reply_key_hash, key)) return undefined;
  const page = async (notice?: string, replyError?: string) =>
    ownPage(await ownStatus(deps.db, item, deps.clock()), key, notice, replyError);
  return { item, key, page };
}

/** The status page as the citizen holding the key sees it. */
function ownPage(s: TOwnFeedback, key: string, notice?: string, replyError?: string) {
  return statusPage(s, notice, ownSections(s, key, replyError));
}

function isPhotoError(e: AppError): boolean {
  const d = e.details;
  return Array.isArray(d) && d.some((x: { path?: string }) => x.path?.startsWith('photos'));
}

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
      kind: f.as_feedback ? 'feedback' : f.kind,
      contact_name: f.contact_name ?? f['contact.name'],
      contact_phone: f.contact_phone ?? f['contact.phone'],
      contact_email: f.contact_email ?? f['contact.email'],
      clientId: z.uuid().safeParse(f.clientId).success ? f.clientId! : newId(),
    };
    const parsed = ZFeedbackFiling.safeParse({
      unitId: f.unitId ?? '',
      kind: values.kind || 'feedback',
      category: f.category ?? '',
      title: f.title ?? '',
      content: f.content ?? '',
      contact: {
        name: values.contact_name,
        phone: values.contact_phone,
        email: values.contact_email,
      },
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
      const photos = await cleanPhotos(await formPhotos(f.photos));
      const { item, replyKey } = await fileFeedback(db, clock(), parsed.data, photos);
      const sent = photos.length ? html`<p>Đã nhận ${photos.length} ảnh.</p>` : '';
      return c.html(
        filedPage(
          item.tracking_code,
          item.due_at,
          html`${sent}${keyReceipt(item.tracking_code, replyKey)}`,
        ),
        201,
      );
    } catch (e) {
      if (e instanceof AppError && (e.status === 413 || isPhotoError(e))) {
        return c.html(
          formPage(await unitsToChoose(db), values, { photos: e.msg.vi }),
          e.status as 400,
        );
      }
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
  .get(
    '/feedback/status/:code',
    validate('param', ZCode),
    validate(
      'query',
      ZKeyForm.extend({ key: z.string().max(200).optional(), rated: field, sent: field }),
    ),
    async (c) => {
      const { db, clock } = c.var.deps;
      const q = c.req.valid('query');
      const item = await findByCode(db, c.req.valid('param').code);
      if (!item) return c.html(notFoundPage(), 404);
      const notice = q.rated
        ? 'Đã ghi nhận đánh giá của bạn. Cảm ơn bạn!'
        : q.sent
          ? 'Đã gửi thông tin bổ sung. Đơn vị tiếp tục xử lý phản ánh của bạn.'
          : undefined;
      if (q.key !== undefined) {
        // A wrong key is a 404, as for an unknown code: the page says nothing about the item.
        if (!keyMatches(item.reply_key_hash, q.key.trim())) return c.html(wrongKeyPage(), 404);
        return c.html(ownPage(await ownStatus(db, item, clock()), q.key.trim(), notice));
      }
      return c.html(
        statusPage(await publicStatus(db, item, clock()), notice, keyForm(item.tracking_code)),
      );
    },
  )
  .post(
    '/feedback/status/:code/reply',
    validate('param', ZCode),
    validate('form', ZReplyForm),
    async (c) => {
      const { db, clock } = c.var.deps;
      const f = c.req.valid('form');
      const own = await keyedItem(c.var.deps, c.req.valid('param').code, f.replyKey);
      if (!own) return c.html(wrongKeyPage(), 404);
      const { item, key } = own;
      const parsed = ZReply.safeParse({ replyKey: key, content: f.content ?? '' });
      const again = async (msg: string, status: 400 | 409 | 413) =>
        c.html(await own.page(undefined, msg), status);
      if (!parsed.success) return again('Vui lòng nhập nội dung bổ sung (tối đa 5000 ký tự).', 400);
      try {
        await reply(
          db,
          clock(),
          item,
          parsed.data.content,
          await cleanPhotos(await formPhotos(f.photos)),
        );
      } catch (e) {
        if (!(e instanceof AppError) || ![400, 409, 413].includes(e.status)) throw e;
        return again(e.msg.vi, e.status as 400);
      }
      return c.redirect(`${ownLink(item.tracking_code, key)}&sent=1`, 303);
    },
  )
  .post(
    '/feedback/status/:code/appeal',
    validate('param', ZCode),
    validate('form', ZAppealForm),
    async (c) => {
      const { db, clock } = c.var.deps;
      const f = c.req.valid('form');
      const own = await keyedItem(c.var.deps, c.req.valid('param').code, f.replyKey);
      if (!own) return c.html(wrongKeyPage(), 404);
      const { item } = own;
      const reason = (f.reason ?? '').trim();
      const again = async (msg: string, status: 400 | 409) => c.html(await own.page(msg), status);
      if (reason.length < 10)
        return again('Vui lòng nêu lý do đề nghị xem xét lại (ít nhất 10 ký tự).', 400);
      try {
        const r = await appeal(db, clock(), item, reason.slice(0, 5000));
        return c.html(
          appealFiledPage(r.item.tracking_code, r.item.due_at, r.replyKey, item.tracking_code),
          201,
        );
      } catch (e) {
        if (!(e instanceof AppError) || e.status !== 409) throw e;
        return again(e.msg.vi, 409);
      }
    },
  )
  .post(
    '/feedback/status/:code/erasure',
    validate('param', ZCode),
    validate('form', ZErasureForm),
    async (c) => {
      const { db, clock } = c.var.deps;
      const f = c.req.valid('form');
      const own = await keyedItem(c.var.deps, c.req.valid('param').code, f.replyKey);
      if (!own) return c.html(wrongKeyPage(), 404);
      if (f.confirm !== 'on')
        return c.html(await own.page('Vui lòng đánh dấu ô xác nhận để xoá thông tin.'), 400);
      const { item } = own;
      return c.html(erasedPage(item.tracking_code, await eraseOwnData(db, clock(), item)));
    },
  )
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
