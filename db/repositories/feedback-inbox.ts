import { sql } from 'kysely';
import type { Db } from '../index.js';
import type { ReplyTemplate, Role } from '../schema.js';

/** Stores (or replaces) an item's folded search text. */
export async function putSearchText(db: Db, feedbackId: string, folded: string): Promise<void> {
  await db
    .insertInto('feedback_search')
    .values({ feedback_id: feedbackId, folded })
    .onConflict((oc) => oc.column('feedback_id').doUpdateSet({ folded }))
    .execute();
}

export interface AssigneeRow {
  user_id: string;
  name: string;
  assigned_at: string;
}

export async function getAssignee(db: Db, feedbackId: string): Promise<AssigneeRow | undefined> {
  return db
    .selectFrom('feedback_assignees as fa')
    .innerJoin('users as u', 'u.id', 'fa.user_id')
    .select(['fa.user_id', 'u.name', 'fa.assigned_at'])
    .where('fa.feedback_id', '=', feedbackId)
    .executeTakeFirst();
}

/** Sets who handles the item (null: nobody) and records the change for the timeline. */
export async function setAssignee(
  db: Db,
  a: { id: string; feedbackId: string; userId: string | null; actorId: string; at: string },
): Promise<void> {
  await db.deleteFrom('feedback_assignees').where('feedback_id', '=', a.feedbackId).execute();
  if (a.userId)
    await db
      .insertInto('feedback_assignees')
      .values({ feedback_id: a.feedbackId, user_id: a.userId, assigned_at: a.at })
      .execute();
  await db
    .insertInto('feedback_assignments')
    .values({
      id: a.id,
      feedback_id: a.feedbackId,
      assignee_user_id: a.userId,
      actor_user_id: a.actorId,
      at: a.at,
    })
    .execute();
}

export interface AssignmentEventRow {
  id: string;
  at: string;
  actor_name: string | null;
  assignee_user_id: string | null;
  assignee_name: string | null;
}

export async function listAssignments(db: Db, feedbackId: string): Promise<AssignmentEventRow[]> {
  return db
    .selectFrom('feedback_assignments as a')
    .leftJoin('users as actor', 'actor.id', 'a.actor_user_id')
    .leftJoin('users as who', 'who.id', 'a.assignee_user_id')
    .select([
      'a.id',
      'a.at',
      'actor.name as actor_name',
      'a.assignee_user_id',
      'who.name as assignee_name',
    ])
    .where('a.feedback_id', '=', feedbackId)
    .orderBy('a.at')
    .orderBy('a.id')
    .execute();
}

export interface StaffCandidate {
  id: string;
  name: string;
  role: Role;
  unit_id: string;
  unit_name: string;
}

/**
 * Enabled accounts whose unit is one of `unitIds` (the item's unit and its ancestors: the staff
 * who can see the item), managers and admins only, by unit depth then name.
 */
export async function listStaffOfUnits(db: Db, unitIds: string[]): Promise<StaffCandidate[]> {
  if (!unitIds.length) return [];
  return db
    .selectFrom('users as u')
    .innerJoin('units', 'units.id', 'u.unit_id')
    .select(['u.id', 'u.name', 'u.role', 'u.unit_id', 'units.name as unit_name'])
    .where('u.unit_id', 'in', unitIds)
    .where('u.disabled', '=', 0)
    .where('u.role', 'in', ['manager', 'admin'])
    .orderBy(sql`length(units.path)`, 'desc')
    .orderBy('u.name')
    .execute();
}

export async function getUserById(db: Db, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export type TemplateRow = ReplyTemplate & { unit_name: string };

/** The templates of these units (a unit and its ancestors), nearest unit first, then by title. */
export async function listTemplatesOf(db: Db, unitIds: string[]): Promise<TemplateRow[]> {
  if (!unitIds.length) return [];
  return db
    .selectFrom('reply_templates as t')
    .innerJoin('units', 'units.id', 't.unit_id')
    .selectAll('t')
    .select('units.name as unit_name')
    .where('t.unit_id', 'in', unitIds)
    .orderBy(sql`length(units.path)`, 'desc')
    .orderBy('t.title')
    .orderBy('t.id')
    .execute();
}

export async function getTemplate(db: Db, id: string): Promise<TemplateRow | undefined> {
  return db
    .selectFrom('reply_templates as t')
    .innerJoin('units', 'units.id', 't.unit_id')
    .selectAll('t')
    .select('units.name as unit_name')
    .where('t.id', '=', id)
    .executeTakeFirst();
}

export async function insertTemplate(db: Db, t: ReplyTemplate): Promise<void> {
  await db.insertInto('reply_templates').values(t).execute();
}

export async function updateTemplate(
  db: Db,
  id: string,
  set: { title?: string; body?: string; updated_at: string },
): Promise<void> {
  await db.updateTable('reply_templates').set(set).where('id', '=', id).execute();
}

export async function deleteTemplate(db: Db, id: string): Promise<void> {
  await db.deleteFrom('reply_templates').where('id', '=', id).execute();
}
