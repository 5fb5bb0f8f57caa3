import { canonicalJson } from '../surveys/load.js';
import type { TQuestion, TSurveyDefinition } from '../surveys/schema.js';

type Msg = { vi: string; en: string };
type Target = 'settings' | 'factor' | 'section' | 'question';

export interface FieldChange {
  field: string;
  label: Msg;
  from: unknown;
  to: unknown;
  /** `options` only: option values added, removed, and kept with a new label. */
  added?: string[];
  removed?: string[];
  relabelled?: string[];
}

export interface Change {
  kind: 'added' | 'removed' | 'changed';
  target: Target;
  id: string | null;
  path: string;
  fields: FieldChange[];
  summary: Msg;
}

const LABELS: Record<string, Msg> = {
  text: { vi: 'nội dung', en: 'text' },
  help: { vi: 'gợi ý', en: 'help' },
  type: { vi: 'loại câu hỏi', en: 'type' },
  factor: { vi: 'nhóm tiêu chí', en: 'factor' },
  required: { vi: 'bắt buộc', en: 'required' },
  options: { vi: 'lựa chọn', en: 'options' },
  showIf: { vi: 'điều kiện hiển thị', en: 'condition' },
  title: { vi: 'tiêu đề', en: 'title' },
  description: { vi: 'mô tả', en: 'description' },
  weight: { vi: 'trọng số', en: 'weight' },
  summary: { vi: 'nhóm tổng hợp', en: 'summary factor' },
  kind: { vi: 'loại bảng hỏi', en: 'kind' },
  level: { vi: 'cấp học', en: 'school level' },
  convention: { vi: 'cách tính chỉ số', en: 'index convention' },
  target: { vi: 'chỉ tiêu', en: 'target' },
  maxLength: { vi: 'độ dài tối đa', en: 'maximum length' },
  section: { vi: 'phần', en: 'section' },
  position: { vi: 'vị trí', en: 'position' },
};
const NOUN: Record<Target, Msg> = {
  settings: { vi: 'Thông tin chung', en: 'Settings' },
  factor: { vi: 'Nhóm tiêu chí', en: 'Factor' },
  section: { vi: 'Phần', en: 'Section' },
  question: { vi: 'Câu hỏi', en: 'Question' },
};

const label = (field: string): Msg => LABELS[field] ?? { vi: field, en: field };
const same = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null);

/** The fields whose values differ between two objects (every key of either), `skip` aside. */
function fieldChanges(
  a: Record<string, unknown>,
  b: Record<string, unknown>,
  skip: string[],
): FieldChange[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter(
    (k) => !skip.includes(k),
  );
  return keys
    .filter((k) => !same(a[k], b[k]))
    .map((k) => {
      const change: FieldChange = {
        field: k,
        label: label(k),
        from: a[k] ?? null,
        to: b[k] ?? null,
      };
      return k === 'options' ? { ...change, ...optionChanges(a[k], b[k]) } : change;
    });
}

function optionChanges(a: unknown, b: unknown) {
  const list = (v: unknown) =>
    new Map(((v as TQuestion['options']) ?? []).map((o) => [o.value, o.label]));
  const before = list(a);
  const after = list(b);
  return {
    added: [...after.keys()].filter((v) => !before.has(v)),
    removed: [...before.keys()].filter((v) => !after.has(v)),
    relabelled: [...after.keys()].filter(
      (v) => before.has(v) && !same(before.get(v), after.get(v)),
    ),
  };
}

function sentence(
  kind: Change['kind'],
  target: Target,
  id: string | null,
  fields: FieldChange[],
): Msg {
  const noun = NOUN[target];
  const name = id ? ` "${id}"` : '';
  if (kind === 'added')
    return { vi: `${noun.vi}${name}: thêm mới.`, en: `${noun.en}${name}: added.` };
  if (kind === 'removed')
    return { vi: `${noun.vi}${name}: đã bỏ.`, en: `${noun.en}${name}: removed.` };
  return {
    vi: `${noun.vi}${name}: sửa ${fields.map((f) => f.label.vi).join(', ')}.`,
    en: `${noun.en}${name}: changed ${fields.map((f) => f.label.en).join(', ')}.`,
  };
}

interface Item {
  id: string;
  path: string;
  value: Record<string, unknown>;
}

function compare(target: Target, from: Item[], to: Item[], skip: string[]): Change[] {
  const before = new Map(from.map((i) => [i.id, i]));
  const after = new Map(to.map((i) => [i.id, i]));
  const changes: Change[] = [];
  for (const i of to) {
    const old = before.get(i.id);
    const kind = old ? 'changed' : 'added';
    const fields = old ? fieldChanges(old.value, i.value, skip) : [];
    if (old && !fields.length) continue;
    changes.push({
      kind,
      target,
      id: i.id,
      path: i.path,
      fields,
      summary: sentence(kind, target, i.id, fields),
    });
  }
  for (const i of from) {
    if (after.has(i.id)) continue;
    changes.push({
      kind: 'removed',
      target,
      id: i.id,
      path: i.path,
      fields: [],
      summary: sentence('removed', target, i.id, []),
    });
  }
  return changes;
}

function questions(def: TSurveyDefinition): Item[] {
  return def.sections.flatMap((s, si) =>
    s.questions.map((q, qi) => ({
      id: q.id,
      path: `sections.${si}.questions.${qi}`,
      value: { ...q, section: s.id } as Record<string, unknown>,
    })),
  );
}

/**
 * What changed from one version to another, for the editor to show: settings, factors, sections
 * (titles and descriptions) and questions (every property, plus the section it moved to).
 */
export function diffDefinitions(from: TSurveyDefinition, to: TSurveyDefinition): Change[] {
  const settings = (d: TSurveyDefinition) => {
    const { factors: _f, sections: _s, version: _v, id: _i, ...rest } = d;
    return rest as Record<string, unknown>;
  };
  const fields = fieldChanges(settings(from), settings(to), []);
  const out: Change[] = fields.length
    ? [
        {
          kind: 'changed',
          target: 'settings',
          id: null,
          path: '',
          fields,
          summary: sentence('changed', 'settings', null, fields),
        },
      ]
    : [];
  const factors = (d: TSurveyDefinition) =>
    d.factors.map((f, i) => ({
      id: f.id,
      path: `factors.${i}`,
      value: f as Record<string, unknown>,
    }));
  const sections = (d: TSurveyDefinition) =>
    d.sections.map((s, i) => ({
      id: s.id,
      path: `sections.${i}`,
      value: s as Record<string, unknown>,
    }));
  return [
    ...out,
    ...compare('factor', factors(from), factors(to), []),
    ...compare('section', sections(from), sections(to), ['questions']),
    ...compare('question', questions(from), questions(to), []),
  ];
}
