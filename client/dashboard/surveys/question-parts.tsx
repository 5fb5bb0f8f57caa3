import { t } from '../i18n.js';
import { Errors, Group, Select, TextInput, TextPair } from './fields.js';
import { fieldId } from './errors.js';
import { emptyText, questionIds, slug, unique, type EDef, type EQuestion } from './model.js';
import { Mover, useDropTarget } from './reorder.js';
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

/** Writes a text and, while the id is still a suggestion, suggests the id from it. */
export function suggestFrom(
  ed: ReturnType<typeof useEditor>,
  path: Path,
  taken: (d: EDef) => string[],
) {
  return (v: string) =>
    ed.mutate((d) => {
      const item = getAt(d, path) as {
        id?: string;
        value?: string;
        auto?: boolean;
        text?: { vi: string };
        label?: { vi: string };
        title?: { vi: string };
      };
      const textOf = item.text ?? item.label ?? item.title!;
      textOf.vi = v;
      if (!item.auto) return;
      const key = 'value' in item ? 'value' : 'id';
      const others = taken(d).filter((x) => x !== item[key]);
      item[key] = unique(slug(v), others, key === 'value' ? 'lua-chon' : 'cau-hoi');
    });
}

export function Options({ path }: { path: Path }) {
  const ed = useEditor();
  const q = getAt(ed.def.value, path) as EQuestion;
  const list = [...path, 'options'];
  return (
    <Group path={list} legend={t('Các lựa chọn', 'Options')} class="sub">
      <ol class="edit-list">
        {(q.options ?? []).map((o, i) => (
          <OptionRow
            key={i}
            list={list}
            i={i}
            count={q.options!.length}
            name={o.label.vi || o.value}
          />
        ))}
      </ol>
      {!ed.readOnly && (
        <button
          type="button"
          class="secondary"
          onClick={() =>
            ed.mutate((d) => {
              const opts = (getAt(d, list) as EQuestion['options'])!;
              opts.push({
                value: unique(
                  'lua-chon',
                  opts.map((o) => o.value),
                  'lua-chon',
                ),
                label: emptyText(),
                auto: true,
              });
            })
          }
        >
          {t('Thêm lựa chọn', 'Add option')}
        </button>
      )}
    </Group>
  );
}

function OptionRow({
  list,
  i,
  count,
  name,
}: {
  list: Path;
  i: number;
  count: number;
  name: string;
}) {
  const ed = useEditor();
  const drop = useDropTarget(list, i);
  const at = [...list, i];
  const siblings = (d: EDef) => ((getAt(d, list) as { value: string }[]) ?? []).map((o) => o.value);
  return (
    <li class="edit-item" {...drop}>
      <div class="item-head">
        <strong>
          {t('Lựa chọn', 'Option')} {i + 1}
        </strong>
        <Mover list={list} index={i} count={count} name={name} />
        {!ed.readOnly && count > 2 && (
          <button
            type="button"
            class="link"
            onClick={() => ed.mutate((d) => (getAt(d, list) as unknown[]).splice(i, 1))}
          >
            {t('Xoá', 'Remove')}
            <span class="sr-only"> — {name}</span>
          </button>
        )}
      </div>
      <div class="row-fields">
        <TextPair
          path={[...at, 'label']}
          label={t('Nhãn', 'Label')}
          onVi={suggestFrom(ed, at, siblings)}
        />
        <TextInput
          path={[...at, 'value']}
          label={t('Giá trị lưu', 'Stored value')}
          onValue={(v) =>
            ed.mutate((d) => Object.assign(getAt(d, at) as object, { value: v, auto: false }))
          }
        />
      </div>
      <Errors path={at} />
    </li>
  );
}

export function Rows({ path, factors }: { path: Path; factors: [string, string][] }) {
  const ed = useEditor();
  const q = getAt(ed.def.value, path) as EQuestion;
  const list = [...path, 'rows'];
  return (
    <Group
      path={list}
      legend={t(
        'Các dòng (mỗi dòng là một câu mức độ hài lòng)',
        'Rows (each one a satisfaction item)',
      )}
      class="sub"
    >
      <ol class="edit-list">
        {(q.rows ?? []).map((r, i) => (
          <GridRow
            key={i}
            list={list}
            i={i}
            count={q.rows!.length}
            name={r.text.vi || r.id}
            factors={factors}
          />
        ))}
      </ol>
      {!ed.readOnly && (
        <button
          type="button"
          class="secondary"
          onClick={() =>
            ed.mutate((d) => {
              const rows = (getAt(d, list) as EQuestion['rows'])!;
              rows.push({
                id: unique(`${q.id}-${rows.length + 1}`, questionIds(d), 'dong'),
                text: emptyText(),
                factor: d.factors[0]?.id ?? '',
                auto: true,
              });
            })
          }
        >
          {t('Thêm dòng', 'Add row')}
        </button>
      )}
    </Group>
  );
}

function GridRow({
  list,
  i,
  count,
  name,
  factors,
}: {
  list: Path;
  i: number;
  count: number;
  name: string;
  factors: [string, string][];
}) {
  const ed = useEditor();
  const drop = useDropTarget(list, i);
  const at = [...list, i];
  return (
    <li class="edit-item" {...drop}>
      <div class="item-head">
        <strong>
          {t('Dòng', 'Row')} {i + 1}
        </strong>
        <Mover list={list} index={i} count={count} name={name} />
        {!ed.readOnly && count > 1 && (
          <button
            type="button"
            class="link"
            onClick={() => ed.mutate((d) => (getAt(d, list) as unknown[]).splice(i, 1))}
          >
            {t('Xoá', 'Remove')}
            <span class="sr-only"> — {name}</span>
          </button>
        )}
      </div>
      <div class="row-fields">
        <TextPair
          path={[...at, 'text']}
          label={t('Nội dung', 'Text')}
          onVi={suggestFrom(ed, at, questionIds)}
        />
        <TextInput
          path={[...at, 'id']}
          label={t('Mã', 'Id')}
          onValue={(v) =>
            ed.mutate((d) => Object.assign(getAt(d, at) as object, { id: v, auto: false }))
          }
        />
        <Select path={[...at, 'factor']} label={t('Nhóm tiêu chí', 'Factor')} choices={factors} />
      </div>
      <Errors path={at} />
    </li>
  );
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
