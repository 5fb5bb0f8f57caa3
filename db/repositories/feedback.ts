import { sql, type SqlBool } from 'kysely';
import type { Db } from '../index.js';
import { deletePhotos } from './feedback-photos.js';
import { eraseOutboxFor, eraseOutboxOfErasedContacts } from './outbox.js';
import type { TLateStage } from '../../server/domain/inbox.js';
import type {
  Feedback,
  FeedbackContact,
  FeedbackKind,
  FeedbackStatus,
  FeedbackUpdate,
  NewFeedback,
} from '../schema.js';

export async function getFeedback(db: Db, id: string): Promise<Feedback | undefined> {
  return db.selectFrom('feedback').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function getFeedbackByCode(
  db: Db,
  trackingCode: string,
): Promise<Feedback | undefined> {
  return db
    .selectFrom('feedback')
    .selectAll()
    .where('tracking_code', '=', trackingCode)
    .executeTakeFirst();
}

export async function getFeedbackByClientId(
  db: Db,
  clientId: string,
): Promise<Feedback | undefined> {
  return db.selectFrom('feedback').selectAll().where('client_id', '=', clientId).executeTakeFirst();
}

/** Inserts unless a unique key (tracking code, client id) is taken; true when inserted. */
export async function insertFeedbackIfNew(db: Db, row: NewFeedback): Promise<boolean> {
  const r = await db
    .insertInto('feedback')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Moves an item only if it is still in `from`: two staff clicking at once cannot both move it. */
export async function updateFeedbackIfStatus(
  db: Db,
  id: string,
  from: FeedbackStatus,
  set: FeedbackUpdate,
): Promise<boolean> {
  const r = await db
    .updateTable('feedback')
    .set(set)
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function setReplyKeyHash(db: Db, id: string, hash: string): Promise<void> {
  await db.updateTable('feedback').set({ reply_key_hash: hash }).where('id', '=', id).execute();
}

/** The appeals filed against an item (its reconsiderations). */
export async function appealsOf(db: Db, id: string): Promise<Feedback[]> {
  return db.selectFrom('feedback').selectAll().where('appeal_of', '=', id).execute();
}

/** The id of the citizen's latest entry in an item's timeline (the reply just written). */
export async function lastCitizenEventId(db: Db, feedbackId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('feedback_events')
    .select('id')
    .where('feedback_id', '=', feedbackId)
    .where('by_citizen', '=', 1)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row?.id;
}

let eventSeq = 0;

/**
 * Event ids sort in the order the events were written, even within one millisecond (a fixed
 * clock, or a transfer's two events): the time, then a per-process counter, then randomness.
 */
export function eventId(at: string): string {
  eventSeq = (eventSeq + 1) % 1e9;
  return `${at}~${String(eventSeq).padStart(9, '0')}~${Math.random().toString(36).slice(2, 8)}`;
}

export async function insertEvent(
  db: Db,
  e: {
    id: string;
    feedback_id: string;
    from_status: FeedbackStatus | null;
    to_status: FeedbackStatus;
    actor_user_id: string | null;
    at: string;
    note: string | null;
    /** 1 for the citizen's own entry (a reply). */
    by_citizen?: number;
  },
): Promise<void> {
  await db.insertInto('feedback_events').values(e).execute();
}

export interface EventWithActor {
  id: string;
  from_status: FeedbackStatus | null;
  to_status: FeedbackStatus;
  at: string;
  note: string | null;
  actor_user_id: string | null;
  actor_name: string | null;
  /** 1 for the citizen's own entry (a reply); absent on an entry not stored yet. */
  by_citizen?: number;
}

export async function listEvents(db: Db, feedbackId: string): Promise<EventWithActor[]> {
  return db
    .selectFrom('feedback_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_user_id')
    .select([
      'e.id',
      'e.from_status',
      'e.to_status',
      'e.at',
      'e.note',
      'e.actor_user_id',
      'u.name as actor_name',
      'e.by_citizen',
    ])
    .where('e.feedback_id', '=', feedbackId)
    .orderBy('e.at')
    .orderBy('e.id')
    .execute();
}

/** When the item last entered `status` (the start of the current wait, for instance). */
export async function lastEntered(
  db: Db,
  feedbackId: string,
  status: FeedbackStatus,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('feedback_events')
    .select('at')
    .where('feedback_id', '=', feedbackId)
    .where('to_status', '=', status)
    .orderBy('at', 'desc')
    .executeTakeFirst();
  return row?.at;
}

export async function insertContact(db: Db, c: FeedbackContact): Promise<void> {
  await db.insertInto('feedback_contacts').values(c).execute();
}

export async function getContact(db: Db, feedbackId: string): Promise<FeedbackContact | undefined> {
  return db
    .selectFrom('feedback_contacts')
    .selectAll()
    .where('feedback_id', '=', feedbackId)
    .executeTakeFirst();
}

/** Erasure: the person's details go, the case and its statistics stay. */
export async function eraseContacts(db: Db, feedbackIds: string[], at: string): Promise<number> {
  if (!feedbackIds.length) return 0;
  const r = await db
    .updateTable('feedback_contacts')
    .set({ name: null, phone: null, email: null, erased_at: at })
    .where('feedback_id', 'in', feedbackIds)
    .where('erased_at', 'is', null)
    .executeTakeFirst();
  await eraseOutboxFor(db, feedbackIds); // unsent messages to the erased address go too
  return Number(r.numUpdatedRows);
}

/** SQL for the deadline of the item's current stage (accept, resolve, publish); null when none runs. */
export const stageDueSql = sql<string | null>`(case status
  when 'received' then accept_due_at
  when 'accepted' then due_at
  when 'in_progress' then due_at
  when 'waiting_citizen' then (case when clock_paused_at is null then due_at else null end)
  when 'answered' then publish_due_at
  else null end)`;

export interface FeedbackFilter {
  /** Materialised path of the subtree root ('/HN/HN-TAYHO/'). */
  rootPath: string;
  status?: FeedbackStatus;
  kind?: FeedbackKind;
  /** Items whose current stage's deadline has passed: deadline < `lateCutoff`. */
  overdue?: boolean;
  /** Items not overdue whose current stage's deadline is at or before `soonCutoff`. */
  dueSoon?: boolean;
  /** Today's 00:00 in Vietnam: a deadline before it is past (it ended at 24:00 of its day). */
  lateCutoff: string;
  soonCutoff: string;
  /**
   * Items still stored as waiting_citizen whose wait has ended: filtered as in_progress with
   * `dueAt` as their deadline, as the next sweep will store them (server/feedback/waits.ts).
   */
  returned?: readonly { id: string; dueAt: string }[];
  /** Already folded (server/domain/text.ts): matched inside the item's folded code, title and content. */
  search?: string;
  /** Overdue items whose late stage is this one: acceptance, resolution or publication. */
  lateStage?: LateStage;
  /** Items assigned to this user; null for items nobody is assigned. */
  assignee?: string | null;
}

export type LateStage = TLateStage;

/** SQL for the stage whose deadline runs now (the stage an overdue item is late in). */
const stageSql = sql<LateStage | null>`(case feedback.status
  when 'received' then 'acceptance'
  when 'accepted' then 'resolution'
  when 'in_progress' then 'resolution'
  when 'waiting_citizen' then 'resolution'
  when 'answered' then 'publication'
  else null end)`;

/** `%needle%` for LIKE, with the needle's own wildcards taken literally. */
function containsPattern(needle: string): string {
  return `%${needle.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/** The current stage's deadline, with the deadline an ended wait returns with. */
function stageDueOf(returned: FeedbackFilter['returned']) {
  if (!returned?.length) return stageDueSql;
  const whens = returned.map((r) => sql`when ${r.id} then ${r.dueAt}`);
  return sql<string | null>`(case feedback.id ${sql.join(whens, sql` `)} else ${stageDueSql} end)`;
}

/** Items with status `status`, counting an ended wait as in_progress. */
function statusIs(status: FeedbackStatus, returned: FeedbackFilter['returned']) {
  const ids = (returned ?? []).map((r) => r.id);
  if (!ids.length) return sql<SqlBool>`feedback.status = ${status}`;
  const list = sql.join(ids);
  return status === 'in_progress'
    ? sql<SqlBool>`(feedback.status = ${status} or feedback.id in (${list}))`
    : sql<SqlBool>`(feedback.status = ${status} and feedback.id not in (${list}))`;
}

function filtered(db: Db, f: FeedbackFilter) {
  const due = stageDueOf(f.returned);
  return db
    .selectFrom('feedback')
    .innerJoin('units', 'units.id', 'feedback.unit_id')
    .where(sql<string>`substr(units.path, 1, ${f.rootPath.length})`, '=', f.rootPath)
    .$if(!!f.status, (q) => q.where(statusIs(f.status!, f.returned)))
    .$if(!!f.kind, (q) => q.where('feedback.kind', '=', f.kind!))
    .$if(f.overdue === true, (q) => q.where(sql<SqlBool>`${due} < ${f.lateCutoff}`))
    .$if(f.overdue === false, (q) =>
      q.where(sql<SqlBool>`(${due} is null or ${due} >= ${f.lateCutoff})`),
    )
    .$if(f.dueSoon === true, (q) =>
      q.where(sql<SqlBool>`${due} >= ${f.lateCutoff} and ${due} <= ${f.soonCutoff}`),
    )
    .$if(!!f.lateStage, (q) =>
      q.where(sql<SqlBool>`${due} < ${f.lateCutoff} and ${stageSql} = ${f.lateStage!}`),
    )
    .$if(!!f.search, (q) =>
      q.where(
        sql<SqlBool>`exists (select 1 from feedback_search s where s.feedback_id = feedback.id
          and s.folded like ${containsPattern(f.search!)} escape '\\')`,
      ),
    )
    .leftJoin('feedback_assignees as fa', 'fa.feedback_id', 'feedback.id')
    .leftJoin('users as assignee', 'assignee.id', 'fa.user_id')
    .$if(f.assignee === null, (q) => q.where('fa.user_id', 'is', null))
    .$if(typeof f.assignee === 'string', (q) => q.where('fa.user_id', '=', f.assignee!));
}

/** An item with its unit's name and, in the inbox, who handles it. */
export type FeedbackListRow = Feedback & {
  unit_name: string;
  assignee_id?: string | null;
  assignee_name?: string | null;
};

/** Inbox order: `deadline` = the current stage's deadline, nearest first, items without one last. */
export type InboxSort = 'deadline' | 'received';

export async function listFeedback(
  db: Db,
  f: FeedbackFilter,
  page: { limit: number; offset: number; sort?: InboxSort },
): Promise<{ rows: FeedbackListRow[]; total: number }> {
  const due = stageDueOf(f.returned);
  const rows = await filtered(db, f)
    .selectAll('feedback')
    .select([
      'units.name as unit_name',
      'fa.user_id as assignee_id',
      'assignee.name as assignee_name',
    ])
    .$if(page.sort === 'deadline', (q) =>
      q.orderBy(sql`(case when ${due} is null then 1 else 0 end)`).orderBy(due),
    )
    .orderBy('feedback.received_at', 'desc')
    .orderBy('feedback.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const count = await filtered(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}

/** Published answers of a unit's subtree, newest first: what the disclosures page lists. */
export async function listPublished(
  db: Db,
  rootPath: string,
  limit: number,
): Promise<FeedbackListRow[]> {
  return db
    .selectFrom('feedback')
    .innerJoin('units', 'units.id', 'feedback.unit_id')
    .where(sql<string>`substr(units.path, 1, ${rootPath.length})`, '=', rootPath)
    .where('feedback.status', '=', 'published')
    .selectAll('feedback')
    .select('units.name as unit_name')
    .orderBy('feedback.published_at', 'desc')
    .limit(limit)
    .execute();
}

/** Every item linked to this one by transfers, in both directions (one person's one case). */
export async function transferChain(db: Db, start: Feedback): Promise<Feedback[]> {
  const seen = new Map<string, Feedback>([[start.id, start]]);
  const queue = [start];
  while (queue.length) {
    const f = queue.shift()!;
    for (const next of [f.transferred_from, f.transferred_to]) {
      if (!next || seen.has(next)) continue;
      const row = await getFeedback(db, next);
      if (row) {
        seen.set(row.id, row);
        queue.push(row);
      }
    }
  }
  return [...seen.values()];
}

/** Contact details past their retention date are erased (run on start). */
export async function eraseExpiredContacts(db: Db, now: string): Promise<number> {
  // The photos the same person sent go with their contact.
  const expired = await db
    .selectFrom('feedback_contacts')
    .select('feedback_id')
    .where('retain_until', '<', now)
    .where('erased_at', 'is', null)
    .execute();
  await deletePhotos(
    db,
    expired.map((e) => e.feedback_id),
  );
  const r = await db
    .updateTable('feedback_contacts')
    .set({ name: null, phone: null, email: null, erased_at: now })
    .where('retain_until', '<', now)
    .where('erased_at', 'is', null)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows)) await eraseOutboxOfErasedContacts(db);
  return Number(r.numUpdatedRows);
}
