import type { Db } from '../../db/index.js';
import {
  contactsOf,
  dialoguesOfUnit,
  groupsOf,
  listDialogues,
  questionsOf,
} from '../../db/repositories/dialogues.js';
import type { Dialogue, DialogueGroup, DialogueQuestion, Unit } from '../../db/schema.js';
import { dialogueState } from './service.js';

function base(d: Dialogue, now: Date) {
  return {
    id: d.id,
    unitId: d.unit_id,
    topic: d.topic,
    place: d.place,
    heldAt: d.held_at,
    publishedAt: d.published_at,
    state: dialogueState(d, now),
  };
}

/** GET /api/dialogues: the subtree's dialogues, latest first, with their question counts. */
export async function staffList(db: Db, root: Unit, now: Date) {
  const list = await listDialogues(db, root.path);
  const questions = await questionsOf(
    db,
    list.map((d) => d.id),
  );
  return list.map((d) => {
    const own = questions.filter((q) => q.dialogue_id === d.id);
    return {
      ...base(d, now),
      unitName: d.unit_name,
      questions: own.length,
      ungrouped: own.filter((q) => q.group_id === null).length,
    };
  });
}

/** One dialogue as its unit's staff see it: questions with the sender's contact (given with consent). */
export async function staffDetail(db: Db, d: Dialogue, unitName: string, now: Date) {
  const [groups, questions, contacts] = await Promise.all([
    groupsOf(db, [d.id]),
    questionsOf(db, [d.id]),
    contactsOf(db, d.id),
  ]);
  const contactOf = new Map(contacts.map((c) => [c.question_id, c]));
  return {
    ...base(d, now),
    unitName,
    groups: groups.map((g) => ({
      id: g.id,
      title: g.title,
      answer: g.answer,
      questionIds: questions.filter((q) => q.group_id === g.id).map((q) => q.id),
    })),
    questions: questions.map((q) => {
      const c = contactOf.get(q.id);
      return {
        id: q.id,
        content: q.content,
        receivedAt: q.received_at,
        groupId: q.group_id,
        contact: c && !c.erased_at ? { name: c.name, phone: c.phone, email: c.email } : null,
      };
    }),
  };
}

/** The published groups of a dialogue: a title, the answer, the questions' text — nothing else. */
function publicGroups(groups: DialogueGroup[], questions: DialogueQuestion[]) {
  return groups.map((g) => ({
    title: g.title,
    answer: g.answer ?? '',
    questions: questions.filter((q) => q.group_id === g.id).map((q) => ({ content: q.content })),
  }));
}

/**
 * GET /api/public/dialogues and the unit's page: upcoming dialogues (with whether they take
 * questions), and past ones — published with their questions and answers, or awaiting the answers.
 * Reads no contact table: there is no personal data to leak.
 */
export async function publicDialogues(db: Db, unit: Unit, now: Date) {
  const all = await dialoguesOfUnit(db, unit.id);
  const published = all.filter((d) => d.published_at);
  const ids = published.map((d) => d.id);
  const [groups, questions] = await Promise.all([groupsOf(db, ids), questionsOf(db, ids)]);
  const upcoming = all
    .filter((d) => dialogueState(d, now) === 'open')
    .map((d) => ({ id: d.id, topic: d.topic, place: d.place, heldAt: d.held_at }));
  const past = all
    .filter((d) => dialogueState(d, now) !== 'open')
    .reverse()
    .map((d) => ({
      id: d.id,
      topic: d.topic,
      place: d.place,
      heldAt: d.held_at,
      publishedAt: d.published_at,
      groups: d.published_at
        ? publicGroups(
            groups.filter((g) => g.dialogue_id === d.id),
            questions.filter((q) => q.dialogue_id === d.id),
          )
        : [],
    }));
  return { unit: { id: unit.id, name: unit.name }, upcoming, past };
}
export type TPublicDialogues = Awaited<ReturnType<typeof publicDialogues>>;
