import type { Feedback, FeedbackStatus } from '../../db/schema.js';
import { isLate } from '../deadlines.js';
import { daysLate } from './period.js';
import { ratio, type FailingItem, type Measure } from './types.js';

/**
 * The feedback targets as pure functions of the items of one period and the current instant.
 * Every "late" goes through `isLate` (a deadline ends at 24:00 of its day, Civil Code art. 148).
 *
 * One rule for every resolution target (pakn_on_time, pakn_published, pakn_satisfaction_766):
 * - Outside the remit, outside every one of them: rejected, transferred away, or a duplicate
 *   (a duplicate is counted once, through its original; a transfer through the new item the
 *   receiving unit opened).
 * - Answered: on time or late by the answer's date.
 * - Open (received, accepted, in progress) or waiting for the citizen: late once its due date
 *   has passed, not counted yet (pending) before. A wait stops the clock only for time that was
 *   left (`clock_paused_at`), so an item paused while on time is pending until the wait ends,
 *   and one paused when already overdue stays late.
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
> & { clock_paused_at?: string | null };

/** Still being handled: the resolution clock runs (or is stopped by a wait for the citizen). */
const OPEN: ReadonlySet<FeedbackStatus> = new Set([
  'received',
  'accepted',
  'in_progress',
  'waiting_citizen',
]);

/** Rejected, transferred away and duplicate items are outside the unit's resolution remit. */
export function inResolutionRemit(f: FeedbackFacts): boolean {
  return f.status !== 'rejected' && f.status !== 'transferred' && f.duplicate_of === null;
}

export type Resolution = 'on_time' | 'late' | 'pending' | 'outside';

/** How an item stands against its resolution deadline at `nowIso` (the rule above). */
export function resolution(f: FeedbackFacts, nowIso: string): Resolution {
  if (!inResolutionRemit(f)) return 'outside';
  if (f.answered_at !== null) return isLate(f.answered_at, f.due_at) ? 'late' : 'on_time';
  if (!OPEN.has(f.status)) return 'pending';
  if (f.status === 'waiting_citizen' && f.clock_paused_at) return 'pending';
  return isLate(nowIso, f.due_at) ? 'late' : 'pending';
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

function lateItem(f: FeedbackFacts, nowIso: string): FailingItem {
  return f.answered_at !== null
    ? late(f, f.due_at, f.answered_at, 'Trả lời muộn', 'Answered late by')
    : late(f, f.due_at, nowIso, 'Quá hạn, chưa trả lời:', 'Open and overdue by');
}

/**
 * Resolved on or before the due date ÷ (resolved + open or waiting past the due date at `now`):
 * Decision 766's "handled on time ÷ items in the remit", never closed-on-time ÷ closed.
 */
export function paknOnTime(items: readonly FeedbackFacts[], nowIso: string): Measure {
  let numerator = 0;
  let denominator = 0;
  let pending = 0;
  const failing: FailingItem[] = [];
  for (const f of items) {
    const r = resolution(f, nowIso);
    if (r === 'outside') continue;
    if (r === 'pending') pending++;
    else {
      denominator++;
      if (r === 'on_time') numerator++;
      else failing.push(lateItem(f, nowIso));
    }
  }
  return { numerator, denominator, value: ratio(numerator, denominator), pending, failing };
}

/** An item with its citizen's rating (absent when not rated). */
export type RatedFacts = FeedbackFacts & { notSatisfied?: boolean; complainedAgain?: boolean };

/**
 * Decision 766's satisfaction with feedback handling = (all − rated not satisfied − complained
 * again − late) ÷ all, over the same items pakn_on_time counts (same remit, same pending rule):
 * an item failing on two counts is subtracted once.
 */
export function paknSatisfaction766(items: readonly RatedFacts[], nowIso: string): Measure {
  let denominator = 0;
  let pending = 0;
  const failing: FailingItem[] = [];
  for (const f of items) {
    const r = resolution(f, nowIso);
    if (r === 'outside') continue;
    if (r === 'pending') {
      pending++;
      continue;
    }
    denominator++;
    const isLateItem = r === 'late';
    if (!isLateItem && !f.notSatisfied && !f.complainedAgain) continue;
    const vi = [
      isLateItem && 'trễ hạn',
      f.notSatisfied && 'không hài lòng',
      f.complainedAgain && 'phản ánh lại',
    ].filter(Boolean);
    const en = [
      isLateItem && 'late',
      f.notSatisfied && 'rated not satisfied',
      f.complainedAgain && 'complained again',
    ].filter(Boolean);
    failing.push({
      id: f.id,
      label: f.tracking_code,
      kind: 'feedback',
      detail: vi.join(', '),
      detailEn: en.join(', '),
    });
  }
  const numerator = denominator - failing.length;
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
      if (limit === null || !isLate(f.published_at, limit)) numerator++;
      else failing.push(late(f, limit, f.published_at, 'Công khai muộn', 'Published late by'));
    } else if (limit !== null && isLate(nowIso, limit)) {
      denominator++;
      failing.push(late(f, limit, nowIso, 'Chưa công khai, quá hạn', 'Unpublished, overdue by'));
    } else {
      pending++;
    }
  }
  return { numerator, denominator, value: ratio(numerator, denominator), pending, failing };
}

/** When the unit accepted or refused the item. */
function decidedAt(f: FeedbackFacts): string | null {
  if (f.accepted_at !== null) return f.accepted_at;
  if (f.status === 'rejected') return f.closed_at;
  return null;
}

/**
 * Accepted or refused by the acceptance deadline ÷ items whose acceptance deadline falls in the
 * period (the caller selects them by accept_due_at); undecided items past it count against. This
 * target judges the decision itself, so a refusal is counted here (and only here: a late refusal
 * must not hide a late decision). A transferred item is counted once, through the item the
 * receiving unit opened (its own acceptance deadline), as in the resolution targets; a duplicate
 * through its original.
 */
export function paknAcceptedOnTime(items: readonly FeedbackFacts[], nowIso: string): Measure {
  let numerator = 0;
  let denominator = 0;
  let pending = 0;
  const failing: FailingItem[] = [];
  for (const f of items) {
    if (f.duplicate_of !== null || f.status === 'transferred') continue;
    const at = decidedAt(f);
    if (at !== null) {
      denominator++;
      if (!isLate(at, f.accept_due_at)) numerator++;
      else failing.push(late(f, f.accept_due_at, at, 'Tiếp nhận muộn', 'Accepted late by'));
    } else if (f.status === 'received' && isLate(nowIso, f.accept_due_at)) {
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
