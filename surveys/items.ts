import type { TQuestion, TSurveyDefinition } from './schema.js';

/**
 * A definition's answerable items, in order: every question except a likert grid, which becomes
 * one likert5 question per row (id, text and factor of the row; required and showIf of the grid;
 * `grid` names the grid). Answers are keyed by these ids, and counting, answer validation,
 * indices, suppression and exports all read this list, so a grid row is a likert5 question
 * everywhere past the page that draws it.
 */
export type TItem = TQuestion & { grid?: string };

// A parsed definition is never mutated, so its list is made once per definition object.
const itemLists = new WeakMap<object, TItem[]>();

export function answerItems(def: Pick<TSurveyDefinition, 'sections'>): TItem[] {
  let list = itemLists.get(def);
  if (!list) {
    list = def.sections.flatMap((s) => s.questions.flatMap(expand));
    itemLists.set(def, list);
  }
  return list;
}

function expand(q: TQuestion): TItem[] {
  if (q.type !== 'likert5_grid') return [q];
  return (q.rows ?? []).map((r) => ({
    id: r.id,
    type: 'likert5' as const,
    text: r.text,
    factor: r.factor,
    required: q.required,
    ...(q.showIf ? { showIf: q.showIf } : {}),
    grid: q.id,
  }));
}

/** The likert5 items (questions and grid rows) with their factor: what the indices count. */
export function likertItems(
  def: Pick<TSurveyDefinition, 'sections'>,
): { id: string; factor: string }[] {
  return answerItems(def).flatMap((q) =>
    q.type === 'likert5' && q.factor ? [{ id: q.id, factor: q.factor }] : [],
  );
}
