import ExcelJS from 'exceljs';
import type { TQuestion, TSurveyDefinition } from '../surveys/schema.js';

/** The questionnaire as a workbook staff can keep in Excel; read back by `readSurveyXlsx`. */

export const SHEETS = {
  questions: 'Câu hỏi',
  sections: 'Phần',
  factors: 'Nhóm tiêu chí',
  settings: 'Thông tin chung',
} as const;
type Sheet = (typeof SHEETS)[keyof typeof SHEETS];

const Q = {
  section: 'Phần',
  id: 'Mã câu hỏi',
  type: 'Loại',
  text: 'Nội dung',
  textEn: 'Nội dung (tiếng Anh)',
  factor: 'Nhóm tiêu chí',
  options: 'Lựa chọn',
  required: 'Bắt buộc',
  showIf: 'Điều kiện hiển thị',
  other: 'Thuộc tính khác (JSON)',
};
const S = {
  id: 'Mã phần',
  title: 'Tiêu đề',
  titleEn: 'Tiêu đề (tiếng Anh)',
  description: 'Mô tả',
  descriptionEn: 'Mô tả (tiếng Anh)',
};
const F = {
  id: 'Mã nhóm',
  title: 'Tên nhóm',
  titleEn: 'Tên nhóm (tiếng Anh)',
  weight: 'Trọng số',
  summary: 'Tổng hợp',
};
/** Settings rows: the definition key and its Vietnamese name. */
const SETTINGS: [string, string][] = [
  ['id', 'Mã bảng hỏi'],
  ['version', 'Phiên bản'],
  ['kind', 'Loại'],
  ['level', 'Cấp học'],
  ['title', 'Tiêu đề'],
  ['titleEn', 'Tiêu đề (tiếng Anh)'],
  ['description', 'Mô tả'],
  ['descriptionEn', 'Mô tả (tiếng Anh)'],
  ['convention', 'Cách tính chỉ số'],
  ['target', 'Chỉ tiêu (%)'],
];

/** Vietnamese names for the codes a person reads in the sheet; either is accepted back. */
const TYPE_NAMES: Record<string, string> = {
  likert5: 'Thang 5 mức',
  single: 'Một lựa chọn',
  multi: 'Nhiều lựa chọn',
  text: 'Văn bản',
  dropdown: 'Danh sách thả xuống',
  number: 'Số',
  date: 'Ngày',
  likert5_grid: 'Lưới thang 5 mức',
};
const KIND_NAMES: Record<string, string> = {
  sipas: 'SIPAS (dịch vụ hành chính công)',
  education: 'Giáo dục (cha mẹ học sinh)',
  pakn: 'Phản ánh, kiến nghị',
};
const CONVENTION_NAMES: Record<string, string> = {
  share_satisfied: 'Tỉ lệ hài lòng',
  mean_score: 'Điểm trung bình',
};
const YES = 'Có';
const NO = 'Không';
const QUESTION_COLUMNS = new Set(['id', 'type', 'text', 'factor', 'options', 'required', 'showIf']);

function fromName(names: Record<string, string>, v: string): string {
  const norm = v.trim().toLowerCase();
  return Object.entries(names).find(([, n]) => n.toLowerCase() === norm)?.[0] ?? v.trim();
}

export async function surveyXlsx(def: TSurveyDefinition): Promise<Uint8Array<ArrayBuffer>> {
  const wb = new ExcelJS.Workbook();
  const add = (name: Sheet, headers: string[], rows: unknown[][], widths: number[]) => {
    const ws = wb.addWorksheet(name);
    ws.addRow(headers).font = { bold: true };
    for (const r of rows) ws.addRow(r);
    ws.columns.forEach((c, i) => (c.width = widths[i] ?? 16));
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  };
  add(
    SHEETS.questions,
    Object.values(Q),
    def.sections.flatMap((s) => s.questions.map((q) => questionRow(s.id, q))),
    [12, 16, 18, 60, 40, 16, 40, 10, 24, 30],
  );
  add(
    SHEETS.sections,
    Object.values(S),
    def.sections.map((s) => [s.id, s.title.vi, s.title.en, s.description?.vi, s.description?.en]),
    [12, 50, 40, 50, 40],
  );
  add(
    SHEETS.factors,
    Object.values(F),
    def.factors.map((f) => [f.id, f.title.vi, f.title.en, f.weight, f.summary ? YES : NO]),
    [16, 50, 40, 10, 10],
  );
  const values: Record<string, unknown> = {
    id: def.id,
    version: def.version,
    kind: KIND_NAMES[def.kind] ?? def.kind,
    level: def.level,
    title: def.title.vi,
    titleEn: def.title.en,
    description: def.description?.vi,
    descriptionEn: def.description?.en,
    convention: CONVENTION_NAMES[def.convention] ?? def.convention,
    target: def.target,
  };
  add(
    SHEETS.settings,
    ['Thuộc tính', 'Giá trị'],
    SETTINGS.map(([k, name]) => [name, values[k]]),
    [24, 60],
  );
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

function questionRow(section: string, q: TQuestion): unknown[] {
  const other = Object.fromEntries(Object.entries(q).filter(([k]) => !QUESTION_COLUMNS.has(k)));
  return [
    section,
    q.id,
    TYPE_NAMES[q.type] ?? q.type,
    q.text.vi,
    q.text.en,
    q.factor,
    q.options
      ?.map((o) => `${o.value}=${o.label.vi}${o.label.en ? ` | ${o.label.en}` : ''}`)
      .join('\n'),
    q.required ? YES : NO,
    q.showIf ? `${q.showIf.question} = ${q.showIf.in.join(', ')}` : undefined,
    Object.keys(other).length ? JSON.stringify(other) : undefined,
  ];
}

/** A problem found in a cell or a row, named by its sheet and its row number in that sheet. */
export interface RowProblem {
  sheet: string;
  row: number | null;
  path: string;
  message: string;
}

export interface ReadXlsx {
  draft: Record<string, unknown>;
  problems: RowProblem[];
  /** Where a definition path came from, to name the row of a schema error. */
  locate(path: string): { sheet: string; row: number | null; column?: string };
}

type Row = { n: number; get(header: string): string };

function rowsOf(wb: ExcelJS.Workbook, name: Sheet, problems: RowProblem[]): Row[] {
  const ws = wb.getWorksheet(name);
  if (!ws) {
    problems.push({ sheet: name, row: null, path: '', message: `Thiếu trang "${name}".` });
    return [];
  }
  const headers = new Map<string, number>();
  ws.getRow(1).eachCell((cell, col) => headers.set(cell.text.trim().toLowerCase(), col));
  const rows: Row[] = [];
  ws.eachRow((r, n) => {
    if (n === 1) return;
    const get = (h: string) => {
      const col = headers.get(h.toLowerCase());
      return col ? r.getCell(col).text.trim() : '';
    };
    if (r.values && (r.values as unknown[]).some((v) => v !== null && v !== undefined && v !== ''))
      rows.push({ n, get });
  });
  return rows;
}

const text = (vi: string, en: string) => (vi || en ? { vi, ...(en ? { en } : {}) } : undefined);
const flag = (v: string) => ['có', 'x', 'yes', 'true', '1', 'c'].includes(v.toLowerCase());

/** Reads a workbook in the export's layout into a definition draft, naming every bad row. */
export async function readSurveyXlsx(data: ArrayBuffer): Promise<ReadXlsx> {
  const wb = new ExcelJS.Workbook();
  const problems: RowProblem[] = [];
  try {
    await wb.xlsx.load(data);
  } catch {
    problems.push({
      sheet: '',
      row: null,
      path: '',
      message: 'Tệp không phải là tệp Excel (.xlsx) đọc được.',
    });
    return { draft: {}, problems, locate: () => ({ sheet: '', row: null }) };
  }
  const bad = (sheet: string, row: number, path: string, message: string) =>
    problems.push({ sheet, row, path, message: `Dòng ${row}: ${message}` });

  const settingRows = new Map<string, number>();
  const settings: Record<string, string> = {};
  for (const r of rowsOf(wb, SHEETS.settings, problems)) {
    const name = r.get('Thuộc tính');
    const key = SETTINGS.find(([, n]) => n.toLowerCase() === name.toLowerCase())?.[0];
    if (!key) {
      bad(SHEETS.settings, r.n, '', `thuộc tính "${name}" không có trong mẫu.`);
      continue;
    }
    settings[key] = r.get('Giá trị');
    settingRows.set(
      key === 'titleEn' ? 'title' : key === 'descriptionEn' ? 'description' : key,
      r.n,
    );
  }
  const draft: Record<string, unknown> = {};
  if (settings.id) draft.id = settings.id;
  if (settings.kind) draft.kind = fromName(KIND_NAMES, settings.kind);
  if (settings.level) draft.level = settings.level;
  draft.title = text(settings.title ?? '', settings.titleEn ?? '');
  const description = text(settings.description ?? '', settings.descriptionEn ?? '');
  if (description) draft.description = description;
  if (settings.convention) draft.convention = fromName(CONVENTION_NAMES, settings.convention);
  if (settings.target) draft.target = Number(settings.target.replace(',', '.'));

  const factorRows: number[] = [];
  draft.factors = rowsOf(wb, SHEETS.factors, problems).map((r) => {
    factorRows.push(r.n);
    const weight = r.get(F.weight);
    return {
      id: r.get(F.id),
      title: text(r.get(F.title), r.get(F.titleEn)),
      ...(weight ? { weight: Number(weight.replace(',', '.')) } : {}),
      ...(flag(r.get(F.summary)) ? { summary: true } : {}),
    };
  });

  const sectionRows: number[] = [];
  const sections = rowsOf(wb, SHEETS.sections, problems).map((r) => {
    sectionRows.push(r.n);
    const description = text(r.get(S.description), r.get(S.descriptionEn));
    return {
      id: r.get(S.id),
      title: text(r.get(S.title), r.get(S.titleEn)),
      ...(description ? { description } : {}),
      questions: [] as Record<string, unknown>[],
    };
  });
  const questionRows: number[][] = sections.map(() => []);
  for (const r of rowsOf(wb, SHEETS.questions, problems)) {
    const si = sections.findIndex((s) => s.id === r.get(Q.section));
    if (si < 0) {
      bad(
        SHEETS.questions,
        r.n,
        '',
        `phần "${r.get(Q.section)}" không có trong trang "${SHEETS.sections}".`,
      );
      continue;
    }
    const q = questionFromRow(r, (message) => bad(SHEETS.questions, r.n, '', message));
    sections[si]!.questions.push(q);
    questionRows[si]!.push(r.n);
  }
  draft.sections = sections;

  const locate = (path: string) => {
    const p = path.split('.');
    if (p[0] === 'sections' && p[2] === 'questions') {
      const row = questionRows[Number(p[1])]?.[Number(p[3])] ?? null;
      return { sheet: SHEETS.questions, row, column: questionColumn(p.slice(4)) };
    }
    if (p[0] === 'sections' && p.length > 1)
      return { sheet: SHEETS.sections, row: sectionRows[Number(p[1])] ?? null };
    if (p[0] === 'factors' && p.length > 1)
      return { sheet: SHEETS.factors, row: factorRows[Number(p[1])] ?? null };
    return { sheet: SHEETS.settings, row: settingRows.get(p[0] ?? '') ?? null };
  };
  return { draft, problems, locate };
}

function questionColumn(rest: string[]): string {
  const [k, sub] = rest;
  if (k === 'text') return sub === 'en' ? Q.textEn : Q.text;
  const col = (Q as Record<string, string>)[k ?? ''];
  return col ?? Q.other;
}

function questionFromRow(r: Row, bad: (message: string) => void): Record<string, unknown> {
  const q: Record<string, unknown> = {};
  const other = r.get(Q.other);
  if (other) {
    try {
      const extra: unknown = JSON.parse(other);
      if (extra && typeof extra === 'object' && !Array.isArray(extra)) Object.assign(q, extra);
      else bad(`cột "${Q.other}" phải là một đối tượng JSON.`);
    } catch {
      bad(`cột "${Q.other}" không phải JSON hợp lệ.`);
    }
  }
  q.id = r.get(Q.id);
  q.type = fromName(TYPE_NAMES, r.get(Q.type));
  const t = text(r.get(Q.text), r.get(Q.textEn));
  if (t) q.text = t;
  if (r.get(Q.factor)) q.factor = r.get(Q.factor);
  q.required = flag(r.get(Q.required));
  const options = r.get(Q.options);
  if (options) {
    q.options = options
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean)
      .map((line) => {
        const eq = line.indexOf('=');
        if (eq < 1) {
          bad(`lựa chọn "${line}" phải có dạng mã=nhãn (ví dụ: co=Có).`);
          return { value: line, label: { vi: line } };
        }
        const [vi, en] = line.slice(eq + 1).split(' | ');
        return { value: line.slice(0, eq).trim(), label: text(vi!.trim(), en?.trim() ?? '') };
      });
  }
  const cond = r.get(Q.showIf);
  if (cond) {
    const m = /^([^=]+)=(.+)$/.exec(cond);
    if (!m) bad(`điều kiện "${cond}" phải có dạng mã_câu = giá trị, giá trị.`);
    else
      q.showIf = {
        question: m[1]!.trim(),
        in: m[2]!
          .split(',')
          .map((v) => v.trim())
          .filter(Boolean)
          .map((v) => (/^\d+$/.test(v) ? Number(v) : v)),
      };
  }
  return q;
}
