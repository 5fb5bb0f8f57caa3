import { useSignal } from '@preact/signals';
import { Empty, Loading } from '../status.js';
import { t } from '../i18n.js';
import { count, dateOnly } from '../indices/format.js';
import { ScopeBar } from '../indices/scope-bar.js';
import { useIndicesState } from '../state.js';
import { useFetch } from '../indices/use-fetch.js';
import { api } from '../api.js';
import { useAppState } from '../state.js';

const PAGE = 20;

/** Open-ended answers, searchable with or without Vietnamese accents. */
export function SuggestionsView() {
  const s = useIndicesState();
  const { unitsById } = useAppState();
  const draft = useSignal('');
  const q = useSignal('');
  const offset = useSignal(0);
  const query = s.query({ q: q.value, limit: String(PAGE), offset: String(offset.value) });
  const res = useFetch(query ? () => api.api.indices.suggestions.$get({ query }) : null, [
    query?.campaignId,
    query?.unitId,
    q.value,
    offset.value,
  ]);
  const d = res.data;
  return (
    <section aria-busy={res.loading}>
      <h1>{t('Góp ý của người trả lời', 'Open suggestions')}</h1>
      <ScopeBar />
      <form
        role="search"
        class="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          q.value = draft.value;
          offset.value = 0;
        }}
      >
        <label>
          {t('Tìm trong góp ý (có hoặc không dấu)', 'Search suggestions (accents optional)')}
          <input
            type="search"
            value={draft.value}
            onInput={(e) => (draft.value = e.currentTarget.value)}
          />
        </label>
        <button type="submit">{t('Tìm', 'Search')}</button>
      </form>
      {res.loading && !d && <Loading what={t('góp ý', 'the suggestions')} />}
      {res.error && (
        <p class="error" role="alert">
          {res.error}
        </p>
      )}
      {d?.suppressed && (
        <p class="notice">
          {t(
            'Nhóm dưới 5 phiếu (hoặc ẩn kèm nhóm đó): không hiển thị góp ý.',
            'A group under 5 responses (or hidden with one): suggestions hidden.',
          )}
        </p>
      )}
      {d && !d.suppressed && (
        <>
          <p aria-live="polite">{t(`${count(d.total)} góp ý`, `${count(d.total)} suggestions`)}</p>
          {d.total === 0 && (
            <Empty>
              <p>
                {q.value
                  ? t(
                      'Không có góp ý nào khớp — thử từ khác hoặc xoá ô tìm.',
                      'No suggestion matches — try another word or clear the search.',
                    )
                  : t(
                      'Chưa có góp ý nào trong đợt này — góp ý hiện ra khi người trả lời viết vào câu hỏi mở.',
                      'No suggestion in this campaign yet — they appear when respondents write in an open question.',
                    )}
              </p>
            </Empty>
          )}
          <ul class="suggestions">
            {d.items.map((i, n) => (
              <li key={`${offset.value}-${n}`}>
                <blockquote>{i.text}</blockquote>
                <span class="muted">
                  {unitsById.value.get(i.unitId)?.name ?? i.unitId} · {dateOnly(i.submittedAt)}
                </span>
              </li>
            ))}
          </ul>
          <div class="pager">
            <button
              type="button"
              class="secondary"
              disabled={offset.value === 0}
              onClick={() => (offset.value = Math.max(0, offset.value - PAGE))}
            >
              {t('Trang trước', 'Previous')}
            </button>
            <button
              type="button"
              class="secondary"
              disabled={offset.value + PAGE >= d.total}
              onClick={() => (offset.value += PAGE)}
            >
              {t('Trang sau', 'Next')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
