import { QUESTION_TYPES } from '../../../surveys/schema.js';
import { t } from '../i18n.js';
import { Errors, Check, NumberInput, Select, TextInput, TextPair } from './fields.js';
import { fieldId } from './errors.js';
import { OPTION_TYPES, questionIds, retype, type EQuestion } from './model.js';
import { Condition } from './condition.js';
import { Options, Rows, suggestFrom } from './question-parts.js';
import { Mover, useDropTarget } from './reorder.js';
import { getAt, useEditor } from './store.js';

export const TYPE_LABEL: Record<string, [string, string]> = {
  likert5: ['Mức độ hài lòng (1–5)', 'Satisfaction (1–5)'],
  likert5_grid: ['Bảng mức độ hài lòng (nhiều dòng)', 'Satisfaction grid (several rows)'],
  single: ['Chọn một', 'Single choice'],
  multi: ['Chọn nhiều', 'Multiple choice'],
  dropdown: ['Danh sách thả xuống', 'Dropdown'],
  text: ['Trả lời tự do', 'Free text'],
  number: ['Số', 'Number'],
  date: ['Ngày', 'Date'],
};

/** One question: its type, texts, id, flags and what its type needs. */
export function QuestionEditor({ si, qi, count }: { si: number; qi: number; count: number }) {
  const ed = useEditor();
  const list = ['sections', si, 'questions'];
  const path = [...list, qi];
  const d = ed.def.value;
  const q = getAt(d, path) as EQuestion;
  const drop = useDropTarget(list, qi);
  const factors: [string, string][] = [
    ['', t('— chọn nhóm —', '— pick a factor —')],
    ...d.factors.map((f) => [f.id, f.title.vi || f.id] as [string, string]),
  ];
  const types = QUESTION_TYPES as readonly string[];
  const name = q.text.vi || t(`Câu ${qi + 1}`, `Question ${qi + 1}`);
  return (
    <li class="edit-item question" {...drop}>
      <fieldset id={fieldId(path)}>
        <legend>
          {t('Câu', 'Question')} {qi + 1}
        </legend>
        <div class="item-head">
          <Mover list={list} index={qi} count={count} name={name} />
          {!ed.readOnly && count > 1 && (
            <button
              type="button"
              class="link"
              onClick={() => ed.mutate((x) => (getAt(x, list) as unknown[]).splice(qi, 1))}
            >
              {t('Xoá câu hỏi', 'Remove question')}
              <span class="sr-only"> — {name}</span>
            </button>
          )}
        </div>
        <Errors path={path} />
        <Select
          path={[...path, 'type']}
          label={t('Loại câu hỏi', 'Question type')}
          choices={types.map((ty) => [ty, t(...(TYPE_LABEL[ty] ?? [ty, ty]))])}
          onValue={(v) => ed.mutate((x) => retype(getAt(x, path) as EQuestion, v, x))}
        />
        <TextPair
          path={[...path, 'text']}
          label={t('Nội dung câu hỏi', 'Question text')}
          onVi={suggestFrom(ed, path, questionIds)}
        />
        <TextInput
          path={[...path, 'id']}
          label={t('Mã câu hỏi', 'Question id')}
          onValue={(v) =>
            ed.mutate((x) => Object.assign(getAt(x, path) as object, { id: v, auto: false }))
          }
        />
        <TextPair path={[...path, 'help']} label={t('Hướng dẫn', 'Help')} optional />
        <Check path={[...path, 'required']} label={t('Bắt buộc trả lời', 'Answer required')} />
        {q.type === 'likert5' && (
          <Select
            path={[...path, 'factor']}
            label={t('Nhóm tiêu chí', 'Factor')}
            choices={factors}
          />
        )}
        {q.type !== 'likert5' && q.factor && <Errors path={[...path, 'factor']} />}
        {q.type === 'text' && (
          <NumberInput
            path={[...path, 'maxLength']}
            label={t('Số ký tự tối đa', 'Maximum characters')}
          />
        )}
        {q.type === 'number' && (
          <div class="row-fields">
            <NumberInput path={[...path, 'min']} label={t('Nhỏ nhất', 'Minimum')} />
            <NumberInput path={[...path, 'max']} label={t('Lớn nhất', 'Maximum')} />
            <Check path={[...path, 'integer']} label={t('Chỉ số nguyên', 'Whole numbers only')} />
          </div>
        )}
        {(OPTION_TYPES.includes(q.type) || q.options) && <Options path={path} />}
        {(q.type === 'likert5_grid' || q.rows) && <Rows path={path} factors={factors} />}
        <Condition path={path} si={si} qi={qi} />
      </fieldset>
    </li>
  );
}
