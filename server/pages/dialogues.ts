import { Hono } from 'hono';
import { z } from 'zod';
import { newId } from '../../db/ids.js';
import type { AppEnv } from '../context.js';
import { publicDialogues } from '../dialogues/dto.js';
import { ZDialogueQuestion } from '../dialogues/schemas.js';
import {
  askQuestion,
  dialogueHolders,
  dialogueState,
  findDialogue,
  findUnit,
} from '../dialogues/service.js';
import { validate } from '../validate.js';
import { askedPage, dialoguesPage, unitsPage, type QuestionValues } from './dialogue-views.js';
import { honeypotPage, messagePage } from './feedback-views.js';

const field = z.string().max(20_000).optional();
/** The form as posted: flat strings, mapped onto the API's question schema below. */
const ZQuestionForm = z.object({
  dialogueId: field,
  content: field,
  contact_name: field,
  contact_phone: field,
  contact_email: field,
  consent: field,
  website: field,
  clientId: field,
});

const VI_FIELD_ERRORS: Record<string, string> = {
  content: 'Câu hỏi cần từ 10 đến 2000 ký tự.',
  contact_phone: 'Số điện thoại chưa đúng (8–20 chữ số).',
  contact_email: 'Địa chỉ thư điện tử chưa đúng.',
  consent: 'Bạn cần đồng ý để chúng tôi lưu thông tin liên hệ, hoặc để trống các ô liên hệ.',
};

const ZUnitParam = z.object({ unitId: z.string().trim().min(1).max(100) });

function notFoundPage() {
  return messagePage('Không tìm thấy', 'Không tìm thấy đơn vị hoặc buổi đối thoại này.');
}

/** The citizens' no-JavaScript pages of dialogues: read the schedule and answers, send a question. */
const dialoguePages = new Hono<AppEnv>()
  .get('/dialogues', async (c) => {
    const units = await dialogueHolders(c.var.deps.db);
    return c.html(unitsPage(units));
  })
  .get('/dialogues/:unitId', validate('param', ZUnitParam), async (c) => {
    const { db, clock } = c.var.deps;
    const unit = await findUnit(db, c.req.valid('param').unitId);
    if (!unit) return c.html(notFoundPage(), 404);
    return c.html(dialoguesPage(await publicDialogues(db, unit, clock()), newId));
  })
  .post(
    '/dialogues/:unitId/questions',
    validate('param', ZUnitParam),
    validate('form', ZQuestionForm),
    async (c) => {
      const { db, clock } = c.var.deps;
      const f = c.req.valid('form');
      const unit = await findUnit(db, c.req.valid('param').unitId);
      const d = f.dialogueId ? await findDialogue(db, f.dialogueId) : undefined;
      if (!unit || !d || d.unit_id !== unit.id) return c.html(notFoundPage(), 404);
      // A bot fills every field; a person never sees this one. Answer as if all went well.
      if (f.website) return c.html(honeypotPage());
      const now = clock();
      if (dialogueState(d, now) !== 'open')
        return c.html(
          messagePage(
            'Đã hết hạn gửi câu hỏi',
            'Buổi đối thoại này đã diễn ra nên không nhận thêm câu hỏi. Câu trả lời sẽ được công khai tại trang đối thoại của đơn vị.',
          ),
          409,
        );
      const values: QuestionValues = {
        ...f,
        dialogueId: d.id,
        clientId: z.uuid().safeParse(f.clientId).success ? f.clientId! : newId(),
      };
      const parsed = ZDialogueQuestion.safeParse({
        content: f.content ?? '',
        contact: { name: f.contact_name, phone: f.contact_phone, email: f.contact_email },
        consent: f.consent === 'on',
        clientId: values.clientId,
      });
      if (!parsed.success) {
        const errors: Record<string, string> = {};
        for (const i of parsed.error.issues) {
          const name = i.path.map(String).join('_');
          errors[name] = VI_FIELD_ERRORS[name] ?? i.message;
        }
        const data = await publicDialogues(db, unit, now);
        return c.html(dialoguesPage(data, newId, { values, errors }), 400);
      }
      await askQuestion(db, now, d, parsed.data);
      return c.html(askedPage(unit.id, d.topic), 201);
    },
  );

export default dialoguePages;
