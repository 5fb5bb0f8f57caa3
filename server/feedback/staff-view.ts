import type { Db } from '../../db/index.js';
import {
  getContact,
  getFeedback,
  listEvents,
  listFeedback,
} from '../../db/repositories/feedback.js';
import { getAssignee, listAssignments } from '../../db/repositories/feedback-inbox.js';
import { holidaySet } from '../../db/repositories/holidays.js';
import { getUnit, isInSubtree } from '../../db/repositories/units.js';
import type { Feedback, Unit } from '../../db/schema.js';
import { addWorkingDays, lateCutoff } from '../deadlines.js';
import { foldText } from '../domain/text.js';
import { asReturned, waitReturns } from './waits.js';
import {
  linked,
  listItemDto,
  movesFor,
  timelineDto,
  type TFeedbackDetail,
  type TFeedbackListItem,
} from './dto.js';
import type { TFeedbackQuery } from './schemas.js';

/** "Due soon" means due by the end of the second working day after today. */
export const DUE_SOON_WORKING_DAYS = 2;

async function cutoffs(db: Db, now: Date) {
  return {
    now: now.toISOString(),
    lateCutoff: lateCutoff(now),
    soonCutoff: addWorkingDays(now, DUE_SOON_WORKING_DAYS, await holidaySet(db)),
  };
}

/** `assignee=me|none|<id>` as the repository's filter: a user id, null for nobody, or any. */
function assigneeFilter(assignee: string | undefined, meId: string): string | null | undefined {
  if (assignee === 'me') return meId;
  if (assignee === 'none') return null;
  return assignee;
}

/**
 * The inbox of `scope`'s subtree for the user `meId`: filtered (status, kind, deadlines, the stage
 * an item is late in, assignee, a search folded like the stored text) and sorted by the current
 * stage's deadline (nearest first) or by receipt (newest first).
 */
export async function inbox(
  db: Db,
  now: Date,
  scope: Unit,
  q: TFeedbackQuery,
  meId: string,
): Promise<{ items: TFeedbackListItem[]; total: number }> {
  // A wait past its end is shown back with staff, as the next sweep will store it (a read never
  // writes): filtered, flagged and listed as in_progress with the days waited given back.
  const returns = await waitReturns(db, now, { rootPath: scope.path });
  const c = await cutoffs(db, now);
  const { rows, total } = await listFeedback(
    db,
    {
      rootPath: scope.path,
      status: q.status,
      kind: q.kind,
      overdue: q.overdue === undefined ? undefined : q.overdue === 'true',
      dueSoon: q.dueSoon === 'true' ? true : undefined,
      lateCutoff: c.lateCutoff,
      soonCutoff: c.soonCutoff,
      returned: [...returns.values()].map((r) => ({ id: r.item.id, dueAt: r.set.due_at })),
      search: q.q ? foldText(q.q) : undefined,
      lateStage: q.late,
      assignee: assigneeFilter(q.assignee, meId),
    },
    { limit: q.limit, offset: q.offset, sort: q.sort },
  );
  return {
    items: rows.map((r) => listItemDto(asReturned(r, returns), c.now, c.soonCutoff)),
    total,
  };
}

/** The full case for staff whose subtree holds the item (the caller has checked that). */
export async function staffDetail(
  db: Db,
  now: Date,
  loaded: Feedback,
  canWrite: boolean,
): Promise<TFeedbackDetail> {
  const returns = await waitReturns(db, now, { ids: [loaded.id] });
  const returned = returns.get(loaded.id);
  const item = asReturned(loaded, returns);
  const c = await cutoffs(db, now);
  const unit = await getUnit(db, item.unit_id);
  const contact = await getContact(db, item.id);
  const assignee = await getAssignee(db, item.id);
  const link = async (id: string | null) => (id ? linked(await getFeedback(db, id)) : null);
  return {
    ...listItemDto(
      {
        ...item,
        unit_name: unit?.name ?? '',
        assignee_id: assignee?.user_id ?? null,
        assignee_name: assignee?.name ?? null,
      },
      c.now,
      c.soonCutoff,
    ),
    content: item.content,
    answer: item.answer,
    acceptedAt: item.accepted_at,
    publishedAt: item.published_at,
    closedAt: item.closed_at,
    duplicateOf: await link(item.duplicate_of),
    transferredFrom: await link(item.transferred_from),
    transferredTo: await link(item.transferred_to),
    contact:
      contact && !contact.erased_at
        ? {
            name: contact.name,
            phone: contact.phone,
            email: contact.email,
            consentAt: contact.consent_at,
            retainUntil: contact.retain_until,
          }
        : null,
    contactErasedAt: contact?.erased_at ?? null,
    timeline: timelineDto(
      [
        ...(await listEvents(db, item.id)),
        // The return the sweep will write, dated when the wait ended.
        ...(returned ? [{ ...returned.event, actor_name: null }] : []),
      ],
      await listAssignments(db, item.id),
    ),
    allowedMoves: movesFor(item.status, canWrite),
  };
}

/** The item with this id, if there is one (the route then checks it lies in the user's scope). */
export function itemById(db: Db, id: string): Promise<Feedback | undefined> {
  return getFeedback(db, id);
}

/** "This item lies in `rootId`'s subtree", for the personal-data routes' related items. */
export function inSubtreeOf(db: Db, rootId: string) {
  return (f: Feedback) => isInSubtree(db, rootId, f.unit_id);
}
