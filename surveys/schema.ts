import { z } from 'zod';

/**
 * The questionnaire definition format. Imports nothing but zod, so the client can use it too.
 * Definitions live as data in surveys/definitions/*.json (one file per questionnaire).
 */

/**
 * Every message this schema produces is Vietnamese with English after it: the editor shows them
 * beside fields and the API returns them in `details`. zod's own messages are replaced through
 * the per-schema `error` option (`E` below, passed to every schema in this file), so the rest of
 * the program keeps zod's defaults.
 */
function viMessage(iss: {
  code?: string;
  input?: unknown;
  expected?: unknown;
  origin?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  values?: unknown;
  keys?: unknown;
  format?: unknown;
}): string {
  switch (iss.code) {
    case 'invalid_type':
      if (iss.input === undefined) return 'Thiếu trường bắt buộc / required';
      if (iss.expected === 'string') return 'Phải là chữ / must be text';
      if (iss.expected === 'number' || iss.expected === 'int')
        return iss.expected === 'int'
          ? 'Phải là số nguyên / must be a whole number'
          : 'Phải là số / must be a number';
      if (iss.expected === 'boolean')
        return 'Phải là có/không (true/false) / must be true or false';
      if (iss.expected === 'array') return 'Phải là danh sách / must be a list';
      if (iss.expected === 'object') return 'Phải là một đối tượng / must be an object';
      return 'Kiểu giá trị không đúng / wrong type of value';
    case 'too_small':
      if (iss.origin === 'string') return 'Không được để trống / must not be empty';
      if (iss.origin === 'array')
        return `Cần ít nhất ${String(iss.minimum)} mục / needs at least ${String(iss.minimum)} items`;
      return `Phải từ ${String(iss.minimum)} trở lên / must be at least ${String(iss.minimum)}`;
    case 'too_big':
      if (iss.origin === 'string')
        return `Dài quá ${String(iss.maximum)} ký tự / longer than ${String(iss.maximum)} characters`;
      if (iss.origin === 'array')
        return `Nhiều nhất ${String(iss.maximum)} mục / at most ${String(iss.maximum)} items`;
      return `Không được lớn hơn ${String(iss.maximum)} / must be at most ${String(iss.maximum)}`;
    case 'invalid_format':
      return 'Mã chỉ gồm chữ thường không dấu, chữ số, "-" và "_" / ids are lower-case letters, digits, "-" and "_"';
    case 'invalid_value': {
      const list = Array.isArray(iss.values) ? iss.values.map(String).join(', ') : '';
      return `Phải là một trong: ${list} / must be one of: ${list}`;
    }
    case 'unrecognized_keys': {
      const keys = Array.isArray(iss.keys) ? iss.keys.map(String).join(', ') : '';
      return `Trường không được phép: ${keys} / unknown field: ${keys}`;
    }
    case 'invalid_union':
      return 'Giá trị không hợp lệ / invalid value';
    default:
      return 'Giá trị không hợp lệ / invalid value';
  }
}
const E = { error: viMessage };

/** Vietnamese required, English optional. */
export const ZText = z
  .object({ vi: z.string(E).trim().min(1, E), en: z.string(E).trim().min(1, E).optional() }, E)
  .strict();
export type TText = z.infer<typeof ZText>;

const ZId = z.string(E).regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, E);

export const ZOption = z.object({ value: ZId, label: ZText }, E).strict();
export type TOption = z.infer<typeof ZOption>;

/** Show a question only when an earlier question's answer is one of `in`. */
export const ZShowIf = z
  .object(
    {
      question: ZId,
      in: z.array(z.union([z.string(E), z.number(E).int(E)], E), E).min(1, E),
    },
    E,
  )
  .strict();
export type TShowIf = z.infer<typeof ZShowIf>;

export const QUESTION_TYPES = [
  'likert5',
  'single',
  'multi',
  'text',
  'number',
  'date',
  'dropdown',
  'likert5_grid',
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** One statement of a likert grid: answered, validated and counted as a likert5 question `id`. */
export const ZGridRow = z.object({ id: ZId, text: ZText, factor: ZId }, E).strict();
export type TGridRow = z.infer<typeof ZGridRow>;

export const ZQuestion = z
  .object(
    {
      id: ZId,
      type: z.enum(QUESTION_TYPES, E),
      text: ZText,
      help: ZText.optional(),
      required: z.boolean(E).default(false),
      /** Every likert5 question names the factor its index counts towards. */
      factor: ZId.optional(),
      /** single, multi, dropdown: the choices. */
      options: z.array(ZOption, E).min(2, E).optional(),
      showIf: ZShowIf.optional(),
      /** text: the longest answer accepted. */
      maxLength: z.number(E).int(E).min(1, E).max(5000, E).optional(),
      /** number: the smallest and largest answer accepted, and whether it must be whole. */
      min: z.number(E).optional(),
      max: z.number(E).optional(),
      integer: z.boolean(E).optional(),
      /** likert5_grid: its statements, each a likert5 question of its own. */
      rows: z.array(ZGridRow, E).optional(),
    },
    E,
  )
  .strict();
export type TQuestion = z.infer<typeof ZQuestion>;

export const ZSection = z
  .object(
    {
      id: ZId,
      title: ZText,
      description: ZText.optional(),
      questions: z.array(ZQuestion, E).min(1, E),
    },
    E,
  )
  .strict();
export type TSection = z.infer<typeof ZSection>;

export const ZFactor = z
  .object(
    {
      id: ZId,
      title: ZText,
      weight: z.number(E).positive(E).optional(),
      /**
       * A summary factor (e.g. "overall satisfaction"): its index is reported beside the others but
       * not averaged into the overall index, which stays the mean of the content factors.
       */
      summary: z.boolean(E).optional(),
    },
    E,
  )
  .strict();
export type TFactor = z.infer<typeof ZFactor>;

type Path = (string | number)[];
type Report = (path: Path, message: string) => void;

/** What each type may and must carry besides id, text, help, required and showIf. */
function checkTypeFields(q: TQuestion, path: Path, factorIds: Set<string>, report: Report) {
  const choice = q.type === 'single' || q.type === 'multi' || q.type === 'dropdown';
  if (choice && !q.options)
    report(
      [...path, 'options'],
      `Câu hỏi loại ${q.type} cần các lựa chọn / a ${q.type} question needs options`,
    );
  if (!choice && q.options)
    report(
      [...path, 'options'],
      `Câu hỏi loại ${q.type} không có lựa chọn / a ${q.type} question has no options`,
    );
  if (q.type === 'likert5') {
    if (!q.factor)
      report(
        [...path, 'factor'],
        'Câu likert5 phải thuộc một yếu tố / a likert5 question must name its factor',
      );
    else if (!factorIds.has(q.factor))
      report(
        [...path, 'factor'],
        `Yếu tố không tồn tại: "${q.factor}" / unknown factor "${q.factor}"`,
      );
  } else if (q.factor) {
    report(
      [...path, 'factor'],
      q.type === 'likert5_grid'
        ? 'Bảng likert ghi yếu tố ở từng dòng / a likert grid names the factor on each row'
        : 'Chỉ câu likert5 mới tính vào một yếu tố / only likert5 questions count towards a factor',
    );
  }
  if (q.type === 'likert5_grid') {
    if (!q.rows || q.rows.length < 2)
      report(
        [...path, 'rows'],
        'Bảng likert cần ít nhất 2 dòng / a likert grid needs at least 2 rows',
      );
    q.rows?.forEach((r, ri) => {
      if (!factorIds.has(r.factor))
        report(
          [...path, 'rows', ri, 'factor'],
          `Yếu tố không tồn tại: "${r.factor}" / unknown factor "${r.factor}"`,
        );
    });
  } else if (q.rows) {
    report([...path, 'rows'], `Chỉ bảng likert mới có dòng / only a likert grid has rows`);
  }
  if (q.type === 'number') {
    if (q.min !== undefined && q.max !== undefined && q.min > q.max)
      report(
        [...path, 'max'],
        `Giá trị lớn nhất nhỏ hơn giá trị nhỏ nhất (${q.min}) / max is below min (${q.min})`,
      );
  } else {
    for (const k of ['min', 'max', 'integer'] as const)
      if (q[k] !== undefined)
        report([...path, k], `Chỉ câu hỏi số mới có ${k} / only a number question has ${k}`);
  }
  if (q.maxLength !== undefined && q.type !== 'text')
    report(
      [...path, 'maxLength'],
      'Chỉ câu trả lời chữ mới có maxLength / only a text question has maxLength',
    );
}

/**
 * Ids, factors and conditions across the whole definition: question and grid-row ids share one
 * namespace; a condition names an earlier question or row (not a grid, which has no answer of its
 * own); every factor keeps at least one likert5 question or grid row.
 */
function checkDefinition(def: z.infer<typeof ZDefinitionShape>, report: Report) {
  const factorIds = new Set<string>();
  def.factors.forEach((f, i) => {
    if (factorIds.has(f.id))
      report(['factors', i, 'id'], `Mã yếu tố bị trùng: "${f.id}" / factor id repeated: "${f.id}"`);
    factorIds.add(f.id);
  });
  const answerable = new Set<string>();
  const ids = new Set<string>();
  const used = new Set<string>();
  const claim = (id: string, path: Path) => {
    if (ids.has(id)) report(path, `Mã câu hỏi bị trùng: "${id}" / question id repeated: "${id}"`);
    ids.add(id);
  };
  def.sections.forEach((s, si) =>
    s.questions.forEach((q, qi) => {
      const path = ['sections', si, 'questions', qi];
      claim(q.id, [...path, 'id']);
      q.rows?.forEach((r, ri) => claim(r.id, [...path, 'rows', ri, 'id']));
      checkTypeFields(q, path, factorIds, report);
      if (q.showIf && !answerable.has(q.showIf.question))
        report(
          [...path, 'showIf', 'question'],
          `Điều kiện phải dựa vào một câu hỏi phía trước, không phải "${q.showIf.question}" / showIf must name an earlier question, not "${q.showIf.question}"`,
        );
      if (q.type === 'likert5_grid') {
        for (const r of q.rows ?? []) {
          answerable.add(r.id);
          used.add(r.factor);
        }
      } else {
        answerable.add(q.id);
        if (q.type === 'likert5' && q.factor) used.add(q.factor);
      }
    }),
  );
  def.factors.forEach((f, i) => {
    if (!used.has(f.id))
      report(
        ['factors', i, 'id'],
        `Yếu tố "${f.id}" không còn câu hỏi nào / a factor left without questions: "${f.id}"`,
      );
  });
}

const ZDefinitionShape = z
  .object(
    {
      id: ZId,
      /** Explicit; a changed definition must carry a higher version. */
      version: z.number(E).int(E).min(1, E),
      kind: z.enum(['sipas', 'education', 'pakn'], E),
      /** School level for the education questionnaires. */
      level: z.enum(['MN', 'TH', 'THCS', 'THPT'], E).optional(),
      title: ZText,
      description: ZText.optional(),
      /** The index convention the dashboard leads with (DOMAIN.md); both are always computed. */
      convention: z.enum(['share_satisfied', 'mean_score'], E).default('share_satisfied'),
      /** Satisfaction target in percent for this questionnaire (e.g. MOET's 85). */
      target: z.number(E).min(0, E).max(100, E).optional(),
      factors: z.array(ZFactor, E).min(1, E),
      sections: z.array(ZSection, E).min(1, E),
    },
    E,
  )
  .strict();

export const ZSurveyDefinition = ZDefinitionShape.superRefine((def, ctx) =>
  checkDefinition(def, (path, message) => ctx.addIssue({ code: 'custom', path, message })),
);
export type TSurveyDefinition = z.infer<typeof ZSurveyDefinition>;

/** The 5-level scale, shared by every likert5 question. `null` is "not applicable / no opinion". */
export const LIKERT_LABELS: Record<1 | 2 | 3 | 4 | 5, TText> = {
  1: { vi: 'Rất không hài lòng', en: 'Very dissatisfied' },
  2: { vi: 'Không hài lòng', en: 'Dissatisfied' },
  3: { vi: 'Bình thường', en: 'Neutral' },
  4: { vi: 'Hài lòng', en: 'Satisfied' },
  5: { vi: 'Rất hài lòng', en: 'Very satisfied' },
};
export const NOT_APPLICABLE_LABEL: TText = {
  vi: 'Không ý kiến / không áp dụng',
  en: 'No opinion / not applicable',
};
