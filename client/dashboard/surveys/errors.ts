import { ZSurveyDefinition } from '../../../surveys/schema.js';
import { t } from '../i18n.js';
import type { EDef } from './model.js';
import { toDefinition } from './model.js';

/** One schema issue, placed at the editor field its path names. */
export interface FieldError {
  /** The issue's path joined by dots: the key of the field it belongs beside. */
  key: string;
  path: (string | number)[];
  message: string;
  /** An empty field the author has not reached yet: shown only once they touch it or save. */
  empty: boolean;
}

interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
}

/** A schema message "Vietnamese / English" as its two halves (a one-language message twice). */
function halves(m: string): [string, string] {
  const at = m.indexOf(' / ');
  return at < 0 ? [m, m] : [m.slice(0, at), m.slice(at + 3)];
}

/**
 * The schema's messages (Vietnamese / English, surveys/schema.ts) said as the editor says them:
 * in the dashboard's language, in the editor's words (a "nhóm tiêu chí", never "likert5"), as a
 * sentence. A message the editor has no words of its own for is shown in the chosen half.
 */
function message(i: Issue): string {
  const [vi, en] = halves(i.message);
  const quoted = /"([^"]*)"/.exec(en)?.[1] ?? '';
  const n = Number(i.minimum ?? i.maximum ?? 0);
  if (/repeated/.test(en)) return t(`Mã "${quoted}" bị trùng.`, `The id "${quoted}" is repeated.`);
  if (/must name its factor/.test(en))
    return t(
      'Câu hỏi mức độ hài lòng phải thuộc một nhóm tiêu chí.',
      'A satisfaction question must name its factor.',
    );
  if (/unknown factor/.test(en))
    return t(`Không có nhóm tiêu chí "${quoted}".`, `There is no factor "${quoted}".`);
  if (/names the factor on each row/.test(en))
    return t(
      'Bảng mức độ hài lòng chọn nhóm tiêu chí ở từng dòng.',
      'A satisfaction grid names the factor on each row.',
    );
  if (/count towards a factor/.test(en))
    return t(
      'Chỉ câu hỏi mức độ hài lòng mới thuộc nhóm tiêu chí.',
      'Only satisfaction questions count towards a factor.',
    );
  if (/grid needs at least/.test(en))
    return t(
      'Bảng mức độ hài lòng cần ít nhất 2 dòng.',
      'A satisfaction grid needs at least 2 rows.',
    );
  if (/left without questions/.test(en))
    return t(
      'Nhóm tiêu chí này chưa có câu hỏi mức độ hài lòng nào: thêm câu hỏi hoặc xoá nhóm.',
      'This factor has no satisfaction question: add one or remove the factor.',
    );
  if (/max is below min/.test(en))
    return t('Số lớn nhất nhỏ hơn số nhỏ nhất.', 'The maximum is below the minimum.');
  if (/needs options/.test(en))
    return t('Câu hỏi này cần các lựa chọn.', 'This question needs options.');
  if (/has no options/.test(en))
    return t('Loại câu hỏi này không có lựa chọn.', 'This type of question has no options.');
  if (/showIf/.test(en))
    return t(
      'Điều kiện hiển thị phải dựa vào một câu hỏi đứng trước.',
      'Pick an earlier question.',
    );
  if (i.code === 'invalid_format' || /ids are/.test(en))
    return t(
      'Mã chỉ gồm chữ thường không dấu, chữ số, "-" và "_", bắt đầu bằng chữ hoặc số.',
      'Ids are lower-case letters, digits, "-" and "_".',
    );
  if (i.code === 'too_small' && i.origin === 'string')
    return t('Không được để trống.', 'Must not be empty.');
  if (i.code === 'too_small' && i.origin === 'array')
    return t(`Cần ít nhất ${n}.`, `At least ${n} needed.`);
  if (i.code === 'too_small') return t(`Không được nhỏ hơn ${n}.`, `Must be at least ${n}.`);
  if (i.code === 'too_big' && i.origin === 'string')
    return t(`Tối đa ${n} ký tự.`, `At most ${n} characters.`);
  if (i.code === 'too_big' && i.origin === 'array')
    return t(`Tối đa ${n} mục.`, `At most ${n} items.`);
  if (i.code === 'too_big') return t(`Không được lớn hơn ${n}.`, `Must be at most ${n}.`);
  if (i.code === 'invalid_type' && /required|undefined/.test(en))
    return t('Chưa điền.', 'Required.');
  if (i.code === 'invalid_type' && /whole number|int/.test(en))
    return t('Phải là số nguyên.', 'Must be a whole number.');
  if (i.code === 'invalid_type' && /number/.test(en))
    return t('Phải là một số.', 'Must be a number.');
  if (i.code === 'invalid_value')
    return t('Giá trị không được chấp nhận.', 'Not an accepted value.');
  if (i.code === 'custom') return t(vi, en);
  return t('Giá trị không hợp lệ.', 'This value is not valid.');
}

/** Checks the editor's copy with the same schema the server uses (version is the server's). */
export function check(e: EDef): { errors: FieldError[]; definition: Record<string, unknown> } {
  const definition = toDefinition(e);
  const r = ZSurveyDefinition.safeParse({ ...definition, version: 1 });
  if (r.success) return { errors: [], definition };
  const errors = (r.error.issues as unknown as Issue[]).map((i) => {
    const path = i.path.map((p) => (typeof p === 'number' ? p : String(p)));
    return {
      key: path.join('.'),
      path,
      message: message(i),
      empty:
        (i.code === 'too_small' && i.origin === 'string') ||
        (i.code === 'invalid_type' && /required|undefined/.test(halves(i.message)[1])),
    };
  });
  return { errors, definition };
}

const FIELD: Record<string, [string, string]> = {
  id: ['Mã', 'Id'],
  title: ['Tiêu đề', 'Title'],
  text: ['Nội dung', 'Text'],
  help: ['Hướng dẫn', 'Help'],
  description: ['Mô tả', 'Description'],
  vi: ['tiếng Việt', 'Vietnamese'],
  en: ['tiếng Anh', 'English'],
  factor: ['Nhóm tiêu chí', 'Factor'],
  options: ['Các lựa chọn', 'Options'],
  rows: ['Các dòng', 'Rows'],
  label: ['Nhãn', 'Label'],
  value: ['Giá trị', 'Value'],
  showIf: ['Điều kiện hiển thị', 'Shown when'],
  question: ['câu hỏi', 'question'],
  in: ['các câu trả lời', 'answers'],
  weight: ['Trọng số', 'Weight'],
  target: ['Chỉ tiêu', 'Target'],
  kind: ['Loại phiếu', 'Kind'],
  level: ['Cấp học', 'Level'],
  convention: ['Cách tính chỉ số', 'Index convention'],
  maxLength: ['Độ dài tối đa', 'Maximum length'],
  min: ['Nhỏ nhất', 'Minimum'],
  max: ['Lớn nhất', 'Maximum'],
  type: ['Loại câu hỏi', 'Type'],
  required: ['Bắt buộc', 'Required'],
  questions: ['Các câu hỏi', 'Questions'],
  sections: ['Các phần', 'Sections'],
  factors: ['Các nhóm tiêu chí', 'Factors'],
};
const ITEM: Record<string, [string, string]> = {
  sections: ['Phần', 'Section'],
  questions: ['Câu', 'Question'],
  factors: ['Nhóm tiêu chí', 'Factor'],
  options: ['Lựa chọn', 'Option'],
  rows: ['Dòng', 'Row'],
};

/** "Phần 2 › Câu 3 › Nhóm tiêu chí": where an error is, in words (never the raw path). */
export function placeOf(path: (string | number)[]): string {
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const p = path[i]!;
    const next = path[i + 1];
    if (typeof p === 'string' && typeof next === 'number' && ITEM[p]) {
      parts.push(`${t(...ITEM[p])} ${next + 1}`);
      i++;
    } else if (typeof p === 'string') {
      const f = FIELD[p];
      if (p === 'vi' || p === 'en') parts[parts.length - 1] += ` (${t(...f!)})`;
      else parts.push(f ? t(...f) : t('Trường khác', 'Other field'));
    }
  }
  return parts.join(' › ') || t('Bảng hỏi', 'Questionnaire');
}

/** The DOM id of the field a path names (inputs carry it; containers carry their own prefix). */
export const fieldId = (path: (string | number)[]) => 'f-' + path.join('-');
