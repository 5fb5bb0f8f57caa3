import { useMemo } from 'preact/hooks';
import { Chart, type BarMarks } from '../chart.js';
import { lang, t } from '../i18n.js';
import type { TooltipItem } from 'chart.js';
import { bounds, count, pct, range, score, tx, withBounds, wrapLabel } from '../indices/format.js';
import { useScopeText } from '../indices/caption.js';
import { Loading } from '../status.js';
import { VALUE_ROOM } from '../chart-marks.js';
import { LiveCounter } from '../indices/live.js';
import { RankingTable } from '../indices/ranking.js';
import { ScopeBar } from '../indices/scope-bar.js';
import { useIndicesState } from '../state.js';
import { TableView } from '../indices/table-view.js';
import { useFetch } from '../indices/use-fetch.js';
import { api } from '../api.js';
import type { IndicesDto } from '../dto.js';

/** The selected campaign's indices for the selected unit (the user's root at first). */
export function useIndices() {
  const s = useIndicesState();
  const q = s.query();
  return useFetch(q ? () => api.api.indices.$get({ query: q }) : null, [q?.campaignId, q?.unitId]);
}

function Headline({ d }: { d: IndicesDto }) {
  const metTarget =
    d.target != null && d.overall.index != null ? d.overall.index >= d.target : null;
  return (
    <div class="cards">
      <div class="card">
        <div class="muted">{t('Chỉ số hài lòng (gộp)', 'Satisfaction index (pooled)')}</div>
        <div class="big">{pct(d.overall.index)}</div>
        <div class="muted">
          {bounds(d.overall.low, d.overall.high)} {t('khoảng tin cậy 95%', '95% interval')}
        </div>
        {metTarget !== null && (
          <div class={metTarget ? 'ok' : 'warn'}>
            {metTarget ? t('Đạt', 'Meets') : t('Chưa đạt', 'Below')} {t('chỉ tiêu', 'target')}{' '}
            {pct(d.target)}
          </div>
        )}
      </div>
      {d.weighted && (
        <div class="card">
          <div class="muted">{t('Chỉ số theo quy mô trường', 'Index weighted by school size')}</div>
          <div class="big">{pct(d.weighted.index)}</div>
          <div class="muted">
            {bounds(d.weighted.low, d.weighted.high)} {t('khoảng tin cậy 95%', '95% interval')}
          </div>
        </div>
      )}
      <div class="card">
        <div class="muted">{t('Điểm trung bình (1–5)', 'Mean score (1–5)')}</div>
        <div class="big">{score(d.overall.mean)}</div>
      </div>
      <div class="card">
        <div class="muted">{t('Số phiếu / cỡ mẫu cần', 'Responses / sample needed')}</div>
        <div class="big">
          {count(d.responses)} / {d.sampleSize ? count(d.sampleSize) : '—'}
        </div>
        <div class={d.representative === false ? 'warn' : 'muted'}>
          {d.representative === null
            ? t('Chưa có số đối tượng', 'Eligible count unknown')
            : d.representative
              ? t('Đủ tính đại diện', 'Representative')
              : t('Chưa đủ tính đại diện', 'Not representative yet')}
        </div>
      </div>
      <LiveCounter />
    </div>
  );
}

function FactorChart({ d }: { d: IndicesDto }) {
  const l = lang.value;
  const scope = useScopeText();
  const data = useMemo(
    () => ({
      labels: d.factors.map((f) => wrapLabel(tx(f.title), 22)),
      datasets: [
        {
          label: t('Chỉ số (%)', 'Index (%)'),
          data: d.factors.map((f) => f.index ?? 0),
          backgroundColor: '#6fa8dc',
        },
      ],
    }),
    [d, l],
  );
  const marks = useMemo(
    (): BarMarks => ({
      values: d.factors.map((f) => (f.index == null ? null : pct(f.index))),
      intervals: d.factors.map((f) => (f.low == null || f.high == null ? null : [f.low, f.high])),
      target:
        d.target == null
          ? null
          : { value: d.target, label: `${t('Chỉ tiêu', 'Target')} ${pct(d.target)}` },
    }),
    [d, l],
  );
  const options = useMemo(
    () => ({
      indexAxis: 'y' as const,
      layout: { padding: { top: 18, right: VALUE_ROOM } },
      scales: { x: { min: 0, max: 100, ticks: { callback: (v: number | string) => `${v}%` } } },
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            title: (items: TooltipItem<'bar' | 'line'>[]) =>
              tx(d.factors[items[0]?.dataIndex ?? 0]?.title),
            label: (c: TooltipItem<'bar' | 'line'>) => {
              const f = d.factors[c.dataIndex];
              return f ? withBounds(f.index, f.low, f.high) : '';
            },
          },
        },
      },
    }),
    [d, l],
  );
  const caption = t(
    `Chỉ số hài lòng theo yếu tố (thanh: chỉ số; vạch đen: khoảng tin cậy 95%; đường đỏ đứt: chỉ tiêu) — ${scope}.`,
    `Satisfaction index by factor (bar: index; black line: 95% interval; dashed red line: target) — ${scope}.`,
  );
  return (
    <section>
      <h2>{t('Chỉ số theo yếu tố', 'Index by factor')}</h2>
      <Chart
        type="bar"
        data={data}
        options={options}
        marks={marks}
        height={60 + 44 * d.factors.length}
        caption={caption}
        label={t('Biểu đồ chỉ số theo yếu tố', 'Chart of the index by factor')}
      >
        <TableView
          caption={caption}
          head={[
            t('Yếu tố', 'Factor'),
            t('Chỉ số', 'Index'),
            t('Khoảng tin cậy 95%', '95% interval'),
            t('Chỉ tiêu', 'Target'),
            t('Điểm TB', 'Mean'),
            t('Trọng số', 'Weight'),
          ]}
          rows={d.factors.map((f) => [
            tx(f.title),
            pct(f.index),
            range(f.low, f.high),
            pct(d.target),
            score(f.mean),
            f.weight,
          ])}
        />
      </Chart>
    </section>
  );
}

export function OverviewView() {
  const res = useIndices();
  const d = res.data;
  return (
    <section aria-busy={res.loading}>
      <h1>{t('Tổng quan chỉ số hài lòng', 'Satisfaction overview')}</h1>
      <ScopeBar />
      {res.loading && !d && <Loading what={t('chỉ số', 'the indices')} />}
      {res.error && (
        <p class="error" role="alert">
          {res.error}
        </p>
      )}
      {d && <Headline d={d} />}
      {d?.weighted && (
        <p class="muted">
          {t(
            'Chỉ số gộp: mỗi câu trả lời được tính một lần, nên trường có nhiều phiếu hơn có trọng số lớn hơn. Chỉ số theo quy mô trường: mỗi trường được tính theo số đối tượng khảo sát của trường.',
            'Pooled index: every answer counts once, so schools that answered most weigh most. Weighted index: each school counts by its size.',
          )}
        </p>
      )}
      {d?.suppression === 'complement' && (
        <p class="notice">
          {t(
            'Không hiển thị chi tiết: nếu hiển thị, có thể trừ ra kết quả của một nhóm dưới 5 phiếu (số phiếu vẫn được tính ở cấp trên).',
            'No breakdown shown: it would let a group of fewer than 5 responses be computed by subtraction (they still count at the level above).',
          )}
        </p>
      )}
      {d?.suppression === 'small' && (
        <p class="notice">
          {t(
            'Đơn vị có dưới 5 phiếu: không hiển thị chi tiết để bảo vệ người trả lời (số phiếu vẫn được tính ở cấp trên).',
            'Fewer than 5 responses: no breakdown is shown, to protect respondents (they still count at the level above).',
          )}
        </p>
      )}
      {d && !d.suppressed && <FactorChart d={d} />}
      <RankingTable />
    </section>
  );
}
