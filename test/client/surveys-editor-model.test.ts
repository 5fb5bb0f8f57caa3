import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { describeChanges } from '../../client/dashboard/surveys/diff.js';
import { check, placeOf } from '../../client/dashboard/surveys/errors.js';
import {
  fromDefinition,
  move,
  slug,
  toDefinition,
  unique,
} from '../../client/dashboard/surveys/model.js';

const DIR = 'surveys/definitions';
const shipped = readdirSync(DIR).map(
  (f) => JSON.parse(readFileSync(`${DIR}/${f}`, 'utf8')) as Record<string, unknown>,
);
const thcs = () => shipped.find((d) => d.id === 'edu-thcs')!;

describe('the questionnaire editor model', () => {
  test.each(shipped.map((d) => [d.id, d] as const))(
    'opens %s and gives back the same definition, with no error',
    (_id, def) => {
      const { version: _v, ...rest } = def;
      const edit = fromDefinition(def);
      expect(toDefinition(edit)).toEqual(rest);
      expect(check(edit).errors).toEqual([]);
    },
  );

  test('suggests ids from Vietnamese text, without diacritics and unique', () => {
    expect(slug('Nhà trường trả lời thắc mắc kịp thời')).toBe(
      'nha-truong-tra-loi-thac-mac-kip-thoi',
    );
    expect(slug('Đánh giá chung')).toBe('danh-gia-chung');
    expect(unique('danh-gia-chung', ['danh-gia-chung', 'danh-gia-chung-2'], 'x')).toBe(
      'danh-gia-chung-3',
    );
  });

  test('places a likert question without a factor at its field, in Vietnamese words', () => {
    const edit = fromDefinition(thcs());
    edit.sections[1]!.questions[0]!.factor = '';
    const { errors } = check(edit);
    expect(errors.map((e) => e.key)).toEqual(['sections.1.questions.0.factor']);
    expect(errors[0]!.message).toBe('Câu hỏi mức độ hài lòng phải thuộc một nhóm tiêu chí.');
    expect(placeOf(errors[0]!.path)).toBe('Phần 2 › Câu 1 › Nhóm tiêu chí');
  });

  test('flags an empty Vietnamese text as empty and an English one left blank as fine', () => {
    const edit = fromDefinition(thcs());
    edit.sections[0]!.title = { vi: '', en: '' };
    const [e, ...more] = check(edit).errors;
    expect(more).toEqual([]);
    expect(e).toMatchObject({ key: 'sections.0.title.vi', empty: true });
    expect(e!.message).toBe('Không được để trống.');
    expect(placeOf(e!.path)).toBe('Phần 1 › Tiêu đề (tiếng Việt)');
  });

  test('says what changed between two versions', () => {
    const a = thcs();
    const edit = fromDefinition(a);
    edit.sections[1]!.questions[0]!.text.vi = 'Thủ tục nhập học thuận tiện.';
    move(edit.sections[2]!.questions, 0, 1);
    const b = toDefinition(edit);
    expect(describeChanges(a, b)).toEqual([
      expect.stringMatching(/^Sửa nội dung câu hỏi: “.+” → “Thủ tục nhập học thuận tiện.”$/),
      'Đổi thứ tự câu hỏi',
    ]);
    expect(describeChanges(a, a)).toEqual([]);
    // A setting is named, and its coded values said, as the editor says them.
    expect(describeChanges(a, { ...a, level: 'THPT' })).toEqual([
      'Đổi cấp học: Trung học cơ sở → Trung học phổ thông',
    ]);
  });
});
