import type { Db } from '../../db/index.js';
import {
  feedbackByInstant,
  type FeedbackTargetRow,
  type Span,
} from '../../db/repositories/targets.js';
import { asReturned, type WaitReturns } from '../feedback/waits.js';

/**
 * Feedback of the subtree whose `column` instant lies in the span, oldest first, with every
 * ended wait (`returns`, from `waitReturns` over the same subtree) shown as the next sweep will
 * store it: in_progress, its deadline moved by the days waited. The move can take an item into
 * or out of the period by `due_at`, so those are placed by their new deadline. Reads only.
 */
export async function feedbackRows(
  db: Db,
  column: 'due_at' | 'accept_due_at' | 'received_at',
  s: Span,
  returns: WaitReturns,
): Promise<FeedbackTargetRow[]> {
  const stored = await feedbackByInstant(db, column, s);
  if (!returns.size) return stored;
  if (column !== 'due_at') return stored.map((f) => asReturned(f, returns));
  const moved = [...returns.values()]
    .map((r) => ({ ...r.item, ...r.set }))
    .filter((f) => f.due_at >= s.startIso && f.due_at < s.endIso);
  return [...stored.filter((f) => !returns.has(f.id)), ...moved].sort(
    (a, b) => cmp(a.due_at, b.due_at) || cmp(a.tracking_code, b.tracking_code),
  );
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
