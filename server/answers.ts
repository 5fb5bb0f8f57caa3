import type { CountedAnswer } from '../surveys/counting.js';
import type { TQuestion, TSurveyDefinition } from '../surveys/schema.js';
import { DEFAULT_TEXT_MAX, allQuestions } from './surveys.js';

/** A stored answer: likert 1–5 or null (no opinion), an option value, option values, or text. */
export type AnswerValue = CountedAnswer;
export type Answers = Record<string, AnswerValue>;

export interface AnswerError {
  path: string;
  code: 'required' | 'unknown_question' | 'invalid_value';
  message: string;
}

/** True when the question's showIf condition holds for the answers given so far. */
export function isVisible(q: TQuestion, answers: Answers): boolean {
  if (!q.showIf) return true;
  const a = answers[q.showIf.question];
  if (a === undefined) return false;
  const wanted = q.showIf.in.map(String);
  const given = Array.isArray(a) ? a : [a === null ? 'na' : String(a)];
  return given.some((v) => wanted.includes(v));
}

type Checked = { ok: true; value: AnswerValue | undefined } | { ok: false; message: string };

function checkValue(q: TQuestion, v: unknown): Checked {
  const options = q.options?.map((o) => o.value) ?? [];
  switch (q.type) {
    case 'likert5':
      if (v === null || (Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 5))
        return { ok: true, value: v as number | null };
      return { ok: false, message: 'must be an integer from 1 to 5, or null for "no opinion"' };
    case 'single':
      if (typeof v === 'string' && options.includes(v)) return { ok: true, value: v };
      return { ok: false, message: `must be one of: ${options.join(', ')}` };
    case 'multi': {
      if (!Array.isArray(v) || !v.every((x) => typeof x === 'string' && options.includes(x))) {
        return { ok: false, message: `must be a list of: ${options.join(', ')}` };
      }
      if (new Set(v).size !== v.length) return { ok: false, message: 'lists an option twice' };
      // Option order, so equal answers look equal (fingerprints, counters).
      return { ok: true, value: v.length ? options.filter((o) => v.includes(o)) : undefined };
    }
    case 'text': {
      if (typeof v !== 'string') return { ok: false, message: 'must be text' };
      const max = q.maxLength ?? DEFAULT_TEXT_MAX;
      const t = v.trim();
      if (t.length > max) return { ok: false, message: `is longer than ${max} characters` };
      return { ok: true, value: t || undefined };
    }
  }
}

/**
 * Checks answers against a questionnaire version. Answers to questions hidden by their showIf
 * condition are dropped, not refused: without JavaScript every question is on the page, and a
 * parent who changes an earlier answer should not be blocked by a now-irrelevant one. An empty
 * text or an empty choice list counts as not answered.
 */
export function validateAnswers(
  def: TSurveyDefinition,
  input: Record<string, unknown>,
): { answers: Answers; errors: AnswerError[] } {
  const questions = allQuestions(def);
  const known = new Set(questions.map((q) => q.id));
  const errors: AnswerError[] = Object.keys(input)
    .filter((id) => !known.has(id))
    .map((id) => ({
      path: `answers.${id}`,
      code: 'unknown_question',
      message: 'this questionnaire has no such question',
    }));
  const answers: Answers = {};
  for (const q of questions) {
    if (!isVisible(q, answers)) continue;
    const path = `answers.${q.id}`;
    const given = Object.hasOwn(input, q.id) ? input[q.id] : undefined;
    const checked: Checked =
      given === undefined ? { ok: true, value: undefined } : checkValue(q, given);
    if (!checked.ok) errors.push({ path, code: 'invalid_value', message: checked.message });
    else if (checked.value !== undefined) answers[q.id] = checked.value;
    else if (q.required) errors.push({ path, code: 'required', message: 'an answer is required' });
  }
  return { answers, errors };
}

/**
 * A plain HTML form post turned into answers: radio 'na' is "no opinion", likert values become
 * numbers, a lone checkbox value becomes a one-item list, empty fields are left out.
 */
export function formToAnswers(
  def: TSurveyDefinition,
  form: Record<string, string | string[]>,
): Record<string, unknown> {
  const byId = new Map(allQuestions(def).map((q) => [q.id, q]));
  const out: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(form)) {
    if (key.startsWith('_')) continue; // _clientId, _startedAt, _lang: not answers
    const q = byId.get(key);
    const list = (Array.isArray(raw) ? raw : [raw]).filter((v) => v !== '');
    if (!list.length) continue;
    if (!q) out[key] = raw;
    else if (q.type === 'multi') out[key] = list;
    else if (q.type === 'likert5')
      out[key] = list[0] === 'na' ? null : /^[1-5]$/.test(list[0]!) ? Number(list[0]) : list[0];
    else out[key] = list[0];
  }
  return out;
}
