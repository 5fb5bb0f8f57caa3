/**
 * The editor's working copy of a questionnaire. It is looser than the definition format (empty
 * English texts, numbers being typed, an `auto` flag on ids still suggested from the text) so an
 * author can type freely; `toDefinition` turns it into the definition that surveys/schema.ts
 * checks, keeping every array index, so the schema's issue paths point at the editor's fields.
 */
export interface EText {
  vi: string;
  en: string;
}
export interface EOption {
  value: string;
  label: EText;
  auto?: boolean;
}
export interface ERow {
  id: string;
  text: EText;
  factor: string;
  auto?: boolean;
}
export interface EQuestion {
  id: string;
  type: string;
  text: EText;
  help: EText;
  required: boolean;
  factor: string;
  options?: EOption[];
  rows?: ERow[];
  showIf?: { question: string; in: (string | number)[] };
  maxLength: string;
  min: string;
  max: string;
  integer: boolean;
  auto?: boolean;
}
export interface ESection {
  id: string;
  title: EText;
  description: EText;
  questions: EQuestion[];
  auto?: boolean;
}
export interface EFactor {
  id: string;
  title: EText;
  weight: string;
  summary: boolean;
  auto?: boolean;
}
export interface EDef {
  id: string;
  kind: string;
  level: string;
  title: EText;
  description: EText;
  convention: string;
  target: string;
  factors: EFactor[];
  sections: ESection[];
  auto?: boolean;
}

/** Types with a list of options the respondent picks from. */
export const OPTION_TYPES = ['single', 'multi', 'dropdown'];

const text = (t: unknown): EText => {
  const o = (t ?? {}) as { vi?: string; en?: string };
  return { vi: o.vi ?? '', en: o.en ?? '' };
};
const num = (v: unknown) => (typeof v === 'number' ? String(v) : '');

/** A stored definition (the schema's format) as the editor's working copy. */
export function fromDefinition(d: Record<string, unknown>): EDef {
  const arr = (v: unknown) => (Array.isArray(v) ? (v as Record<string, unknown>[]) : []);
  return {
    id: String(d.id ?? ''),
    kind: String(d.kind ?? 'education'),
    level: String(d.level ?? ''),
    title: text(d.title),
    description: text(d.description),
    convention: String(d.convention ?? 'share_satisfied'),
    target: num(d.target),
    factors: arr(d.factors).map((f) => ({
      id: String(f.id ?? ''),
      title: text(f.title),
      weight: num(f.weight),
      summary: f.summary === true,
    })),
    sections: arr(d.sections).map((s) => ({
      id: String(s.id ?? ''),
      title: text(s.title),
      description: text(s.description),
      questions: arr(s.questions).map((q) => ({
        id: String(q.id ?? ''),
        type: String(q.type ?? 'likert5'),
        text: text(q.text),
        help: text(q.help),
        required: q.required === true,
        factor: String(q.factor ?? ''),
        ...(q.options
          ? {
              options: arr(q.options).map((o) => ({
                value: String(o.value),
                label: text(o.label),
              })),
            }
          : {}),
        ...(q.rows
          ? {
              rows: arr(q.rows).map((r) => ({
                id: String(r.id ?? ''),
                text: text(r.text),
                factor: String(r.factor ?? ''),
              })),
            }
          : {}),
        ...(q.showIf ? { showIf: q.showIf as EQuestion['showIf'] } : {}),
        maxLength: num(q.maxLength),
        min: num(q.min),
        max: num(q.max),
        integer: q.integer === true,
      })),
    })),
  };
}

/** Empty English (and an empty optional text) is left out; numbers typed are numbers. */
function outText(t: EText) {
  return t.en.trim() ? { vi: t.vi, en: t.en } : { vi: t.vi };
}
function optText(t: EText) {
  return t.vi.trim() || t.en.trim() ? { ...outText(t) } : undefined;
}
function outNum(s: string): number | undefined {
  if (!s.trim()) return undefined;
  const n = Number(s.replace(',', '.'));
  return Number.isNaN(n) ? (s as unknown as number) : n;
}
function drop<T extends Record<string, unknown>>(o: T): T {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}

/** The definition the editor's copy stands for, without `version` (the server numbers it). */
export function toDefinition(e: EDef): Record<string, unknown> {
  return drop({
    id: e.id,
    kind: e.kind,
    level: e.level || undefined,
    title: outText(e.title),
    description: optText(e.description),
    convention: e.convention,
    target: outNum(e.target),
    factors: e.factors.map((f) =>
      drop({
        id: f.id,
        title: outText(f.title),
        weight: outNum(f.weight),
        summary: f.summary || undefined,
      }),
    ),
    sections: e.sections.map((s) =>
      drop({
        id: s.id,
        title: outText(s.title),
        description: optText(s.description),
        questions: s.questions.map((q) =>
          drop({
            id: q.id,
            type: q.type,
            text: outText(q.text),
            help: optText(q.help),
            required: q.required || undefined,
            factor: q.factor || undefined,
            options: q.options?.map((o) => ({ value: o.value, label: outText(o.label) })),
            rows: q.rows?.map((r) => drop({ id: r.id, text: outText(r.text), factor: r.factor })),
            showIf: q.showIf,
            maxLength: q.type === 'text' ? outNum(q.maxLength) : undefined,
            min: q.type === 'number' ? outNum(q.min) : undefined,
            max: q.type === 'number' ? outNum(q.max) : undefined,
            integer: q.type === 'number' && q.integer ? true : undefined,
          }),
        ),
      }),
    ),
  });
}

/** "Mức độ hài lòng về giáo viên" → "muc-do-hai-long-ve-giao-vien" (at most 40 characters). */
export function slug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

/** `base`, or `base-2`, `base-3`… when taken. */
export function unique(base: string, taken: Iterable<string>, fallback: string): string {
  const used = new Set(taken);
  const b = base || fallback;
  if (!used.has(b)) return b;
  for (let i = 2; ; i++) if (!used.has(`${b}-${i}`)) return `${b}-${i}`;
}

/** Every question id and grid row id (they share one namespace: answers are keyed by them). */
export function questionIds(e: EDef): string[] {
  return e.sections.flatMap((s) =>
    s.questions.flatMap((q) => [q.id, ...(q.rows ?? []).map((r) => r.id)]),
  );
}

export const emptyText = (): EText => ({ vi: '', en: '' });

export function newQuestion(e: EDef): EQuestion {
  return {
    id: unique('cau-hoi', questionIds(e), 'cau-hoi'),
    type: 'likert5',
    text: emptyText(),
    help: emptyText(),
    required: true,
    factor: e.factors[0]?.id ?? '',
    maxLength: '',
    min: '',
    max: '',
    integer: false,
    auto: true,
  };
}

export function newSection(e: EDef): ESection {
  return {
    id: unique(
      'phan',
      e.sections.map((s) => s.id),
      'phan',
    ),
    title: emptyText(),
    description: emptyText(),
    questions: [newQuestion(e)],
    auto: true,
  };
}

export function newFactor(e: EDef): EFactor {
  return {
    id: unique(
      'nhom',
      e.factors.map((f) => f.id),
      'nhom',
    ),
    title: emptyText(),
    weight: '',
    summary: false,
    auto: true,
  };
}

export function blankDefinition(): EDef {
  const e: EDef = {
    id: '',
    kind: 'education',
    level: '',
    title: emptyText(),
    description: emptyText(),
    convention: 'share_satisfied',
    target: '85',
    factors: [],
    sections: [],
    auto: true,
  };
  e.factors.push(newFactor(e));
  e.sections.push(newSection(e));
  return e;
}

/** Moves item `from` to position `to` in place. */
export function move<T>(list: T[], from: number, to: number): void {
  if (to < 0 || to >= list.length || from === to) return;
  const [it] = list.splice(from, 1);
  list.splice(to, 0, it!);
}

/** Changes a question's type, keeping what still applies and adding what the new type needs. */
export function retype(q: EQuestion, type: string, e: EDef): void {
  q.type = type;
  if (OPTION_TYPES.includes(type)) {
    q.options ??= [
      { value: 'a', label: emptyText(), auto: true },
      { value: 'b', label: emptyText(), auto: true },
    ];
  } else delete q.options;
  if (type === 'likert5_grid') {
    q.rows ??= [
      {
        id: unique(q.id + '-1', questionIds(e), 'dong'),
        text: emptyText(),
        factor: e.factors[0]?.id ?? '',
        auto: true,
      },
    ];
  } else delete q.rows;
  if (type === 'likert5') q.factor ||= e.factors[0]?.id ?? '';
  else q.factor = '';
}
