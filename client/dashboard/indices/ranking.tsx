import { useSignal } from '@preact/signals';
import { t } from '../i18n.js';
import { ScrollRegion } from '../scroll-region.js';
import { count, pct, range } from './format.js';
import { useScopeText } from './caption.js';
import { Loading } from '../status.js';
import { useIndicesState } from '../state.js';
import { api } from '../api.js';
import type { ChildRankDto } from '../dto.js';
import { useFetch } from './use-fetch.js';

type SortKey = 'name' | 'index' | 'responses' | 'coverage';

// A withheld unit sorts last on every figure, so its place gives nothing of them away.
const value = (r: ChildRankDto, k: SortKey): number | string =>
  k === 'name'
    ? r.name
    : r.suppressed
      ? -1
      : k === 'coverage'
        ? r.sampleSize
          ? r.responses / r.sampleSize
          : -1
        : (r[k] ?? -1);

/** Why a unit shows no figure of its own, or null when it shows them. */
function withheld(r: ChildRankDto): string | null {
  if (r.responses === 0 && !r.suppression) return t('Chưa có phiếu', 'No responses yet');
  if (r.suppression === 'complement')
    return t(
      'ẩn kèm để không suy ra được nhóm ít hơn 5 phiếu',
      'hidden so a group under 5 cannot be computed',
    );
  if (r.suppressed) return t('ít hơn 5 phiếu — không hiển thị', 'fewer than 5 responses — hidden');
  return null;
}

function status(r: ChildRankDto): string {
  if (r.suppressed || r.responses === 0) return '';
  if (r.representative === null) return t('Chưa rõ số đối tượng', 'Eligible count unknown');
  return r.representative
    ? t('Đạt cỡ mẫu', 'Sample reached')
    : t('Chưa đạt cỡ mẫu', 'Below sample size');
}

/** The units directly below, sortable; a click opens the unit (drill-down). */
export function RankingTable() {
  const s = useIndicesState();
  const q = s.query();
  const res = useFetch(q ? () => api.api.indices.children.$get({ query: q }) : null, [
    q?.campaignId,
    q?.unitId,
  ]);
  const scope = useScopeText();
  const title = () => t('Xếp hạng đơn vị trực thuộc', 'Ranking of units below');
  const sort = useSignal<{ key: SortKey; desc: boolean }>({ key: 'index', desc: true });
  // Only the units the campaign surveys (directly or through units below them).
  const rows = (res.data?.children ?? [])
    .filter((r) => r.inCampaign)
    .sort((a, b) => {
      const [x, y] = [value(a, sort.value.key), value(b, sort.value.key)];
      const c = typeof x === 'string' ? x.localeCompare(String(y), 'vi') : x - (y as number);
      return sort.value.desc ? -c : c;
    });
  if (res.loading && !res.data)
    return (
      <section aria-busy="true">
        <h2>{title()}</h2>
        <Loading what={t('xếp hạng', 'the ranking')} />
      </section>
    );
  if (rows.length === 0) return null;
  const th = (key: SortKey, label: string, num = true) => {
    const active = sort.value.key === key;
    return (
      <th
        scope="col"
        class={num ? 'num' : undefined}
        aria-sort={active ? (sort.value.desc ? 'descending' : 'ascending') : 'none'}
      >
        <button
          type="button"
          class="link"
          onClick={() => (sort.value = { key, desc: active ? !sort.value.desc : key !== 'name' })}
        >
          {label} {active ? (sort.value.desc ? '▼' : '▲') : ''}
        </button>
      </th>
    );
  };
  return (
    <section>
      <h2>{title()}</h2>
      <p class="muted">
        {t(
          `Các đơn vị trực thuộc được khảo sát trong đợt, xếp theo chỉ số — ${scope}. Đơn vị có ít hơn 5 phiếu không được hiển thị số liệu để bảo vệ người trả lời.`,
          `The units below surveyed in this campaign, ranked by index — ${scope}. Units with fewer than 5 responses show no figures, to protect respondents.`,
        )}
      </p>
      <ScrollRegion label={title()}>
        <table class="ranking">
          <caption class="sr-only">{title()}</caption>
          <thead>
            <tr>
              {th('name', t('Đơn vị', 'Unit'), false)}
              {th('index', t('Chỉ số', 'Index'))}
              <th scope="col" class="num">
                {t('Khoảng tin cậy 95%', '95% interval')}
              </th>
              {th('responses', t('Số phiếu', 'Responses'))}
              {th('coverage', t('Cỡ mẫu cần', 'Sample needed'))}
              <th scope="col">{t('Tình trạng', 'Status')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  <button type="button" class="link" onClick={() => (s.unitId.value = r.id)}>
                    {r.name}
                  </button>
                </th>
                {withheld(r) ? (
                  <td colSpan={3} class="withheld">
                    {withheld(r)}
                  </td>
                ) : (
                  <>
                    <td class="num">{pct(r.index)}</td>
                    <td class="num">{range(r.low, r.high)}</td>
                    <td class="num">{count(r.responses)}</td>
                  </>
                )}
                <td class="num">{r.sampleSize ? count(r.sampleSize) : '—'}</td>
                <td class={r.representative === false || r.suppressed ? 'warn' : undefined}>
                  {status(r)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
