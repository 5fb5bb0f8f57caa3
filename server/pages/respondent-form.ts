import type { AnswerError } from '../answers.js';
import type { OpenTarget } from '../responses.js';
import type { TQuestion, TText } from '../../surveys/schema.js';
import { LIKERT_LABELS, NOT_APPLICABLE_LABEL } from '../../surveys/schema.js';
import { respondentSurveyDto } from '../question-type-dto.js';
import { html, raw } from '../html/layout.js';

export type Lang = 'vi' | 'en';
export const tr = (t: TText | undefined, lang: Lang): string => (t ? (lang === 'en' && t.en) || t.vi : '');

export interface FormState {
  clientId: string;
  startedAt: string;
  lang: Lang;
  /** Values to show again after a failed post, and the errors by question id. */
  values?: Record<string, unknown>;
  errors?: AnswerError[];
}

const L = {
  submit: { vi: 'Gửi phiếu', en: 'Submit' },
  required: { vi: 'bắt buộc', en: 'required' },
  requiredMsg: { vi: 'Xin chọn một câu trả lời.', en: 'Please answer this question.' },
  invalidMsg: { vi: 'Câu trả lời không hợp lệ.', en: 'This answer is not valid.' },
  choose: { vi: '— Chọn —', en: '— Choose —' },
  fixAbove: { vi: 'Xin kiểm tra lại các câu được đánh dấu.', en: 'Please check the marked questions.' },
  other: { vi: 'English', en: 'Tiếng Việt' },
  anon: {
    vi: 'Phiếu không ghi tên; không lưu địa chỉ IP hay thông tin về điện thoại của Quý vị.',
    en: 'Anonymous: no name, IP address or phone details are stored.',
  },
} satisfies Record<string, TText>;

function chosen(values: Record<string, unknown> | undefined, id: string, v: string): boolean {
  const a = values?.[id];
  if (Array.isArray(a)) return a.map(String).includes(v);
  if (a === null) return v === 'na';
  return a !== undefined && String(a) === v;
}

function choice(q: TQuestion, type: 'radio' | 'checkbox', value: string, label: string, st: FormState, extra = '') {
  const req = q.required && !q.showIf && type === 'radio' ? ' required' : '';
  return html`<label class="o${extra}"><input type="${type}" name="${q.id}" value="${value}"${raw(req)}${raw(chosen(st.values, q.id, value) ? ' checked' : '')}><span>${label}</span></label>`;
}

const likert = (q: TQuestion, st: FormState) =>
  html`${([5, 4, 3, 2, 1] as const).map((v) => choice(q, 'radio', String(v), `${v} · ${tr(LIKERT_LABELS[v], st.lang)}`, st))}${choice(q, 'radio', 'na', tr(NOT_APPLICABLE_LABEL, st.lang), st, ' na')}`;

function errorOf(id: string, st: FormState) {
  const err = st.errors?.find((e) => e.path === `answers.${id}`);
  return err ? tr(err.code === 'required' ? L.requiredMsg : L.invalidMsg, st.lang) : '';
}

/**
 * A likert grid: one fieldset per statement (legend = the statement, the likert radios named by
 * the row id), so it stacks on a phone and reads row by row to a screen reader; on a wide screen
 * the stylesheet lays the rows out as a table under a header of levels hidden from assistive tech.
 */
function grid(q: TQuestion, st: FormState) {
  const levels = [...([5, 4, 3, 2, 1] as const).map((v) => `${v} · ${tr(LIKERT_LABELS[v], st.lang)}`), tr(NOT_APPLICABLE_LABEL, st.lang)];
  const head = html`<div class="gh" aria-hidden="true"><span></span>${levels.map((l) => html`<span>${l}</span>`)}</div>`;
  const rows = (q.rows ?? []).map((r) => {
    const msg = errorOf(r.id, st);
    const row = { ...q, id: r.id, type: 'likert5' as const };
    return html`<fieldset class="gr${msg ? ' bad' : ''}" id="q-${r.id}"${msg ? raw(` aria-describedby="e-${r.id}"`) : ''}><legend id="l-${r.id}">${tr(r.text, st.lang)}</legend>${likert(row, st)}${msg ? html`<p class="err" id="e-${r.id}">${msg}</p>` : ''}</fieldset>`;
  });
  return html`${head}${rows}`;
}

/** A number, date or dropdown field, named by its question's legend. */
function field(q: TQuestion, st: FormState) {
  const v = st.values?.[q.id];
  const shown = typeof v === 'string' || typeof v === 'number' ? String(v) : '';
  const req = raw(q.required && !q.showIf ? ' required' : '');
  const attrs = raw(` name="${q.id}" id="i-${q.id}" aria-labelledby="l-${q.id}"`);
  if (q.type === 'dropdown')
    return html`<select${attrs}${req}><option value="">${tr(L.choose, st.lang)}</option>${(q.options ?? []).map((o) => html`<option value="${o.value}"${raw(o.value === shown ? ' selected' : '')}>${tr(o.label, st.lang)}</option>`)}</select>`;
  if (q.type === 'date') return html`<input type="date"${attrs} value="${shown}"${req}>`;
  const bounds = raw(`${q.min === undefined ? '' : ` min="${q.min}"`}${q.max === undefined ? '' : ` max="${q.max}"`}`);
  return html`<input type="number"${attrs} inputmode="${q.integer ? 'numeric' : 'decimal'}" step="${q.integer ? '1' : 'any'}"${bounds} value="${shown}"${req}>`;
}

function control(q: TQuestion, st: FormState) {
  const lang = st.lang;
  if (q.type === 'likert5') return likert(q, st);
  if (q.type === 'likert5_grid') return grid(q, st);
  if (q.type === 'number' || q.type === 'date' || q.type === 'dropdown') return field(q, st);
  if (q.type === 'text') {
    const v = st.values?.[q.id];
    return html`<textarea name="${q.id}" rows="4" maxlength="${q.maxLength ?? 2000}" aria-labelledby="l-${q.id}">${typeof v === 'string' ? v : ''}</textarea>`;
  }
  return html`${(q.options ?? []).map((o) => choice(q, q.type === 'multi' ? 'checkbox' : 'radio', o.value, tr(o.label, lang), st))}`;
}

function question(q: TQuestion, st: FormState) {
  const msg = errorOf(q.id, st);
  const err = msg !== '';
  const cond = q.showIf ? raw(` data-if="${q.showIf.question}" data-in="${q.showIf.in.join(' ')}"`) : '';
  const legend = html`<legend id="l-${q.id}">${tr(q.text, st.lang)}${q.required ? html` <abbr class="rq" title="${tr(L.required, st.lang)}">*</abbr>` : ''}</legend>`;
  return html`<fieldset class="q${q.type === 'likert5_grid' ? ' g' : ''}${err ? ' bad' : ''}" id="q-${q.id}"${cond}${err ? raw(` aria-describedby="e-${q.id}"`) : ''}>${legend}${q.help ? html`<p class="h">${tr(q.help, st.lang)}</p>` : ''}${err ? html`<p class="err" id="e-${q.id}">${msg}</p>` : ''}${control(q, st)}</fieldset>`;
}

/** JSON for a data block: `<` escaped so no answer or title can close the script element. */
function jsonBlock(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/**
 * The whole questionnaire as a plain HTML form: works with JavaScript off. The enhancement
 * script reads the same questionnaire from the JSON data block (not executed, so the
 * `script-src 'self'` policy allows it) and takes over.
 */
export function respondentForm(t: OpenTarget, code: string, st: FormState) {
  const d = t.definition;
  const lang = st.lang;
  const data = { code, unit: t.unitName, unitId: t.unitId, again: !t.token, closesAt: t.campaign.closes_at, clientId: st.clientId, startedAt: st.startedAt, survey: respondentSurveyDto(d) };
  return html`<main class="rs" id="rs" lang="${lang}">
<header><a class="lang" href="?lang=${lang === 'en' ? 'vi' : 'en'}" hreflang="${lang === 'en' ? 'vi' : 'en'}">${tr(L.other, lang)}</a>
<p class="u">${t.unitName}</p><h1>${tr(d.title, lang)}</h1>${d.description ? html`<p>${tr(d.description, lang)}</p>` : ''}<p class="h">${tr(L.anon, lang)}</p></header>
${st.errors?.length ? html`<p class="err" role="alert">${tr(L.fixAbove, lang)}</p>` : ''}
<form method="post" action="/s/${code}" id="rs-form">
<input type="hidden" name="_clientId" value="${st.clientId}"><input type="hidden" name="_startedAt" value="${st.startedAt}"><input type="hidden" name="_lang" value="${lang}">
${d.sections.map((s) => html`<section id="s-${s.id}"><h2>${tr(s.title, lang)}</h2>${s.description ? html`<p class="h">${tr(s.description, lang)}</p>` : ''}${s.questions.map((q) => question(q, st))}</section>`)}
<button type="submit">${tr(L.submit, lang)}</button>
</form></main>
<script type="application/json" id="rs-data">${raw(jsonBlock(data))}</script>`;
}
