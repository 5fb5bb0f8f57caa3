import { describe, expect, test } from 'vitest';
import { answerItems } from '../../surveys/items.js';
import { ZSurveyDefinition } from '../../surveys/schema.js';
import { isShown } from '../../surveys/visibility.js';
import { typesInput } from '../helpers/question-types.js';

type Input = ReturnType<typeof typesInput>;

/** The issues of a definition changed by `mutate`, as path → message. */
function problems(mutate: (d: Input) => void): Map<string, string> {
  const d = typesInput();
  mutate(d);
  const r = ZSurveyDefinition.safeParse(d);
  expect(r.success).toBe(false);
  return new Map(r.error!.issues.map((i) => [i.path.join('.'), i.message]));
}

const grid = (d: Input) => d.sections[1]!.questions[1]!;
const num = (d: Input) => d.sections[0]!.questions[0]!;

describe('the newer question types in the schema', () => {
  test('a definition with a number, a date, a dropdown and a likert grid round-trips', () => {
    const parsed = ZSurveyDefinition.parse(typesInput());
    const again = ZSurveyDefinition.parse(JSON.parse(JSON.stringify(parsed)));
    expect(again).toEqual(parsed);
    const [so_con, , date, dropdown] = parsed.sections[0]!.questions;
    expect(so_con).toMatchObject({ type: 'number', min: 1, max: 5, integer: true });
    expect(date!.type).toBe('date');
    expect(dropdown!.options!.map((o) => o.value)).toEqual(['ha_noi', 'hai_phong', 'da_nang']);
    expect(parsed.sections[1]!.questions[1]!.rows).toHaveLength(2);
  });

  test('a grid row is a likert5 question of its own id and factor, with the grid required flag', () => {
    const items = answerItems(ZSurveyDefinition.parse(typesInput()));
    expect(items.map((q) => q.id)).toEqual([
      'so_con',
      'chi_phi',
      'ngay_hop',
      'tinh',
      'tc1',
      'g_tc',
      'g_mt',
    ]);
    expect(items.find((q) => q.id === 'g_mt')).toMatchObject({
      type: 'likert5',
      factor: 'moi_truong',
      required: true,
      grid: 'bang',
    });
  });

  test('a grid needs two rows, each row a known factor', () => {
    expect(
      problems((d) => (grid(d).rows = [grid(d).rows![0]!])).get('sections.1.questions.1.rows'),
    ).toBe('Bảng likert cần ít nhất 2 dòng / a likert grid needs at least 2 rows');
    const p = problems((d) => ((grid(d).rows as { factor: string }[])[1]!.factor = 'khong_co'));
    expect(p.get('sections.1.questions.1.rows.1.factor')).toBe(
      'Yếu tố không tồn tại: "khong_co" / unknown factor "khong_co"',
    );
  });

  test('a row id that repeats a question id is refused: they share one namespace', () => {
    const p = problems((d) => ((grid(d).rows as { id: string }[])[0]!.id = 'tc1'));
    expect(p.get('sections.1.questions.1.rows.0.id')).toBe(
      'Mã câu hỏi bị trùng: "tc1" / question id repeated: "tc1"',
    );
  });

  test('a number whose min is above its max, and a dropdown without options, are refused', () => {
    expect(problems((d) => (num(d).min = 9)).get('sections.0.questions.0.max')).toMatch(
      /^Giá trị lớn nhất nhỏ hơn giá trị nhỏ nhất \(9\) \/ max is below min/,
    );
    const p = problems((d) => delete d.sections[0]!.questions[3]!.options);
    expect(p.get('sections.0.questions.3.options')).toBe(
      'Câu hỏi loại dropdown cần các lựa chọn / a dropdown question needs options',
    );
  });

  test('a factor left without questions is refused', () => {
    // The only moi_truong item is the grid's second row: point it elsewhere.
    const p = problems((d) => ((grid(d).rows as { factor: string }[])[1]!.factor = 'tiep_can'));
    expect(p.get('factors.1.id')).toBe(
      'Yếu tố "moi_truong" không còn câu hỏi nào / a factor left without questions: "moi_truong"',
    );
  });

  test("zod's own messages are Vietnamese with English after them, at the field's path", () => {
    const p = problems((d) => {
      num(d).type = 'so';
      num(d).max = 'năm';
      d.sections[0]!.questions[1]!.text = { vi: '   ' };
      d.sections[0]!.questions[2]!.colour = 'đỏ';
      delete d.title;
      d.id = 'Có Dấu';
    });
    expect(p.get('sections.0.questions.0.type')).toMatch(
      /^Phải là một trong: likert5, .* \/ must be one of/,
    );
    expect(p.get('sections.0.questions.0.max')).toBe('Phải là số / must be a number');
    expect(p.get('sections.0.questions.1.text.vi')).toBe('Không được để trống / must not be empty');
    expect(p.get('sections.0.questions.2')).toBe(
      'Trường không được phép: colour / unknown field: colour',
    );
    expect(p.get('title')).toBe('Thiếu trường bắt buộc / required');
    expect(p.get('id')).toMatch(/^Mã chỉ gồm chữ thường không dấu/);
    for (const m of p.values()) expect(m, m).toMatch(/ \/ /);
  });

  test('a condition may name an earlier grid row, not the grid itself', () => {
    const later = (cond: string) => (d: Input) =>
      d.sections[1]!.questions.push({
        id: 'vi_sao',
        type: 'text',
        text: { vi: 'Vì sao?' },
        showIf: { question: cond, in: [1, 2] },
      });
    const d = typesInput();
    later('g_mt')(d);
    expect(ZSurveyDefinition.safeParse(d).success).toBe(true);
    expect(problems(later('bang')).get('sections.1.questions.2.showIf.question')).toMatch(
      /^Điều kiện phải dựa vào một câu hỏi phía trước, không phải "bang"/,
    );
  });
});

describe('showIf (surveys/visibility.ts, shared by the server and the respondent page)', () => {
  test('holds when the earlier answer is listed; "no opinion" is na; lists match on any value', () => {
    expect(isShown(undefined, {})).toBe(true);
    expect(isShown({ question: 'a', in: [1, 2] }, { a: 2 })).toBe(true);
    expect(isShown({ question: 'a', in: [1, 2] }, { a: 3 })).toBe(false);
    expect(isShown({ question: 'a', in: [1] }, {})).toBe(false);
    expect(isShown({ question: 'a', in: ['na'] }, { a: null })).toBe(true);
    expect(isShown({ question: 'a', in: ['x'] }, { a: ['y', 'x'] })).toBe(true);
  });
});
