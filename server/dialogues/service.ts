import { newId } from '../../db/ids.js';
import type { Db } from '../../db/index.js';
import {
  deleteGroup,
  getDialogue,
  getGroup,
  getQuestion,
  groupsOf,
  insertDialogue,
  insertGroup,
  insertQuestion,
  nextGroupPosition,
  questionByClientId,
  questionsOf,
  setQuestionGroup,
  updateDialogue,
  updateGroup,
} from '../../db/repositories/dialogues.js';
import { getUnit, listAllUnits } from '../../db/repositories/units.js';
import type { Dialogue, DialogueQuestion, Unit } from '../../db/schema.js';
import { conflict, invalid, notFound } from '../errors.js';
import { hasContact } from '../feedback/schemas.js';
import { CONTACT_RETENTION_MONTHS } from '../feedback/service.js';
import type {
  TDialogueInput,
  TDialoguePatch,
  TDialogueQuestion,
  TGroupInput,
  TGroupPatch,
} from './schemas.js';

/** Where a dialogue stands: taking questions, held (answers being written), or published. */
export type DialogueState = 'open' | 'held' | 'published';

export function dialogueState(d: Dialogue, now: Date): DialogueState {
  if (d.published_at) return 'published';
  return Date.parse(d.held_at) > now.getTime() ? 'open' : 'held';
}

const PUBLISHED = {
  vi: 'Buổi đối thoại đã được công khai, không sửa được nữa.',
  en: 'The dialogue is published and can no longer be changed.',
};

function notPublished(d: Dialogue): void {
  if (d.published_at) throw conflict(PUBLISHED);
}

export async function scheduleDialogue(
  db: Db,
  now: Date,
  input: TDialogueInput,
  userId: string,
): Promise<Dialogue> {
  const at = now.toISOString();
  const row: Dialogue = {
    id: newId(),
    unit_id: input.unitId,
    topic: input.topic,
    place: input.place,
    held_at: new Date(input.heldAt).toISOString(),
    published_at: null,
    created_by: userId,
    created_at: at,
    updated_at: at,
  };
  await insertDialogue(db, row);
  return row;
}

export async function changeDialogue(db: Db, now: Date, d: Dialogue, p: TDialoguePatch) {
  notPublished(d);
  await updateDialogue(db, d.id, {
    ...(p.topic !== undefined ? { topic: p.topic } : {}),
    ...(p.place !== undefined ? { place: p.place } : {}),
    ...(p.heldAt !== undefined ? { held_at: new Date(p.heldAt).toISOString() } : {}),
    updated_at: now.toISOString(),
  });
  return (await getDialogue(db, d.id))!;
}

/** A question of this dialogue, or 400 naming the field that holds a foreign id. */
async function ownQuestion(db: Db, d: Dialogue, id: string, path: string) {
  const q = await getQuestion(db, id);
  if (!q || q.dialogue_id !== d.id)
    throw invalid([{ path, message: 'not a question of this dialogue' }]);
  return q;
}

async function ownGroup(db: Db, d: Dialogue, id: string) {
  const g = await getGroup(db, id);
  if (!g || g.dialogue_id !== d.id) throw notFound();
  return g;
}

export async function addGroup(db: Db, now: Date, d: Dialogue, input: TGroupInput) {
  notPublished(d);
  return db.transaction().execute(async (trx) => {
    for (const [i, id] of input.questionIds.entries())
      await ownQuestion(trx, d, id, `questionIds.${i}`);
    const at = now.toISOString();
    const group = {
      id: newId(),
      dialogue_id: d.id,
      title: input.title,
      answer: null,
      position: await nextGroupPosition(trx, d.id),
      created_at: at,
      updated_at: at,
    };
    await insertGroup(trx, group);
    for (const id of input.questionIds) await setQuestionGroup(trx, id, group.id);
    return group;
  });
}

export async function changeGroup(db: Db, now: Date, d: Dialogue, groupId: string, p: TGroupPatch) {
  notPublished(d);
  const g = await ownGroup(db, d, groupId);
  if (p.answer !== undefined && p.answer !== null && dialogueState(d, now) === 'open')
    throw conflict({
      vi: 'Chỉ ghi câu trả lời sau khi buổi đối thoại đã diễn ra.',
      en: 'Answers are written once the dialogue has taken place.',
    });
  await updateGroup(db, g.id, {
    ...(p.title !== undefined ? { title: p.title } : {}),
    ...(p.answer !== undefined ? { answer: p.answer } : {}),
    updated_at: now.toISOString(),
  });
  return (await getGroup(db, g.id))!;
}

export async function removeGroup(db: Db, d: Dialogue, groupId: string): Promise<void> {
  notPublished(d);
  const g = await ownGroup(db, d, groupId);
  await db.transaction().execute((trx) => deleteGroup(trx, g.id));
}

export async function regroupQuestion(
  db: Db,
  d: Dialogue,
  questionId: string,
  groupId: string | null,
) {
  notPublished(d);
  const q = await getQuestion(db, questionId);
  if (!q || q.dialogue_id !== d.id) throw notFound();
  if (groupId !== null)
    await ownGroup(db, d, groupId).catch(() => {
      throw invalid([{ path: 'groupId', message: 'not a group of this dialogue' }]);
    });
  await setQuestionGroup(db, q.id, groupId);
}

/**
 * Publishes the answers once the dialogue has taken place: every question in a group and every
 * group answered, so no question a citizen sent is left out of the public page unanswered.
 */
export async function publishDialogue(db: Db, now: Date, d: Dialogue): Promise<Dialogue> {
  notPublished(d);
  if (dialogueState(d, now) === 'open')
    throw conflict({
      vi: 'Chỉ công khai sau khi buổi đối thoại đã diễn ra.',
      en: 'A dialogue is published after it has taken place.',
    });
  const [groups, questions] = await Promise.all([groupsOf(db, [d.id]), questionsOf(db, [d.id])]);
  const ungrouped = questions.filter((q) => q.group_id === null).length;
  const unanswered = groups.filter((g) => !g.answer).map((g) => g.title);
  if (ungrouped || unanswered.length)
    throw conflict(
      {
        vi: `Chưa công khai được: ${ungrouped} câu hỏi chưa xếp nhóm, ${unanswered.length} nhóm chưa có câu trả lời.`,
        en: `Not published: ${ungrouped} questions not in a group, ${unanswered.length} groups without an answer.`,
      },
      { ungrouped, unanswered },
    );
  await updateDialogue(db, d.id, {
    published_at: now.toISOString(),
    updated_at: now.toISOString(),
  });
  return (await getDialogue(db, d.id))!;
}

function retainUntil(now: Date): string {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() + CONTACT_RETENTION_MONTHS);
  return d.toISOString();
}

const CLOSED = {
  vi: 'Buổi đối thoại này không còn nhận câu hỏi.',
  en: 'This dialogue no longer takes questions.',
};

/** The dialogue a citizen may send a question to, or 404 / 409 (held already). */
export async function openDialogue(db: Db, id: string, now: Date): Promise<Dialogue> {
  const d = await getDialogue(db, id);
  if (!d) throw notFound();
  if (dialogueState(d, now) !== 'open') throw conflict(CLOSED);
  return d;
}

/** Stores a citizen's question (and the contact, with consent); a retried clientId stores nothing. */
export async function askQuestion(
  db: Db,
  now: Date,
  d: Dialogue,
  input: TDialogueQuestion,
): Promise<{ question: DialogueQuestion; created: boolean }> {
  if (input.clientId) {
    const before = await questionByClientId(db, d.id, input.clientId);
    if (before) return { question: before, created: false };
  }
  const question: DialogueQuestion = {
    id: newId(),
    dialogue_id: d.id,
    group_id: null,
    content: input.content,
    client_id: input.clientId ?? null,
    received_at: now.toISOString(),
  };
  const c = input.contact;
  const contact = hasContact(c)
    ? {
        name: c.name ?? null,
        phone: c.phone ?? null,
        email: c.email ?? null,
        consent_at: now.toISOString(),
        retain_until: retainUntil(now),
      }
    : null;
  try {
    await db.transaction().execute((trx) => insertQuestion(trx, question, contact));
  } catch (e) {
    // Two sends of one question at once: the other one stored it (the unique clientId index).
    const stored = input.clientId && (await questionByClientId(db, d.id, input.clientId));
    if (stored) return { question: stored, created: false };
    throw e;
  }
  return { question, created: true };
}

export async function unitOf(db: Db, d: Dialogue) {
  return (await getUnit(db, d.unit_id))!;
}

/** A dialogue by id, or undefined. */
export function findDialogue(db: Db, id: string): Promise<Dialogue | undefined> {
  return getDialogue(db, id);
}

/** A unit by id for the public pages, or undefined. */
export function findUnit(db: Db, id: string): Promise<Unit | undefined> {
  return getUnit(db, id);
}

/** The units whose dialogues a citizen may look for: every unit but the schools. */
export async function dialogueHolders(db: Db): Promise<Unit[]> {
  return (await listAllUnits(db)).filter((u) => u.kind !== 'school');
}
