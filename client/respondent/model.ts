/** The form data the server puts in the page (see server/pages/respondent-form.ts). */
export interface Choice {
  value: string | number;
  label: string;
  labelEn?: string;
}
export interface Question {
  id: string;
  type: 'likert5' | 'single' | 'multi' | 'text';
  required: boolean;
  text: string;
  textEn?: string;
  help?: string;
  helpEn?: string;
  options?: Choice[];
  showIf?: { question: string; in: (string | number)[] };
  maxLength?: number;
}
export interface Section {
  id: string;
  title: string;
  titleEn?: string;
  description?: string;
  descriptionEn?: string;
  questions: Question[];
}
export interface PageData {
  code: string;
  unit: string;
  /** The school's id, for the next steps (its feedback form). */
  unitId?: string;
  closesAt?: string;
  /** Whether the same phone may answer again (a link campaign: another child); not a token. */
  again?: boolean;
  clientId: string;
  startedAt: string;
  survey: {
    title: string;
    titleEn?: string;
    description?: string;
    descriptionEn?: string;
    scale: Choice[];
    notApplicable: { label: string; labelEn?: string };
    sections: Section[];
  };
}

export type Value = number | null | string | string[];
export type Answers = Record<string, Value>;
export type Lang = 'vi' | 'en';

/** The text of `key` in the chosen language: `keyEn` for English when present. */
export function tx(o: object, key: string, lang: Lang): string {
  const r = o as Record<string, string | undefined>;
  return (lang === 'en' && r[key + 'En']) || r[key] || '';
}

/** Same rule as the server (server/answers.ts isVisible). */
export function visible(q: Question, a: Answers): boolean {
  if (!q.showIf) return true;
  const v = a[q.showIf.question];
  if (v === undefined) return false;
  const given = Array.isArray(v) ? v : [v === null ? 'na' : String(v)];
  return q.showIf.in.some((w) => given.includes(String(w)));
}

export function answered(v: Value | undefined): boolean {
  return v !== undefined && v !== '' && !(Array.isArray(v) && !v.length);
}

/** Only visible, answered questions: what the server stores. */
export function clean(sections: Section[], a: Answers): Answers {
  const out: Answers = {};
  for (const s of sections)
    for (const q of s.questions) if (visible(q, out) && answered(a[q.id])) out[q.id] = a[q.id]!;
  return out;
}

/** Answers from the server-rendered form, so ticks made before the script loaded survive. */
export function fromForm(form: HTMLFormElement | null, sections: Section[]): Answers {
  const out: Answers = {};
  if (!form) return out;
  const fd = new FormData(form);
  for (const s of sections)
    for (const q of s.questions) {
      const vs = fd.getAll(q.id).map(String).filter(Boolean);
      if (!vs.length) continue;
      if (q.type === 'multi') out[q.id] = vs;
      else if (q.type === 'likert5') out[q.id] = vs[0] === 'na' ? null : Number(vs[0]);
      else out[q.id] = vs[0]!;
    }
  return out;
}
