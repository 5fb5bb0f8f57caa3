import type { FeedbackStatus } from '../../db/schema.js';

/**
 * The one table of allowed moves (CONTRACT.md). Anything not listed is refused with 409.
 * published, rejected and transferred are final: a transfer opens a new item elsewhere.
 */
export const MOVES: Record<FeedbackStatus, readonly FeedbackStatus[]> = {
  received: ['accepted', 'rejected', 'transferred'],
  accepted: ['in_progress'],
  in_progress: ['waiting_citizen', 'answered', 'transferred'],
  waiting_citizen: ['in_progress'],
  answered: ['published'],
  published: [],
  rejected: [],
  transferred: [],
};

export const STATUSES = Object.keys(MOVES) as FeedbackStatus[];

export function canMove(from: FeedbackStatus, to: FeedbackStatus): boolean {
  return MOVES[from].includes(to);
}

/** Still being handled: the resolution clock runs (or is paused, in waiting_citizen). */
export const OPEN_STATUSES: readonly FeedbackStatus[] = [
  'received',
  'accepted',
  'in_progress',
  'waiting_citizen',
];
export const FINAL_STATUSES: readonly FeedbackStatus[] = ['published', 'rejected', 'transferred'];

export const STATUS_LABELS: Record<FeedbackStatus, { vi: string; en: string }> = {
  received: { vi: 'Đã tiếp nhận', en: 'Received' },
  accepted: { vi: 'Đã thụ lý', en: 'Accepted' },
  rejected: { vi: 'Từ chối', en: 'Rejected' },
  transferred: { vi: 'Đã chuyển đơn vị khác', en: 'Transferred' },
  in_progress: { vi: 'Đang xử lý', en: 'In progress' },
  waiting_citizen: { vi: 'Chờ bổ sung thông tin', en: 'Waiting for the citizen' },
  answered: { vi: 'Đã trả lời', en: 'Answered' },
  published: { vi: 'Đã công khai', en: 'Published' },
};
