import { z } from 'zod';

/**
 * The feedback vocabulary, in one place: the kinds, the statuses, their labels and the
 * categories. It imports nothing but zod, so db/schema.ts (its types), the server and the
 * dashboard all read the same lists.
 *
 * Each schema is marked pure: a bundle that uses only the lists and labels (the dashboard)
 * drops the schemas, and zod with them.
 */

export const FEEDBACK_KINDS = ['feedback', 'complaint', 'denunciation'] as const;
export const ZFeedbackKind = /* @__PURE__ */ z.enum(FEEDBACK_KINDS);
export type TFeedbackKind = z.infer<typeof ZFeedbackKind>;

export const FEEDBACK_STATUSES = [
  'received',
  'accepted',
  'rejected',
  'transferred',
  'in_progress',
  'waiting_citizen',
  'answered',
  'published',
] as const;
export const ZFeedbackStatus = /* @__PURE__ */ z.enum(FEEDBACK_STATUSES);
export type TFeedbackStatus = z.infer<typeof ZFeedbackStatus>;

export const KIND_LABELS: Record<TFeedbackKind, { vi: string; en: string }> = {
  feedback: { vi: 'Phản ánh, kiến nghị', en: 'Feedback or recommendation' },
  complaint: { vi: 'Khiếu nại', en: 'Formal complaint' },
  denunciation: { vi: 'Tố cáo', en: 'Denunciation' },
};

export const STATUS_LABELS: Record<TFeedbackStatus, { vi: string; en: string }> = {
  received: { vi: 'Đã tiếp nhận', en: 'Received' },
  accepted: { vi: 'Đã thụ lý', en: 'Accepted' },
  rejected: { vi: 'Từ chối', en: 'Rejected' },
  transferred: { vi: 'Đã chuyển đơn vị khác', en: 'Transferred' },
  in_progress: { vi: 'Đang xử lý', en: 'In progress' },
  waiting_citizen: { vi: 'Chờ bổ sung thông tin', en: 'Waiting for the citizen' },
  answered: { vi: 'Đã trả lời', en: 'Answered' },
  published: { vi: 'Đã công khai', en: 'Published' },
};

/**
 * The feedback categories offered on the form. A deployment changes this list (ids are stored
 * with each item, so keep old ids when relabelling); an id not in the list is refused with 400.
 */
export const CATEGORIES: { id: string; vi: string; en: string }[] = [
  { id: 'thu_tuc_hanh_chinh', vi: 'Thủ tục hành chính', en: 'Administrative procedure' },
  { id: 'thu_phi', vi: 'Các khoản thu, phí', en: 'Fees and collections' },
  { id: 'co_so_vat_chat', vi: 'Cơ sở vật chất', en: 'Facilities' },
  { id: 'ung_xu_giao_vien', vi: 'Ứng xử của giáo viên, cán bộ', en: 'Teacher and staff conduct' },
  { id: 'tuyen_sinh', vi: 'Tuyển sinh', en: 'Admissions' },
  { id: 'khac', vi: 'Khác', en: 'Other' },
];
