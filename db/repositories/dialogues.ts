import { sql } from 'kysely';
import type { Db } from '../index.js';
import type {
  Dialogue,
  DialogueGroup,
  DialogueQuestion,
  DialogueTable,
  DialogueContactTable,
} from '../schema.js';

/** Dialogues of the units under `rootPath` (a unit's path), latest first. */
export async function listDialogues(
  db: Db,
  rootPath: string,
): Promise<(Dialogue & { unit_name: string })[]> {
  return db
    .selectFrom('dialogues')
    .innerJoin('units', 'units.id', 'dialogues.unit_id')
    .selectAll('dialogues')
    .select('units.name as unit_name')
    .where(sql<string>`substr(units.path, 1, ${rootPath.length})`, '=', rootPath)
    .orderBy('dialogues.held_at', 'desc')
    .execute();
}

/** One unit's dialogues, soonest first. */
export async function dialoguesOfUnit(db: Db, unitId: string): Promise<Dialogue[]> {
  return db
    .selectFrom('dialogues')
    .selectAll()
    .where('unit_id', '=', unitId)
    .orderBy('held_at', 'asc')
    .execute();
}

export async function getDialogue(db: Db, id: string): Promise<Dialogue | undefined> {
  return db.selectFrom('dialogues').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertDialogue(db: Db, row: DialogueTable): Promise<void> {
  await db.insertInto('dialogues').values(row).execute();
}

export async function updateDialogue(
  db: Db,
  id: string,
  patch: Partial<
    Pick<DialogueTable, 'topic' | 'place' | 'held_at' | 'published_at' | 'updated_at'>
  >,
): Promise<void> {
  await db.updateTable('dialogues').set(patch).where('id', '=', id).execute();
}

export async function groupsOf(db: Db, dialogueIds: string[]): Promise<DialogueGroup[]> {
  if (!dialogueIds.length) return [];
  return db
    .selectFrom('dialogue_groups')
    .selectAll()
    .where('dialogue_id', 'in', dialogueIds)
    .orderBy('position')
    .execute();
}

export async function getGroup(db: Db, id: string): Promise<DialogueGroup | undefined> {
  return db.selectFrom('dialogue_groups').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertGroup(db: Db, row: DialogueGroup): Promise<void> {
  await db.insertInto('dialogue_groups').values(row).execute();
}

export async function nextGroupPosition(db: Db, dialogueId: string): Promise<number> {
  const r = await db
    .selectFrom('dialogue_groups')
    .select((eb) => eb.fn.max<number | null>('position').as('max'))
    .where('dialogue_id', '=', dialogueId)
    .executeTakeFirst();
  return Number(r?.max ?? 0) + 1;
}

export async function updateGroup(
  db: Db,
  id: string,
  patch: Partial<Pick<DialogueGroup, 'title' | 'answer' | 'updated_at'>>,
): Promise<void> {
  await db.updateTable('dialogue_groups').set(patch).where('id', '=', id).execute();
}

export async function deleteGroup(db: Db, id: string): Promise<void> {
  await db
    .updateTable('dialogue_questions')
    .set({ group_id: null })
    .where('group_id', '=', id)
    .execute();
  await db.deleteFrom('dialogue_groups').where('id', '=', id).execute();
}

/** The questions only: the public page reads these and never the contacts. */
export async function questionsOf(db: Db, dialogueIds: string[]): Promise<DialogueQuestion[]> {
  if (!dialogueIds.length) return [];
  return db
    .selectFrom('dialogue_questions')
    .selectAll()
    .where('dialogue_id', 'in', dialogueIds)
    .orderBy('received_at')
    .orderBy('id')
    .execute();
}

export async function getQuestion(db: Db, id: string): Promise<DialogueQuestion | undefined> {
  return db.selectFrom('dialogue_questions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function questionByClientId(
  db: Db,
  dialogueId: string,
  clientId: string,
): Promise<DialogueQuestion | undefined> {
  return db
    .selectFrom('dialogue_questions')
    .selectAll()
    .where('dialogue_id', '=', dialogueId)
    .where('client_id', '=', clientId)
    .executeTakeFirst();
}

export async function insertQuestion(
  db: Db,
  row: DialogueQuestion,
  contact: Omit<DialogueContactTable, 'question_id' | 'erased_at'> | null,
): Promise<void> {
  await db.insertInto('dialogue_questions').values(row).execute();
  if (contact)
    await db
      .insertInto('dialogue_contacts')
      .values({ question_id: row.id, ...contact, erased_at: null })
      .execute();
}

export async function setQuestionGroup(
  db: Db,
  questionId: string,
  groupId: string | null,
): Promise<void> {
  await db
    .updateTable('dialogue_questions')
    .set({ group_id: groupId })
    .where('id', '=', questionId)
    .execute();
}

/** Contacts of a dialogue's questions, for its unit's staff only. */
export async function contactsOf(db: Db, dialogueId: string) {
  return db
    .selectFrom('dialogue_contacts')
    .innerJoin('dialogue_questions', 'dialogue_questions.id', 'dialogue_contacts.question_id')
    .select([
      'dialogue_contacts.question_id',
      'dialogue_contacts.name',
      'dialogue_contacts.phone',
      'dialogue_contacts.email',
      'dialogue_contacts.erased_at',
    ])
    .where('dialogue_questions.dialogue_id', '=', dialogueId)
    .execute();
}

/** Erases contacts kept past their retention date; returns how many. */
export async function eraseExpiredDialogueContacts(db: Db, nowIso: string): Promise<number> {
  const r = await db
    .updateTable('dialogue_contacts')
    .set({ name: null, phone: null, email: null, erased_at: nowIso })
    .where('erased_at', 'is', null)
    .where('retain_until', '<', nowIso)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Dialogues (published or not) held in [startIso, endIso) at units under `rootPath`. */
export async function dialoguesHeldIn(
  db: Db,
  rootPath: string,
  startIso: string,
  endIso: string,
): Promise<{ unit_id: string; held_at: string; published_at: string | null }[]> {
  return db
    .selectFrom('dialogues')
    .innerJoin('units', 'units.id', 'dialogues.unit_id')
    .select(['dialogues.unit_id', 'dialogues.held_at', 'dialogues.published_at'])
    .where(sql<string>`substr(units.path, 1, ${rootPath.length})`, '=', rootPath)
    .where('dialogues.held_at', '>=', startIso)
    .where('dialogues.held_at', '<', endIso)
    .execute();
}
