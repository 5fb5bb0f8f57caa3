import type { CountedAnswer } from '../surveys/counting.js';
import type { TQuestion, TSurveyDefinition } from '../surveys/schema.js';
import { answerItems } from '../surveys/items.js';
import { isShown } from '../surveys/visibility.js';
import { DEFAULT_TEXT_MAX } from './surveys.js';

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
  return isShown(q.showIf, answers);
}

type Checked = { ok: true; value: AnswerValue | undefined } | { ok: false; message: string };

const bad = (vi: string, en: string): Checked => ({ ok: false, message: `${vi} / ${en}` });

/** A real calendar day written YYYY-MM-DD (no 2026-02-30). */
function isCalendarDate(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === v;
}

function checkNumber(q: TQuestion, v: unknown): Checked {
  if (typeof v !== 'number' || !Number.isFinite(v))
    return bad('Phải là một số', 'must be a number');
  if (q.integer && !Number.isInteger(v)) return bad('Phải là số nguyên', 'must be a whole number');
  if (q.min !== undefined && v < q.min)
    return bad(`Không được nhỏ hơn ${q.min}`, `must be at least ${q.min}`);
  if (q.max !== undefined && v > q.max)
    return bad(`Không được lớn hơn ${q.max}`, `must be at most ${q.max}`);
  return { ok: true, value: v };
}

function checkValue(q: TQuestion, v: unknown): Checked {
  const options = q.options?.map((o) => o.value) ?? [];
  switch (q.type) {
    case 'likert5':
    case 'likert5_grid':
      if (v === null || (Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 5))
        return { ok: true, value: v as number | null };
      return bad(
        'Phải là số nguyên từ 1 đến 5, hoặc null nếu không ý kiến',
        'must be an integer from 1 to 5, or null for "no opinion"',
      );
    case 'single':
    case 'dropdown':
      if (typeof v === 'string' && options.includes(v)) return { ok: true, value: v };
      return bad(
        `Phải là một trong: ${options.join(', ')}`,
        `must be one of: ${options.join(', ')}`,
      );
    case 'multi': {
      if (!Array.isArray(v) || !v.every((x) => typeof x === 'string' && options.includes(x))) {
        return bad(
          `Phải là danh sách gồm: ${options.join(', ')}`,
          `must be a list of: ${options.join(', ')}`,
        );
      }
      if (new Set(v).size !== v.length)
        return bad('Một lựa chọn bị lặp lại', 'lists an option twice');
      // Option order, so equal answers look equal (fingerprints, counters).
      return { ok: true, value: v.length ? options.filter((o) => v.includes(o)) : undefined };
    }
    case 'text': {
      if (typeof v !== 'string') return bad('Phải là chữ', 'must be text');
      const max = q.maxLength ?? DEFAULT_TEXT_MAX;
      const t = v.trim();
      if (t.length > max) return bad(`Dài quá ${max} ký tự`, `is longer than ${max} characters`);
      return { ok: true, value: t || undefined };
    }
    case 'number':
      return checkNumber(q, v);
    case 'date':
      if (typeof v === 'string' && isCalendarDate(v)) return { ok: true, value: v };
      return bad('Phải là một ngày có thật, dạng YYYY-MM-DD', 'must be a real date, YYYY-MM-DD');
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
  const questions = answerItems(def);
  const known = new Set(questions.map((q) => q.id));
  const errors: AnswerError[] = Object.keys(input)
    .filter((id) => !known.has(id))
    .map((id) => ({
      path: `answers.${id}`,
      code: 'unknown_question',
      message: 'Bảng hỏi không có câu này / this questionnaire has no such question',
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
    else if (q.required)
      errors.push({
        path,
        code: 'required',
        message: 'Câu này bắt buộc trả lời / an answer is required',
      });
  }
  return { answers, errors };
}

/** A typed number, "1,5" read as 1.5 as Vietnamese write it; anything else stays text (refused). */
function formNumber(raw: string): number | string {
  const t = raw.trim().replace(',', '.');
  return /^[-+]?(\d+\.?\d*|\.\d+)$/.test(t) ? Number(t) : raw;
}

/**
 * A plain HTML form post turned into answers: radio 'na' is "no opinion", likert values (grid
 * rows too) become numbers, a number field a number, a lone checkbox value a one-item list,
 * empty fields are left out.
 */
export function formToAnswers(
  def: TSurveyDefinition,
  form: Record<string, string | string[]>,
): Record<string, unknown> {
  const byId = new Map(answerItems(def).map((q) => [q.id, q]));
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
    else if (q.type === 'number') out[key] = formNumber(list[0]!);
    else out[key] = list[0];
  }
  return out;
}
