import { t } from '../i18n.js';
import { fieldId } from './errors.js';
import { Errors, Group } from './fields.js';
import type { EDef, EQuestion } from './model.js';
import { getAt, useEditor, type Path } from './store.js';

/** The questions before `q` (in order) whose answers a condition can test, with their values. */
function earlier(
  d: EDef,
  si: number,
  qi: number,
): { id: string; text: string; values: [string | number, string][] }[] {
  const out: { id: string; text: string; values: [string | number, string][] }[] = [];
  d.sections.forEach((s, i) =>
    s.questions.forEach((q, j) => {
      if (i > si || (i === si && j >= qi)) return;
      const text = q.text.vi || q.id;
      if (q.type === 'likert5')
        out.push({
          id: q.id,
          text,
          values: [5, 4, 3, 2, 1].map((v) => [v, String(v)] as [number, string]),
        });
      else if (q.options)
        out.push({
          id: q.id,
          text,
          values: q.options.map((o) => [o.value, o.label.vi || o.value] as [string, string]),
        });
    }),
  );
  return out;
}

export function Condition({ path, si, qi }: { path: Path; si: number; qi: number }) {
  const ed = useEditor();
  const d = ed.def.value;
  const q = getAt(d, path) as EQuestion;
  const choices = earlier(d, si, qi);
  const picked = choices.find((c) => c.id === q.showIf?.question);
  const at = [...path, 'showIf'];
  const id = fieldId([...at, 'question']);
  return (
    <Group path={at} legend={t('Điều kiện hiển thị', 'Shown when')} class="sub">
      <div class="field">
        <label for={id}>
          {t('Chỉ hỏi khi câu trả lời của câu', 'Ask only when the answer to')}
        </label>
        <select
          id={id}
          disabled={ed.readOnly}
          value={q.showIf?.question ?? ''}
          onChange={(e) => {
            const v = (e.target as HTMLSelectElement).value;
            ed.setAt(at, v ? { question: v, in: [] } : undefined);
          }}
        >
          <option value="">{t('Luôn hỏi', 'Always ask')}</option>
          {choices.map((c) => (
            <option key={c.id} value={c.id}>
              {c.text}
            </option>
          ))}
          {q.showIf && !picked && (
            <option value={q.showIf.question}>
              {t('(câu hỏi không còn đứng trước)', '(no longer an earlier question)')}
            </option>
          )}
        </select>
        <Errors path={[...at, 'question']} />
      </div>
      {picked && (
        <fieldset class="values" id={fieldId([...at, 'in'])}>
          <legend>{t('là một trong', 'is one of')}</legend>
          {picked.values.map(([v, label]) => (
            <label key={String(v)}>
              <input
                type="checkbox"
                disabled={ed.readOnly}
                checked={q.showIf!.in.map(String).includes(String(v))}
                onChange={(e) => {
                  const on = (e.target as HTMLInputElement).checked;
                  const rest = q.showIf!.in.filter((x) => String(x) !== String(v));
                  ed.setAt([...at, 'in'], on ? [...rest, v] : rest);
                }}
              />{' '}
              {label}
            </label>
          ))}
          <Errors path={[...at, 'in']} />
        </fieldset>
      )}
    </Group>
  );
}
