import { z } from 'zod';
import { ZFeedbackKind, ZFeedbackStatus } from '../domain/feedback.js';
import { LATE_STAGES } from '../domain/inbox.js';
import { CATEGORY_IDS } from './categories.js';

/** Shared request schemas (zod only, so the client may import them too). */

export { FEEDBACK_KINDS, FEEDBACK_STATUSES } from '../domain/feedback.js';

// Forms send '' for a field left empty: that means "not given".
const optionalText = (max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.string().trim().max(max).optional(),
  );

export const ZContact = z.object({
  name: optionalText(100),
  phone: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z
      .string()
      .trim()
      .regex(/^\+?[0-9 .-]{8,20}$/, 'phone: 8–20 digits')
      .optional(),
  ),
  email: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.email().max(200).optional(),
  ),
});
export type TContact = z.infer<typeof ZContact>;

export function hasContact(c: TContact | undefined): c is TContact {
  return !!c && !!(c.name || c.phone || c.email);
}

/**
 * A complaint (Luật Khiếu nại 2011, art. 8) or a denunciation (Luật Tố cáo 2018, art. 23) names
 * its sender: here a name and a way to reach them (phone or e-mail). Without one, the citizen
 * can file the same text as feedback (phản ánh).
 */
export function hasIdentity(c: TContact | undefined): boolean {
  return !!c?.name && !!(c.phone || c.email);
}
export const IDENTITY_NEEDED =
  'Khiếu nại, tố cáo phải ghi họ tên và số điện thoại hoặc thư điện tử của người gửi (contact.name và contact.phone hoặc contact.email). Nếu không muốn để lại thông tin, hãy gửi dưới dạng phản ánh (kind: "feedback"). / A complaint or denunciation needs contact.name and a phone or e-mail; otherwise file it as feedback.';

export const ZFeedbackFiling = z
  .object({
    unitId: z.string().trim().min(1).max(100),
    kind: ZFeedbackKind.default('feedback'),
    category: z.string().refine((v) => CATEGORY_IDS.includes(v), 'unknown category'),
    title: z.string().trim().min(3).max(200),
    content: z.string().trim().min(10).max(5000),
    contact: ZContact.optional(),
    consent: z.boolean().default(false),
    /** Chosen by the client once per filing: a retry with the same id files nothing new. */
    clientId: z.uuid().optional(),
  })
  .superRefine((v, ctx) => {
    if (hasContact(v.contact) && v.consent !== true) {
      ctx.addIssue({
        code: 'custom',
        path: ['consent'],
        message: 'contact details need consent: true',
      });
    }
    if (v.kind !== 'feedback' && !hasIdentity(v.contact)) {
      ctx.addIssue({ code: 'custom', path: ['contact'], message: IDENTITY_NEEDED });
    }
  });
export type TFeedbackFiling = z.infer<typeof ZFeedbackFiling>;

export const ZTransition = z.object({
  to: ZFeedbackStatus,
  note: optionalText(2000),
  answer: optionalText(10000),
  targetUnitId: z.string().trim().min(1).max(100).optional(),
  /** The original item (id or tracking code) when rejecting a duplicate. */
  duplicateOf: z.string().trim().min(1).max(100).optional(),
  /** On the move to `published`: show the citizen's photos with the published answer. */
  publishPhotos: z.boolean().optional(),
});
export type TTransition = z.infer<typeof ZTransition>;

export const ZFeedbackQuery = z.object({
  unitId: z.string().max(100).optional(),
  status: ZFeedbackStatus.optional(),
  kind: ZFeedbackKind.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  dueSoon: z.enum(['true', 'false']).optional(),
  /** Tracking code, title or content; case and Vietnamese diacritics are ignored. */
  q: optionalText(200),
  /** `deadline`: the current stage's deadline, nearest first (the default); `received`: newest first. */
  sort: z.enum(['deadline', 'received']).default('deadline'),
  /** Only items late in this stage. */
  late: z.enum(LATE_STAGES).optional(),
  /** `me`, `none` (nobody assigned) or a staff account's id. */
  assignee: z.string().trim().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type TFeedbackQuery = z.infer<typeof ZFeedbackQuery>;

/** POST /api/feedback/:id/assign: a staff account of the item's unit (or above), or null to unassign. */
export const ZAssign = z.object({ userId: z.union([z.string().trim().min(1).max(100), z.null()]) });
export type TAssign = z.infer<typeof ZAssign>;

export const ZTemplateInput = z.object({
  unitId: z.string().trim().min(1).max(100),
  title: z.string().trim().min(1).max(120),
  body: z.string().trim().min(1).max(10000),
});
export type TTemplateInput = z.infer<typeof ZTemplateInput>;

export const ZTemplatePatch = z
  .object({
    title: z.string().trim().min(1).max(120).optional(),
    body: z.string().trim().min(1).max(10000).optional(),
  })
  .refine((v) => v.title !== undefined || v.body !== undefined, 'title or body');
export type TTemplatePatch = z.infer<typeof ZTemplatePatch>;

export const ZTemplateQuery = z.object({ unitId: z.string().trim().min(1).max(100).optional() });

export const ZRating = z.object({
  overall: z.union([z.number().int().min(1).max(5), z.null()]),
  complainedAgain: z.boolean(),
});
export type TRating = z.infer<typeof ZRating>;

export const ZTrackingCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^PA-[0-9A-Z]{8}$/, 'tracking code like PA-XXXXXXXX');

/**
 * A reply key as handed out is base64url, 27 characters (160 bits). Any other text is accepted
 * here and simply does not match: a wrong key is a 404 whatever it looks like.
 */
export const ZReplyKey = z.string().trim().min(1).max(200);

export const ZReply = z.object({
  replyKey: ZReplyKey,
  content: z.string().trim().min(1).max(5000),
});
export type TReply = z.infer<typeof ZReply>;

export const ZAppeal = z.object({
  replyKey: ZReplyKey,
  reason: z.string().trim().min(10).max(5000),
});
export type TAppeal = z.infer<typeof ZAppeal>;

export const ZErasure = z.object({
  replyKey: ZReplyKey,
  /** The citizen confirmed: erasure cannot be undone. */
  confirm: z.literal(true),
});
