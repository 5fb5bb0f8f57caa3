import type { Db } from '../../db/index.js';
import {
  getFeedback,
  getFeedbackByCode,
  eventId,
  insertEvent,
  updateFeedbackIfStatus,
} from '../../db/repositories/feedback.js';
import { holidaySet } from '../../db/repositories/holidays.js';
import { getUnit, isInSubtree } from '../../db/repositories/units.js';
import type { Feedback, Unit, User } from '../../db/schema.js';
import { recordAudit } from '../audit/service.js';
import { addWorkingDays, type CalendarLike } from '../deadlines.js';
import { conflict, invalid } from '../errors.js';
import { enqueueNotices } from '../notifications/enqueue.js';
import { publishPhotos } from '../../db/repositories/feedback-photos.js';
import { LIMITS } from './limits.js';
import { copyContact, insertReceived, newItemRow } from './service.js';
import { canMove, MOVES, STATUS_LABELS } from './state-machine.js';
import type { TTransition } from './schemas.js';
import { dueAfterWait, lateRequestNote, sweepExpiredWaits, waitStopsClock } from './waits.js';

/** The top of a unit's tree (its Department): transfers and duplicates stay inside it. */
export function treeRootPath(unitPath: string): string {
  return `/${unitPath.split('/')[1]}/`;
}

async function unitInTree(db: Db, unitId: string, rootPath: string): Promise<Unit | undefined> {
  const unit = await getUnit(db, unitId);
  return unit && unit.path.startsWith(rootPath) ? unit : undefined;
}

interface Ctx {
  db: Db;
  now: Date;
  /** Null for the citizen (a reply that ends a wait). */
  actor: User | null;
  item: Feedback;
  unit: Unit;
  holidays: CalendarLike;
}

/** The extra fields a move sets, beyond status; throws 400 when the move lacks what it needs. */
/** The columns a move sets besides its status: typed as the row's own, so the updated row needs no cast. */
type Changes = Partial<Omit<Feedback, 'id' | 'status' | 'updated_at'>>;

async function fieldsFor(ctx: Ctx, t: TTransition): Promise<Changes> {
  const { now, item } = ctx;
  const at = now.toISOString();
  switch (t.to) {
    case 'accepted':
      return { accepted_at: at };
    case 'rejected':
      if (t.duplicateOf)
        return { closed_at: at, duplicate_of: (await findOriginal(ctx, t.duplicateOf)).id };
      if (!t.note) throw invalid([{ path: 'note', message: 'a rejection needs a reason' }]);
      return { closed_at: at };
    case 'waiting_citizen':
      if (!t.note) throw invalid([{ path: 'note', message: 'say what the citizen should supply' }]);
      // The clock stops only for time that was left, and only for a request made in time (waits.ts).
      return { clock_paused_at: waitStopsClock(item, at, ctx.holidays) ? at : null };
    case 'in_progress':
      if (item.status !== 'waiting_citizen') return {};
      // Give back the working days spent waiting, when the wait stopped the clock at all.
      return { due_at: dueAfterWait(item, now, ctx.holidays), clock_paused_at: null };
    case 'answered':
      if (!t.answer) throw invalid([{ path: 'answer', message: 'an answer is required' }]);
      return {
        answer: t.answer,
        answered_at: at,
        publish_due_at: addWorkingDays(now, LIMITS[item.kind].publish, ctx.holidays),
      };
    case 'published':
      if (t.publishPhotos) await publishPhotos(ctx.db, item.id);
      return { published_at: at, closed_at: at };
    case 'transferred':
      return { closed_at: at, transferred_to: (await openTransfer(ctx, t)).id };
    default:
      return {};
  }
}

/** The original of a duplicate: only an item inside the caller's own subtree (else "unknown"). */
async function findOriginal(ctx: Ctx, ref: string): Promise<Feedback> {
  const original =
    (await getFeedback(ctx.db, ref)) ?? (await getFeedbackByCode(ctx.db, ref.toUpperCase()));
  const bad = (message: string) => invalid([{ path: 'duplicateOf', message }]);
  if (!ctx.actor) throw bad('unknown item');
  if (!original || !(await isInSubtree(ctx.db, ctx.actor.unit_id, original.unit_id)))
    throw bad('unknown item');
  if (original.id === ctx.item.id) throw bad('an item cannot duplicate itself');
  return original;
}

/** Opens the `received` item at the target unit, with fresh deadlines and the same contact. */
async function openTransfer(ctx: Ctx, t: TTransition): Promise<Feedback> {
  const bad = (message: string) => invalid([{ path: 'targetUnitId', message }]);
  if (!t.targetUnitId) throw bad('a transfer needs targetUnitId');
  const target = await unitInTree(ctx.db, t.targetUnitId, treeRootPath(ctx.unit.path));
  if (!target) throw bad('unknown unit');
  if (target.id === ctx.item.unit_id) throw bad('already at this unit');
  const { item, now, holidays } = ctx;
  const created = await insertReceived(
    ctx.db,
    () =>
      newItemRow(
        {
          unitId: target.id,
          kind: item.kind,
          category: item.category,
          title: item.title,
          content: item.content,
          transferredFrom: item.id,
        },
        now,
        holidays,
      ),
    await copyContact(ctx.db, item.id),
    {
      actor: ctx.actor?.id ?? null,
      note: `Chuyển từ ${ctx.unit.name}${t.note ? `: ${t.note}` : ''}`,
    },
  );
  if (!created) throw new Error('transfer could not open the new item');
  return created;
}

/**
 * Applies one move of the state machine in one transaction: checks the table, sets the
 * fields the move implies, appends the event. A move not in the table, or an item another
 * user moved meanwhile, → 409.
 */
export async function applyTransition(
  db: Db,
  now: Date,
  actor: User,
  id: string,
  t: TTransition,
): Promise<Feedback> {
  await sweepExpiredWaits(db, now, [id]); // a wait past its end is already back with staff
  return db.transaction().execute(async (trx) => {
    const moved = await transitionIn(trx, now, actor, id, t, { notify: true });
    await auditMove(trx, now, actor, moved, t);
    return moved;
  });
}

const AUDITED: Partial<Record<TTransition['to'], string>> = {
  published: 'Đăng công khai',
  rejected: 'Từ chối',
  transferred: 'Chuyển',
};

/** Publishing, rejecting and transferring an item go to the audit trail (server/audit/). */
async function auditMove(trx: Db, now: Date, actor: User, item: Feedback, t: TTransition) {
  const verb = AUDITED[t.to];
  if (!verb) return;
  const target =
    t.to === 'transferred' && t.targetUnitId ? await getUnit(trx, t.targetUnitId) : null;
  await recordAudit(trx, {
    at: now,
    userId: actor.id,
    action: t.to === 'published' ? 'publish' : t.to === 'rejected' ? 'reject' : 'transfer',
    kind: 'feedback',
    objectId: item.id,
    unitId: item.unit_id,
    summary: `${verb} phản ánh ${item.tracking_code} "${item.title}"${target ? ` sang ${target.name}` : ''}`,
    detail: { trackingCode: item.tracking_code, to: t.to, targetUnitId: t.targetUnitId ?? null },
  });
}

/** 409 for a move the state machine does not allow, naming both statuses as staff read them. */
function refusedMove(from: Feedback['status'], to: TTransition['to']) {
  return conflict(
    {
      vi: `Không thể chuyển từ "${STATUS_LABELS[from].vi}" sang "${STATUS_LABELS[to].vi}".`,
      en: `Cannot move from "${STATUS_LABELS[from].en}" to "${STATUS_LABELS[to].en}".`,
    },
    { from, to, allowed: MOVES[from] },
  );
}

/** The move's timeline entry, and a note of its own for a request too late to pause the clock. */
async function recordMove(ctx: Ctx, t: TTransition, at: string): Promise<void> {
  const { db, item, actor } = ctx;
  const entry = { id: eventId(at), feedback_id: item.id, at };
  await insertEvent(db, {
    ...entry,
    from_status: item.status,
    to_status: t.to,
    actor_user_id: actor?.id ?? null,
    note: t.note ?? null,
    by_citizen: actor ? 0 : 1,
  });
  const flag = t.to === 'waiting_citizen' ? lateRequestNote(item, at, ctx.holidays) : null;
  if (flag) {
    await insertEvent(db, {
      ...entry,
      id: eventId(at),
      from_status: t.to,
      to_status: t.to,
      actor_user_id: null,
      note: flag,
    });
  }
}

/**
 * applyTransition's body, for a caller that already holds a transaction (the demo seed).
 * `notify`: write the citizen's message to the outbox in this transaction (the demo seed does not).
 */
export async function transitionIn(
  trx: Db,
  now: Date,
  actor: User | null,
  id: string,
  t: TTransition,
  opts: { notify?: boolean } = {},
): Promise<Feedback> {
  const item = await getFeedback(trx, id);
  const unit = item && (await getUnit(trx, item.unit_id));
  if (!item || !unit) throw new Error('item vanished');
  if (!canMove(item.status, t.to)) throw refusedMove(item.status, t.to);
  const ctx: Ctx = { db: trx, now, actor, item, unit, holidays: await holidaySet(trx) };
  const set = await fieldsFor(ctx, t);
  const at = now.toISOString();
  if (
    !(await updateFeedbackIfStatus(trx, id, item.status, { ...set, status: t.to, updated_at: at }))
  ) {
    throw conflict({
      vi: 'Mục này vừa được người khác cập nhật.',
      en: 'Someone else has just updated this item.',
    });
  }
  await recordMove(ctx, t, at);
  const moved = { ...item, ...set, status: t.to, updated_at: at };
  if (opts.notify) await enqueueNotices(trx, now, moved, t.note ?? null);
  return moved;
}
