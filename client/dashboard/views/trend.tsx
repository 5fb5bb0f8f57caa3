import { useMemo } from 'preact/hooks';
import { Chart } from '../chart.js';
import { lang, t } from '../i18n.js';
import { count, dateOnly, withBounds } from '../indices/format.js';
import { ScopeBar } from '../indices/scope-bar.js';
import { useAppState, useIndicesState } from '../state.js';
import { Loading } from '../status.js';
import { TableView } from '../indices/table-view.js';
import { useFetch } from '../indices/use-fetch.js';
import { api } from '../api.js';

/** The unit's index across the campaigns of the same questionnaire, with the target line. */
export function TrendView() {
  const s = useIndicesState();
  const surveyId = s.campaign.value?.surveyId;
  const unitId = s.unitId.value ?? undefined;
  const res = useFetch(
    surveyId
      ? () => api.api.indices.trend.$get({ query: { surveyFamily: surveyId, unitId } })
      : null,
    [surveyId, unitId],
  );
  const d = res.data;
  const l = lang.value;
  const data = useMemo(() => {
    const points = d?.points ?? [];
    const datasets = [
      {
        label: t('Chỉ số hài lòng (%)', 'Satisfaction index (%)'),
        data: points.map((p) => p.index),
        borderColor: '#0b5cad',
        backgroundColor: '#0b5cad',
      },
    ];
    if (d?.target != null) {
      datasets.push({
        label: `${t('Chỉ tiêu', 'Target')} ${d.target}%`,
        data: points.map(() => d.target),
        borderColor: '#b3261e',
        backgroundColor: '#b3261e',
        // The line style is Chart.js's, not in the dataset type this view builds.
        // oxlint-disable-next-line unicorn/no-useless-spread
        ...{ borderDash: [6, 4], pointRadius: 0 },
      });
    }
    return { labels: points.map((p) => p.name), datasets };
  }, [d, l]);
  const options = useMemo(() => ({ scales: { y: { min: 0, max: 100 } } }), []);
  const app = useAppState();
  const unitName = app.unitsById.value.get(s.currentUnitId.value ?? '')?.name ?? '';
  const pts = d?.points ?? [];
  const period = pts.length
    ? `${dateOnly(pts[0]!.opensAt)} – ${dateOnly(pts[pts.length - 1]!.closesAt)}`
    : '';
  const caption = t(
    `Chỉ số hài lòng qua các đợt dùng cùng bộ câu hỏi${d?.target != null ? ', đường đỏ đứt là chỉ tiêu' : ''} — ${unitName}, ${period}.`,
    `Satisfaction index across the campaigns of the same questionnaire${d?.target != null ? ', the dashed red line is the target' : ''} — ${unitName}, ${period}.`,
  );
  return (
    <section aria-busy={res.loading}>
      <h1>{t('Diễn biến qua các đợt', 'Trend across campaigns')}</h1>
      <ScopeBar />
      {res.loading && !d && <Loading what={t('diễn biến', 'the trend')} />}
      {res.error && (
        <p class="error" role="alert">
          {res.error}
        </p>
      )}
      {d && d.points.length > 0 && (
        <>
          <Chart
            type="line"
            data={data}
            options={options}
            label={t('Biểu đồ chỉ số qua các đợt', 'Chart of the index across campaigns')}
            caption={caption}
          >
            <TableView
              caption={caption}
              head={[
                t('Đợt', 'Campaign'),
                t('Kết thúc', 'Closes'),
                t('Số phiếu', 'Responses'),
                t('Chỉ số (khoảng tin cậy 95%)', 'Index (95% interval)'),
              ]}
              rows={d.points.map((p) => [
                p.name,
                dateOnly(p.closesAt),
                count(p.responses),
                p.suppression === 'complement'
                  ? t('ẩn kèm nhóm nhỏ', 'hidden with a small group')
                  : p.suppressed
                    ? t('dưới 5 phiếu', 'under 5')
                    : withBounds(p.index, p.low, p.high),
              ])}
            />
          </Chart>
        </>
      )}
    </section>
  );
}
