import type { FeedbackStatus } from '../../db/schema.js';
import { FEEDBACK_STATUSES } from '../domain/feedback.js';

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

export const STATUSES: readonly FeedbackStatus[] = FEEDBACK_STATUSES;

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

export { STATUS_LABELS } from '../domain/feedback.js';
