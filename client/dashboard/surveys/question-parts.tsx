import { t } from '../i18n.js';
import { Select, TextInput, TextPair } from './fields.js';
import { ListEditor } from './list-editor.js';
import { emptyText, questionIds, slug, unique, type EDef, type EQuestion } from './model.js';
import { getAt, useEditor, type Path } from './store.js';

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
  const siblings = (d: EDef) => ((getAt(d, list) as { value: string }[]) ?? []).map((o) => o.value);
  return (
    <ListEditor
      list={list}
      legend={t('Các lựa chọn', 'Options')}
      noun={t('Lựa chọn', 'Option')}
      addLabel={t('Thêm lựa chọn', 'Add option')}
      items={q.options ?? []}
      nameOf={(o) => o.label.vi || o.value}
      min={2}
      create={(_d, opts) => ({
        value: unique(
          'lua-chon',
          opts.map((o) => o.value),
          'lua-chon',
        ),
        label: emptyText(),
        auto: true,
      })}
      fields={(at) => (
        <>
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
        </>
      )}
    />
  );
}

export function Rows({ path, factors }: { path: Path; factors: [string, string][] }) {
  const ed = useEditor();
  const q = getAt(ed.def.value, path) as EQuestion;
  return (
    <ListEditor
      list={[...path, 'rows']}
      legend={t(
        'Các dòng (mỗi dòng là một câu mức độ hài lòng)',
        'Rows (each one a satisfaction item)',
      )}
      noun={t('Dòng', 'Row')}
      addLabel={t('Thêm dòng', 'Add row')}
      items={q.rows ?? []}
      nameOf={(r) => r.text.vi || r.id}
      min={1}
      create={(d, rows) => ({
        id: unique(`${q.id}-${rows.length + 1}`, questionIds(d), 'dong'),
        text: emptyText(),
        factor: d.factors[0]?.id ?? '',
        auto: true,
      })}
      fields={(at) => (
        <>
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
        </>
      )}
    />
  );
}
