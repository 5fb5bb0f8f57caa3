import type { Db } from '../../db/index.js';
import {
  getUserById,
  listStaffOfUnits,
  setAssignee,
} from '../../db/repositories/feedback-inbox.js';
import { eventId } from '../../db/repositories/feedback.js';
import { getUnit } from '../../db/repositories/units.js';
import type { Feedback, Unit, User } from '../../db/schema.js';
import { invalid } from '../errors.js';

/** The ids of a unit and its ancestors, read from its materialised path ('/HN/HN-TAYHO/…/'). */
export function selfAndAncestors(unit: Pick<Unit, 'path'>): string[] {
  return unit.path.split('/').filter(Boolean);
}

export interface TAssigneeOption {
  id: string;
  name: string;
  unitName: string;
}

/**
 * Who may handle an item: enabled managers and admins whose unit is the item's unit or one above
 * it (so they can see it), and inside the caller's subtree (a school cannot hand work to the
 * district). Nearest unit first.
 */
export async function assigneeOptions(
  db: Db,
  item: Feedback,
  callerRoot: Unit,
): Promise<TAssigneeOption[]> {
  const unit = await getUnit(db, item.unit_id);
  if (!unit) return [];
  const chain = selfAndAncestors(unit); // the root first, the item's unit last
  const from = chain.indexOf(callerRoot.id);
  const visible = from < 0 ? [] : chain.slice(from);
  return (await listStaffOfUnits(db, visible)).map((u) => ({
    id: u.id,
    name: u.name,
    unitName: u.unit_name,
  }));
}

const NOT_ASSIGNABLE = {
  vi: 'Chỉ giao được cho cán bộ (quản lý) của đơn vị nhận phản ánh hoặc đơn vị cấp trên trong phạm vi của bạn.',
  en: 'An item can only be assigned to a manager of its unit, or of a unit above it within your scope.',
};

/**
 * Gives the item to `userId` (null: to nobody), recorded for the timeline. The assignee must be
 * one of `assigneeOptions`: anyone else (another school, a disabled account, a viewer) is a 400.
 */
export async function assign(
  db: Db,
  now: Date,
  actor: User,
  callerRoot: Unit,
  item: Feedback,
  userId: string | null,
): Promise<void> {
  if (userId !== null) {
    const options = await assigneeOptions(db, item, callerRoot);
    if (!options.some((o) => o.id === userId) || !(await getUserById(db, userId)))
      throw invalid([{ path: 'userId', message: NOT_ASSIGNABLE.en }], NOT_ASSIGNABLE);
  }
  const at = now.toISOString();
  await db
    .transaction()
    .execute((trx) =>
      setAssignee(trx, { id: eventId(at), feedbackId: item.id, userId, actorId: actor.id, at }),
    );
}
