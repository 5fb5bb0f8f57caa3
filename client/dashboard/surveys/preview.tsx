import { useSignal } from '@preact/signals';
import { LIKERT_LABELS, NOT_APPLICABLE_LABEL, type TText } from '../../../surveys/schema.js';
import { t } from '../i18n.js';

type Def = Record<string, unknown>;
type Obj = Record<string, unknown>;

/** `{title: {vi, en}}` → `{title, titleEn}`, as the respondent page reads texts. */
function bi(key: string, v: unknown): Record<string, string> {
  const x = v as TText | undefined;
  if (!x) return {};
  return { [key]: x.vi, ...(x.en ? { [key + 'En']: x.en } : {}) };
}

/**
 * The data block the respondent page is started with (server/surveys.ts publicSurveyDto plus the
 * page's own fields), made from the definition being edited. Fields this does not know are passed
 * on as they are, so a question type added later still reaches the page.
 */
export function previewData(def: Def, unit: string) {
  const arr = (v: unknown) => (Array.isArray(v) ? (v as Obj[]) : []);
  return {
    code: 'preview',
    preview: true,
    unit,
    clientId: '00000000-0000-4000-8000-000000000000',
    startedAt: '',
    survey: {
      id: def.id,
      version: 0,
      kind: def.kind,
      ...bi('title', def.title),
      ...bi('description', def.description),
      factors: arr(def.factors).map((f) => ({ id: f.id, ...bi('title', f.title) })),
      scale: ([1, 2, 3, 4, 5] as const).map((v) => ({
        value: v,
        ...bi('label', LIKERT_LABELS[v]),
      })),
      notApplicable: bi('label', NOT_APPLICABLE_LABEL),
      sections: arr(def.sections).map((s) => ({
        id: s.id,
        ...bi('title', s.title),
        ...bi('description', s.description),
        questions: arr(s.questions).map((q) => {
          const { text, help, options, rows, ...rest } = q;
          return {
            ...rest,
            required: q.required === true,
            ...bi('text', text),
            ...bi('help', help),
            ...(options
              ? { options: arr(options).map((o) => ({ value: o.value, ...bi('label', o.label) })) }
              : {}),
            ...(rows
              ? {
                  rows: arr(rows).map((r) => ({
                    id: r.id,
                    factor: r.factor,
                    ...bi('text', r.text),
                  })),
                }
              : {}),
            ...(q.type === 'text' ? { maxLength: q.maxLength ?? 2000 } : {}),
          };
        }),
      })),
    },
  };
}

/** The respondent page's HTML around the data block; its own script and stylesheet run it. */
function pageHtml(data: unknown): string {
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Xem trước</title><link rel="stylesheet" href="/assets/respondent.css"></head><body><main class="rs" id="rs"></main><script type="application/json" id="rs-data">${json}</script><script type="module" src="/assets/respondent.js"></script></body></html>`;
}

/** The exact respondent page of the definition being edited, in a phone- or desktop-wide frame. */
export function Preview({ definition, unit }: { definition: Def; unit: string }) {
  const phone = useSignal(true);
  const round = useSignal(0);
  return (
    <section class="preview" aria-labelledby="preview-h">
      <h2 id="preview-h">{t('Xem trước', 'Preview')}</h2>
      <p class="notice">
        {t(
          'Đây là bản xem trước: Quý vị có thể trả lời thử, nhưng không có câu trả lời nào được lưu.',
          'This is a preview: you can answer, but nothing is stored.',
        )}
      </p>
      <div class="preview-bar">
        <button
          type="button"
          class="secondary"
          aria-pressed={phone.value}
          onClick={() => (phone.value = true)}
        >
          {t('Điện thoại (360 px)', 'Phone (360 px)')}
        </button>
        <button
          type="button"
          class="secondary"
          aria-pressed={!phone.value}
          onClick={() => (phone.value = false)}
        >
          {t('Máy tính', 'Desktop')}
        </button>
        <button type="button" class="secondary" onClick={() => round.value++}>
          {t('Làm lại từ đầu', 'Start over')}
        </button>
      </div>
      <div class="preview-frame-wrap">
        <iframe
          key={round.value}
          class={'preview-frame' + (phone.value ? ' phone' : '')}
          title={t('Trang khảo sát xem trước', 'Survey page preview')}
          srcDoc={pageHtml(previewData(definition, unit))}
        />
      </div>
    </section>
  );
}
