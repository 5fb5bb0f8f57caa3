import { useSignal } from '@preact/signals';
import { t } from '../i18n.js';
import { ScrollRegion } from '../scroll-region.js';
import { count, withBounds } from './format.js';
import { useIndicesState } from '../state.js';
import { api } from '../api.js';
import type { ChildRankDto } from '../dto.js';
import { useFetch } from './use-fetch.js';

type SortKey = 'name' | 'index' | 'responses' | 'coverage';

const value = (r: ChildRankDto, k: SortKey): number | string =>
  k === 'name'
    ? r.name
    : k === 'coverage'
      ? r.sampleSize
        ? r.responses / r.sampleSize
        : -1
      : (r[k] ?? -1);

function status(r: ChildRankDto): string {
  if (r.suppression === 'complement')
    return t('Ẩn kèm để bảo vệ nhóm dưới 5 phiếu', 'Hidden to protect a group under 5');
  if (r.responses === 0) return t('Chưa có phiếu', 'No responses');
  if (r.suppressed) return t('Dưới 5 phiếu: không hiển thị', 'Under 5 responses: hidden');
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
  const sort = useSignal<{ key: SortKey; desc: boolean }>({ key: 'index', desc: true });
  const rows = [...(res.data?.children ?? [])].sort((a, b) => {
    const [x, y] = [value(a, sort.value.key), value(b, sort.value.key)];
    const c = typeof x === 'string' ? x.localeCompare(String(y), 'vi') : x - (y as number);
    return sort.value.desc ? -c : c;
  });
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
      <h2>{t('Xếp hạng đơn vị trực thuộc', 'Ranking of units below')}</h2>
      <ScrollRegion label={t('Xếp hạng đơn vị trực thuộc', 'Ranking of units below')}>
        <table>
          <thead>
            <tr>
              {th('name', t('Đơn vị', 'Unit'), false)}
              {th('index', t('Chỉ số (khoảng tin cậy 95%)', 'Index (95% interval)'))}
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
                <td class="num">{withBounds(r.index, r.low, r.high)}</td>
                <td class="num">{count(r.responses)}</td>
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
