import type { Feedback, FeedbackStatus } from '../../db/schema.js';
import { daysLate } from './period.js';
import { ratio, type FailingItem, type Measure } from './types.js';

/**
 * The feedback targets as pure functions of the items of one period and the current instant.
 * Timestamps are ISO UTC strings of one format, so string order is time order.
 */

/** What the formulas need of an item: a subset of the stored row. */
export type FeedbackFacts = Pick<
  Feedback,
  | 'id'
  | 'tracking_code'
  | 'status'
  | 'accept_due_at'
  | 'due_at'
  | 'publish_due_at'
  | 'accepted_at'
  | 'answered_at'
  | 'published_at'
  | 'closed_at'
  | 'duplicate_of'
>;

/** Still being handled: the resolution clock runs (except while waiting for the citizen). */
const OPEN: ReadonlySet<FeedbackStatus> = new Set(['received', 'accepted', 'in_progress']);

/**
 * Rejected, transferred and duplicate items are outside the unit's resolution remit: a refusal
 * is judged by the acceptance target, a transfer opens a new item at the receiving unit, and a
 * duplicate is handled through the item it duplicates.
 */
export function inResolutionRemit(f: FeedbackFacts): boolean {
  return f.status !== 'rejected' && f.status !== 'transferred' && f.duplicate_of === null;
}

function late(
  f: FeedbackFacts,
  dueIso: string,
  atIso: string,
  vi: string,
  en: string,
): FailingItem {
  const d = daysLate(dueIso, atIso);
  return {
    id: f.id,
    label: f.tracking_code,
    kind: 'feedback',
    detail: `${vi} ${d} ngày`,
    detailEn: `${en} ${d} day${d === 1 ? '' : 's'}`,
  };
}

/**
 * Resolved on or before the due date ÷ (resolved + open past the due date at `now`). An open item
 * not yet due, or one waiting for the citizen (its clock is paused and its due date moves when
 * the wait ends), is not counted yet.
 */
export function paknOnTime(items: readonly FeedbackFacts[], nowIso: string): Measure {
  let numerator = 0;
  let denominator = 0;
  let pending = 0;
  const failing: FailingItem[] = [];
  for (const f of items.filter(inResolutionRemit)) {
    if (f.answered_at !== null) {
      denominator++;
      if (f.answered_at <= f.due_at) numerator++;
      else failing.push(late(f, f.due_at, f.answered_at, 'Trả lời muộn', 'Answered late by'));
    } else if (OPEN.has(f.status) && f.due_at < nowIso) {
      denominator++;
      failing.push(late(f, f.due_at, nowIso, 'Quá hạn, chưa trả lời:', 'Open and overdue by'));
    } else {
      pending++;
    }
  }
  return { numerator, denominator, value: ratio(numerator, denominator), pending, failing };
}

/**
 * Answers published within their publication limit ÷ answered items. An answer still within its
 * limit and not yet published is not counted yet; one past it is counted as failing.
 */
export function paknPublished(items: readonly FeedbackFacts[], nowIso: string): Measure {
  let numerator = 0;
  let denominator = 0;
  let pending = 0;
  const failing: FailingItem[] = [];
  for (const f of items.filter(inResolutionRemit)) {
    if (f.answered_at === null) continue;
    const limit = f.publish_due_at;
    if (f.published_at !== null) {
      denominator++;
      if (limit === null || f.published_at <= limit) numerator++;
      else failing.push(late(f, limit, f.published_at, 'Công khai muộn', 'Published late by'));
    } else if (limit !== null && limit < nowIso) {
      denominator++;
      failing.push(late(f, limit, nowIso, 'Chưa công khai, quá hạn', 'Unpublished, overdue by'));
    } else {
      pending++;
    }
  }
  return { numerator, denominator, value: ratio(numerator, denominator), pending, failing };
}

/** When the unit accepted or refused the item (a transfer straight from `received` decides too). */
function decidedAt(f: FeedbackFacts): string | null {
  if (f.accepted_at !== null) return f.accepted_at;
  if (f.status === 'rejected' || f.status === 'transferred') return f.closed_at;
  return null;
}

/**
 * Accepted or refused by the acceptance deadline ÷ items whose acceptance deadline falls in the
 * period (the caller selects them by accept_due_at); undecided items past it count against.
 */
export function paknAcceptedOnTime(items: readonly FeedbackFacts[], nowIso: string): Measure {
  let numerator = 0;
  let denominator = 0;
  let pending = 0;
  const failing: FailingItem[] = [];
  for (const f of items) {
    if (f.duplicate_of !== null) continue;
    const at = decidedAt(f);
    if (at !== null) {
      denominator++;
      if (at <= f.accept_due_at) numerator++;
      else failing.push(late(f, f.accept_due_at, at, 'Tiếp nhận muộn', 'Accepted late by'));
    } else if (f.status === 'received' && f.accept_due_at < nowIso) {
      denominator++;
      failing.push(
        late(f, f.accept_due_at, nowIso, 'Chưa tiếp nhận, quá hạn', 'Not accepted, overdue by'),
      );
    } else {
      pending++;
    }
  }
  return { numerator, denominator, value: ratio(numerator, denominator), pending, failing };
}
