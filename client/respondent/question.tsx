import type { Choice, Lang, PageData, Question, Value } from './model.js';
import { tx } from './model.js';

interface Props {
  q: Question;
  data: PageData;
  lang: Lang;
  value: Value | undefined;
  error: string | undefined;
  set: (id: string, v: Value | undefined) => void;
}

/** One question as a fieldset: native radios and checkboxes, so keyboard and screen readers just work. */
export function QuestionView({ q, data, lang, value, error, set }: Props) {
  const legendId = 'l-' + q.id;
  const errId = 'e-' + q.id;
  let body;
  if (q.type === 'text') {
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
    const key = (v: Value | undefined) => (v === null ? 'na' : String(v));
    const list = Array.isArray(value) ? value : [];
    body = opts.map((o) => {
      const v = String(o.value);
      const on = multi ? list.includes(v) : value !== undefined && key(value) === v;
      const pick = () => {
        if (multi) set(q.id, on ? list.filter((x) => x !== v) : list.concat(v));
        else set(q.id, q.type === 'likert5' ? (v === 'na' ? null : Number(v)) : v);
      };
      return (
        <label class={'o' + (on ? ' on' : '') + (v === 'na' ? ' na' : '')} key={v}>
          <input
            type={multi ? 'checkbox' : 'radio'}
            name={q.id}
            value={v}
            checked={on}
            onChange={pick}
          />
          <span>{tx(o, 'label', lang)}</span>
        </label>
      );
    });
  }
  return (
    <fieldset
      class={'q' + (error ? ' bad' : '')}
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

/** 5 down to 1 (the satisfied end first, as on paper forms), then "no opinion". */
function likertChoices(data: PageData): Choice[] {
  const scale: Choice[] = [...data.survey.scale].reverse().map((c) => ({
    value: c.value,
    label: c.value + ' · ' + c.label,
    labelEn: c.value + ' · ' + (c.labelEn || c.label),
  }));
  return [...scale, { value: 'na', ...data.survey.notApplicable }];
}
