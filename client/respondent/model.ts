import { isShown } from '../../surveys/visibility.js';

/** The form data the server puts in the page (see server/pages/respondent-form.ts). */
export interface Choice {
  value: string | number;
  label: string;
  labelEn?: string;
}
export interface Question {
  id: string;
  type: 'likert5' | 'single' | 'multi' | 'text' | 'number' | 'date' | 'dropdown' | 'likert5_grid';
  required: boolean;
  text: string;
  textEn?: string;
  help?: string;
  helpEn?: string;
  options?: Choice[];
  showIf?: { question: string; in: (string | number)[] };
  maxLength?: number;
  min?: number;
  max?: number;
  integer?: boolean;
  /** likert5_grid: each row is answered as a likert5 question of its own id. */
  rows?: { id: string; text: string; textEn?: string }[];
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
  /** The dashboard's preview: nothing is sent or kept on the device. */
  preview?: boolean;
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

/** The server's rule (surveys/visibility.ts), shared. */
export function visible(q: Question, a: Answers): boolean {
  return isShown(q.showIf, a);
}

/** The ids a question's answers are keyed by: a grid's rows, otherwise its own. */
export function itemIds(q: Question): string[] {
  return q.rows ? q.rows.map((r) => r.id) : [q.id];
}

export function answered(v: Value | undefined): boolean {
  return v !== undefined && v !== '' && !(Array.isArray(v) && !v.length);
}

/** Only visible, answered questions: what the server stores. */
export function clean(sections: Section[], a: Answers): Answers {
  const out: Answers = {};
  for (const s of sections)
    for (const q of s.questions)
      if (visible(q, out)) for (const id of itemIds(q)) if (answered(a[id])) out[id] = a[id]!;
  return out;
}

/** Answers from the server-rendered form, so ticks made before the script loaded survive. */
export function fromForm(form: HTMLFormElement | null, sections: Section[]): Answers {
  const out: Answers = {};
  if (!form) return out;
  const fd = new FormData(form);
  for (const s of sections)
    for (const q of s.questions)
      for (const id of itemIds(q)) {
        const vs = fd.getAll(id).map(String).filter(Boolean);
        if (!vs.length) continue;
        if (q.type === 'multi') out[id] = vs;
        else if (q.type === 'likert5' || q.rows) out[id] = vs[0] === 'na' ? null : Number(vs[0]);
        else if (q.type === 'number') out[id] = Number(vs[0]);
        else out[id] = vs[0]!;
      }
  return out;
}
