/**
 * Hand-written checks for JSON the respondent page reads (zod stays out of this tiny bundle).
 * They check the shape the code relies on, so a damaged value is refused instead of crashing
 * the form half-way through.
 */
import type { Answers, PageData } from './model.js';

type Obj = Record<string, unknown>;

export const isObject = (v: unknown): v is Obj =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const isText = (v: unknown): v is string => typeof v === 'string';

/** An answer as the form keeps it: a number, a text, a list, or null ("no opinion"). */
const isValue = (v: unknown): boolean =>
  v === null ||
  typeof v === 'number' ||
  isText(v) ||
  (Array.isArray(v) && v.every((x) => isText(x) || typeof x === 'number'));

export const isAnswers = (v: unknown): v is Answers =>
  isObject(v) && Object.values(v).every(isValue);

const isQuestion = (q: unknown): boolean =>
  isObject(q) && isText(q.id) && isText(q.type) && isText(q.text);

const isSection = (s: unknown): boolean =>
  isObject(s) && isText(s.id) && Array.isArray(s.questions) && s.questions.every(isQuestion);

/** The form data the server embeds in the page. */
export function isPageData(v: unknown): v is PageData {
  if (!isObject(v) || !isText(v.code) || !isText(v.clientId) || !isText(v.startedAt)) return false;
  const s = v.survey;
  return (
    isObject(s) &&
    isText(s.title) &&
    Array.isArray(s.scale) &&
    isObject(s.notApplicable) &&
    Array.isArray(s.sections) &&
    s.sections.every(isSection)
  );
}
