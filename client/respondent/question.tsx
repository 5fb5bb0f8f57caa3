import type { Answers, Choice, Lang, PageData, Question, Value } from './model.js';
import { tx } from './model.js';

interface Props {
  q: Question;
  data: PageData;
  lang: Lang;
  value: Value | undefined;
  error: string | undefined;
  set: (id: string, v: Value | undefined) => void;
  /** likert5_grid: every answer and error, since each row is keyed by its own id. */
  answers?: Answers;
  errors?: Record<string, string>;
}

/** One question as a fieldset: native radios and checkboxes, so keyboard and screen readers just work. */
export function QuestionView(props: Props) {
  const { q, data, lang, value, error, set } = props;
  const legendId = 'l-' + q.id;
  const errId = 'e-' + q.id;
  let body;
  if (q.type === 'likert5_grid') {
    body = <Grid {...props} />;
  } else if (q.type === 'number' || q.type === 'date' || q.type === 'dropdown') {
    body = <Field {...props} />;
  } else if (q.type === 'text') {
    body = (
      <textarea
        rows={4}
        maxLength={q.maxLength}
        aria-labelledby={legendId}
        value={typeof value === 'string' ? value : ''}
        onInput={(e) => set(q.id, (e.target as HTMLTextAreaElement).value)}
      />
    );
  } else {
    const multi = q.type === 'multi';
    const opts: Choice[] = q.type === 'likert5' ? likertChoices(data) : q.options || [];
    body = choices(q.id, opts, multi, q.type === 'likert5', value, set, lang);
  }
  return (
    <fieldset
      class={'q' + (q.type === 'likert5_grid' ? ' g' : '') + (error ? ' bad' : '')}
      id={'q-' + q.id}
      aria-describedby={error ? errId : undefined}
    >
      <legend id={legendId}>
        {tx(q, 'text', lang)}
        {q.required && (
          <abbr class="rq" title={lang === 'en' ? 'required' : 'bắt buộc'}>
            {' '}
            *
          </abbr>
        )}
      </legend>
      {q.help && <p class="h">{tx(q, 'help', lang)}</p>}
      {error && (
        <p class="err" id={errId}>
          {error}
        </p>
      )}
      {body}
    </fieldset>
  );
}

/** Native radios or checkboxes named `name`, one label each. */
function choices(
  name: string,
  opts: Choice[],
  multi: boolean,
  likert: boolean,
  value: Value | undefined,
  set: Props['set'],
  lang: Lang,
) {
  const key = (v: Value | undefined) => (v === null ? 'na' : String(v));
  const list = Array.isArray(value) ? value : [];
  return opts.map((o) => {
    const v = String(o.value);
    const on = multi ? list.includes(v) : value !== undefined && key(value) === v;
    const pick = () => {
      if (multi) set(name, on ? list.filter((x) => x !== v) : list.concat(v));
      else set(name, likert ? (v === 'na' ? null : Number(v)) : v);
    };
    return (
      <label class={'o' + (on ? ' on' : '') + (v === 'na' ? ' na' : '')} key={v}>
        <input
          type={multi ? 'checkbox' : 'radio'}
          name={name}
          value={v}
          checked={on}
          onChange={pick}
        />
        <span>{tx(o, 'label', lang)}</span>
      </label>
    );
  });
}

/**
 * A likert grid as the server draws it (server/pages/respondent-form.ts): a header of levels for
 * wide screens, hidden from assistive tech, then one fieldset per statement.
 */
function Grid({ q, data, lang, set, answers, errors }: Props) {
  const opts = likertChoices(data);
  return (
    <>
      <div class="gh" aria-hidden="true">
        <span />
        {opts.map((o) => (
          <span key={o.value}>{tx(o, 'label', lang)}</span>
        ))}
      </div>
      {(q.rows || []).map((r) => {
        const err = errors?.[r.id];
        return (
          <fieldset
            class={'gr' + (err ? ' bad' : '')}
            id={'q-' + r.id}
            key={r.id}
            aria-describedby={err ? 'e-' + r.id : undefined}
          >
            <legend id={'l-' + r.id}>{tx(r, 'text', lang)}</legend>
            {choices(r.id, opts, false, true, answers?.[r.id], set, lang)}
            {err && (
              <p class="err" id={'e-' + r.id}>
                {err}
              </p>
            )}
          </fieldset>
        );
      })}
    </>
  );
}

/** A number, date or dropdown, named by the question's legend. */
function Field({ q, lang, value, set }: Props) {
  const shown = typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  const common = { id: 'i-' + q.id, name: q.id, 'aria-labelledby': 'l-' + q.id };
  if (q.type === 'dropdown')
    return (
      <select
        {...common}
        value={shown}
        onChange={(e) => set(q.id, (e.target as HTMLSelectElement).value || undefined)}
      >
        <option value="">{lang === 'en' ? '— Choose —' : '— Chọn —'}</option>
        {(q.options || []).map((o) => (
          <option key={o.value} value={String(o.value)}>
            {tx(o, 'label', lang)}
          </option>
        ))}
      </select>
    );
  if (q.type === 'date')
    return (
      <input
        {...common}
        type="date"
        value={shown}
        onInput={(e) => set(q.id, (e.target as HTMLInputElement).value || undefined)}
      />
    );
  return (
    <input
      {...common}
      type="number"
      inputMode={q.integer ? 'numeric' : 'decimal'}
      step={q.integer ? 1 : 'any'}
      min={q.min}
      max={q.max}
      value={shown}
      onInput={(e) => {
        const t = (e.target as HTMLInputElement).value;
        set(q.id, t === '' ? undefined : Number(t));
      }}
    />
  );
}

/** 5 down to 1 (the satisfied end first, as on paper forms), then "no opinion". */
function likertChoices(data: PageData): Choice[] {
  const scale: Choice[] = [...data.survey.scale].reverse().map((c) => ({
    value: c.value,
    label: c.value + ' · ' + c.label,
    labelEn: c.value + ' · ' + (c.labelEn || c.label),
  }));
  return [...scale, { value: 'na', ...data.survey.notApplicable }];
}
