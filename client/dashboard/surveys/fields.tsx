import type { ComponentChildren } from 'preact';
import { t } from '../i18n.js';
import { fieldId } from './errors.js';
import { getAt, useEditor, type Path } from './store.js';

/** The errors of `path`, as the paragraph an input's aria-describedby points at. */
export function Errors({ path }: { path: Path }) {
  const errs = useEditor().errorsAt(path);
  if (!errs.length) return null;
  return (
    <p class="field-error" id={fieldId(path) + '-err'}>
      {errs.map((e) => e.message).join(' ')}
    </p>
  );
}

function aria(ed: ReturnType<typeof useEditor>, path: Path) {
  const bad = ed.errorsAt(path).length > 0;
  return {
    id: fieldId(path),
    'aria-invalid': bad ? ('true' as const) : undefined,
    'aria-describedby': bad ? fieldId(path) + '-err' : undefined,
    readOnly: ed.readOnly,
  };
}

/** A text input bound to the string at `path`. */
export function TextInput({
  path,
  label,
  onValue,
  wide,
}: {
  path: Path;
  label: string;
  /** Called instead of the plain write (e.g. to re-suggest ids from the text). */
  onValue?: (v: string) => void;
  wide?: boolean;
}) {
  const ed = useEditor();
  const value = getAt(ed.def.value, path);
  return (
    <div class={'field' + (wide ? ' wide' : '')}>
      <label for={fieldId(path)}>{label}</label>
      <input
        {...aria(ed, path)}
        value={typeof value === 'string' ? value : ''}
        onInput={(e) => {
          const v = (e.target as HTMLInputElement).value;
          if (onValue) {
            onValue(v);
            ed.touch(path);
          } else ed.setAt(path, v);
        }}
      />
      <Errors path={path} />
    </div>
  );
}

/** A number typed as text (so a half-typed "1," is kept), checked by the schema on save. */
export function NumberInput({ path, label }: { path: Path; label: string }) {
  const ed = useEditor();
  const value = getAt(ed.def.value, path);
  return (
    <div class="field">
      <label for={fieldId(path)}>{label}</label>
      <input
        {...aria(ed, path)}
        inputMode="decimal"
        value={typeof value === 'string' ? value : ''}
        onInput={(e) => ed.setAt(path, (e.target as HTMLInputElement).value)}
      />
      <Errors path={path} />
    </div>
  );
}

/** Vietnamese (required unless `optional`) and English texts of one item. */
export function TextPair({
  path,
  label,
  optional,
  onVi,
}: {
  path: Path;
  label: string;
  optional?: boolean;
  onVi?: (v: string) => void;
}) {
  return (
    <div class="text-pair">
      <TextInput
        path={[...path, 'vi']}
        label={`${label} (${t('tiếng Việt', 'Vietnamese')}${optional ? ', ' + t('không bắt buộc', 'optional') : ''})`}
        onValue={onVi}
        wide
      />
      <TextInput
        path={[...path, 'en']}
        label={`${label} (${t('tiếng Anh, không bắt buộc', 'English, optional')})`}
        wide
      />
      <Errors path={path} />
    </div>
  );
}

export function Select({
  path,
  label,
  choices,
  onValue,
}: {
  path: Path;
  label: string;
  choices: [string, string][];
  onValue?: (v: string) => void;
}) {
  const ed = useEditor();
  const value = getAt(ed.def.value, path);
  return (
    <div class="field">
      <label for={fieldId(path)}>{label}</label>
      <select
        {...aria(ed, path)}
        disabled={ed.readOnly}
        value={typeof value === 'string' ? value : ''}
        onChange={(e) => {
          const v = (e.target as HTMLSelectElement).value;
          if (onValue) {
            onValue(v);
            ed.touch(path);
          } else ed.setAt(path, v);
        }}
      >
        {choices.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
      <Errors path={path} />
    </div>
  );
}

export function Check({ path, label }: { path: Path; label: string }) {
  const ed = useEditor();
  return (
    <div class="field check">
      <label>
        <input
          type="checkbox"
          id={fieldId(path)}
          disabled={ed.readOnly}
          checked={getAt(ed.def.value, path) === true}
          onChange={(e) => ed.setAt(path, (e.target as HTMLInputElement).checked)}
        />{' '}
        {label}
      </label>
      <Errors path={path} />
    </div>
  );
}

/** A titled group of fields with the errors that belong to the group itself. */
export function Group({
  path,
  legend,
  children,
  class: cls,
}: {
  path: Path;
  legend: ComponentChildren;
  children: ComponentChildren;
  class?: string;
}) {
  return (
    <fieldset class={cls} id={fieldId(path)}>
      <legend>{legend}</legend>
      <Errors path={path} />
      {children}
    </fieldset>
  );
}
