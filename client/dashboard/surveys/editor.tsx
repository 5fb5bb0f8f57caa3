import { t } from '../i18n.js';
import { fieldId, placeOf } from './errors.js';
import { Check, Errors, Group, NumberInput, Select, TextInput, TextPair } from './fields.js';
import { newFactor, newQuestion, newSection, slug, unique, type EDef } from './model.js';
import { QuestionEditor } from './question-editor.js';
import { Mover, useDropTarget } from './reorder.js';
import { useEditor, type Path } from './store.js';

/** Moves focus to the field a path names, or to the nearest group that holds it. */
export function focusPath(path: Path): void {
  for (let n = path.length; n >= 0; n--) {
    const el = document.getElementById(fieldId(path.slice(0, n)));
    if (el) {
      el.scrollIntoView({ block: 'center' });
      if (!/^(INPUT|SELECT|TEXTAREA|BUTTON)$/.test(el.tagName)) el.tabIndex = -1;
      el.focus();
      return;
    }
  }
}

/** Every error shown, linked to its field, said as a place ("Phần 1 › Câu 2 › Nội dung"). */
export function ErrorSummary({ extra }: { extra?: { path: Path; message: string }[] }) {
  const ed = useEditor();
  const list = [...ed.visible.value, ...(extra ?? [])];
  if (!list.length) return null;
  return (
    <section
      class="error-summary"
      id="error-summary"
      tabIndex={-1}
      aria-labelledby="error-summary-h"
    >
      <h2 id="error-summary-h">
        {t(
          `Có ${list.length} lỗi cần sửa`,
          `${list.length} problem${list.length > 1 ? 's' : ''} to fix`,
        )}
      </h2>
      <ul>
        {list.map((e, i) => (
          <li key={i}>
            <a
              href={'#' + fieldId(e.path)}
              onClick={(ev) => {
                ev.preventDefault();
                focusPath(e.path);
              }}
            >
              {placeOf(e.path)}: {e.message}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

const KINDS: [string, [string, string]][] = [
  ['education', ['Giáo dục (cha mẹ học sinh)', 'Education (parents)']],
  ['sipas', ['SIPAS (dịch vụ hành chính công)', 'SIPAS (public administration)']],
  ['pakn', ['Phản ánh, kiến nghị', 'Feedback handling']],
];
const LEVELS: [string, [string, string]][] = [
  ['', ['Không theo cấp học', 'No school level']],
  ['MN', ['Mầm non', 'Pre-school']],
  ['TH', ['Tiểu học', 'Primary']],
  ['THCS', ['Trung học cơ sở', 'Lower secondary']],
  ['THPT', ['Trung học phổ thông', 'Upper secondary']],
];
const CONVENTIONS: [string, [string, string]][] = [
  ['share_satisfied', ['Tỷ lệ hài lòng (% chọn 4–5)', 'Share satisfied (% answering 4–5)']],
  ['mean_score', ['Điểm trung bình', 'Mean score']],
];
const tr = (l: [string, [string, string]][]) => l.map(([v, p]) => [v, t(...p)] as [string, string]);

function Settings({ isNew, taken }: { isNew: boolean; taken: string[] }) {
  const ed = useEditor();
  return (
    <Group path={[]} legend={t('Thông tin chung', 'Settings')} class="settings">
      <TextPair
        path={['title']}
        label={t('Tên bảng hỏi', 'Title')}
        onVi={(v) =>
          ed.mutate((d) => {
            d.title.vi = v;
            if (isNew && d.auto) d.id = unique(slug(v), taken, 'bang-hoi');
          })
        }
      />
      {isNew ? (
        <TextInput
          path={['id']}
          label={t('Mã bảng hỏi', 'Questionnaire id')}
          onValue={(v) => ed.mutate((d) => Object.assign(d, { id: v, auto: false }))}
        />
      ) : (
        <p>
          {t('Mã bảng hỏi', 'Questionnaire id')}: <code>{ed.def.value.id}</code>
        </p>
      )}
      <TextPair path={['description']} label={t('Mô tả', 'Description')} optional />
      <div class="row-fields">
        <Select path={['kind']} label={t('Loại phiếu', 'Kind')} choices={tr(KINDS)} />
        <Select path={['level']} label={t('Cấp học', 'School level')} choices={tr(LEVELS)} />
        <Select
          path={['convention']}
          label={t('Cách tính chỉ số', 'Index convention')}
          choices={tr(CONVENTIONS)}
        />
        <NumberInput
          path={['target']}
          label={t('Chỉ tiêu hài lòng (%)', 'Satisfaction target (%)')}
        />
      </div>
    </Group>
  );
}

function FactorItem({ i, count }: { i: number; count: number }) {
  const ed = useEditor();
  const list = ['factors'];
  const at = [...list, i];
  const f = ed.def.value.factors[i]!;
  const drop = useDropTarget(list, i);
  const name = f.title.vi || f.id;
  return (
    <li class="edit-item" {...drop}>
      <fieldset id={fieldId(at)}>
        <legend>
          {t('Nhóm', 'Factor')} {i + 1}
        </legend>
        <div class="item-head">
          <Mover list={list} index={i} count={count} name={name} />
          {!ed.readOnly && count > 1 && (
            <button
              type="button"
              class="link"
              onClick={() => ed.mutate((d) => d.factors.splice(i, 1))}
            >
              {t('Xoá nhóm', 'Remove factor')}
              <span class="sr-only"> — {name}</span>
            </button>
          )}
        </div>
        <TextPair
          path={[...at, 'title']}
          label={t('Tên nhóm', 'Factor title')}
          onVi={(v) =>
            ed.mutate((d) => {
              const x = d.factors[i]!;
              x.title.vi = v;
              if (x.auto)
                x.id = unique(
                  slug(v),
                  d.factors.filter((o) => o !== x).map((o) => o.id),
                  'nhom',
                );
            })
          }
        />
        <div class="row-fields">
          <TextInput
            path={[...at, 'id']}
            label={t('Mã nhóm', 'Factor id')}
            onValue={(v) => ed.mutate((d) => Object.assign(d.factors[i]!, { id: v, auto: false }))}
          />
          <NumberInput
            path={[...at, 'weight']}
            label={t('Trọng số (không bắt buộc)', 'Weight (optional)')}
          />
          <Check
            path={[...at, 'summary']}
            label={t(
              'Nhóm đánh giá chung (không tính vào chỉ số chung)',
              'Summary factor (not in the overall index)',
            )}
          />
        </div>
      </fieldset>
    </li>
  );
}

function SectionItem({ si, count }: { si: number; count: number }) {
  const ed = useEditor();
  const list = ['sections'];
  const at = [...list, si];
  const s = ed.def.value.sections[si]!;
  const drop = useDropTarget(list, si);
  const name = s.title.vi || t(`Phần ${si + 1}`, `Section ${si + 1}`);
  return (
    <li class="edit-item section" {...drop}>
      <fieldset id={fieldId(at)}>
        <legend>
          {t('Phần', 'Section')} {si + 1}
          {s.title.vi ? `: ${s.title.vi}` : ''}
        </legend>
        <div class="item-head">
          <Mover list={list} index={si} count={count} name={name} />
          {!ed.readOnly && count > 1 && (
            <button
              type="button"
              class="link"
              onClick={() => ed.mutate((d) => d.sections.splice(si, 1))}
            >
              {t('Xoá phần', 'Remove section')}
              <span class="sr-only"> — {name}</span>
            </button>
          )}
        </div>
        <TextPair
          path={[...at, 'title']}
          label={t('Tên phần', 'Section title')}
          onVi={(v) =>
            ed.mutate((d) => {
              const x = d.sections[si]!;
              x.title.vi = v;
              if (x.auto)
                x.id = unique(
                  slug(v),
                  d.sections.filter((o) => o !== x).map((o) => o.id),
                  'phan',
                );
            })
          }
        />
        <TextInput
          path={[...at, 'id']}
          label={t('Mã phần', 'Section id')}
          onValue={(v) => ed.mutate((d) => Object.assign(d.sections[si]!, { id: v, auto: false }))}
        />
        <TextPair
          path={[...at, 'description']}
          label={t('Mô tả phần', 'Section description')}
          optional
        />
        <h3 class="list-title">{t('Các câu hỏi', 'Questions')}</h3>
        <Errors path={[...at, 'questions']} />
        <ol class="edit-list">
          {s.questions.map((_, qi) => (
            <QuestionEditor key={qi} si={si} qi={qi} count={s.questions.length} />
          ))}
        </ol>
        {!ed.readOnly && (
          <button
            type="button"
            class="secondary"
            onClick={() => {
              ed.mutate((d) => d.sections[si]!.questions.push(newQuestion(d)));
              const n = ed.def.value.sections[si]!.questions.length - 1;
              setTimeout(() => focusPath([...at, 'questions', n, 'type']), 0);
            }}
          >
            {t('Thêm câu hỏi vào phần này', 'Add a question to this section')}
          </button>
        )}
      </fieldset>
    </li>
  );
}

/** The whole questionnaire as a form: settings, factors, then sections with their questions. */
export function DefinitionForm({ isNew, taken }: { isNew: boolean; taken: string[] }) {
  const ed = useEditor();
  const d: EDef = ed.def.value;
  return (
    <div class="survey-form">
      <Settings isNew={isNew} taken={taken} />
      <section aria-labelledby="factors-h">
        <h2 id="factors-h">{t('Nhóm tiêu chí', 'Factors')}</h2>
        <Errors path={['factors']} />
        <ol class="edit-list">
          {d.factors.map((_, i) => (
            <FactorItem key={i} i={i} count={d.factors.length} />
          ))}
        </ol>
        {!ed.readOnly && (
          <button
            type="button"
            class="secondary"
            onClick={() => ed.mutate((x) => x.factors.push(newFactor(x)))}
          >
            {t('Thêm nhóm tiêu chí', 'Add factor')}
          </button>
        )}
      </section>
      <section aria-labelledby="sections-h">
        <h2 id="sections-h">{t('Các phần và câu hỏi', 'Sections and questions')}</h2>
        <Errors path={['sections']} />
        <ol class="edit-list">
          {d.sections.map((_, si) => (
            <SectionItem key={si} si={si} count={d.sections.length} />
          ))}
        </ol>
        {!ed.readOnly && (
          <button
            type="button"
            class="secondary"
            onClick={() => ed.mutate((x) => x.sections.push(newSection(x)))}
          >
            {t('Thêm phần', 'Add section')}
          </button>
        )}
      </section>
    </div>
  );
}
