import { useMemo } from 'preact/hooks';
import type { TooltipItem } from 'chart.js';
import type { IndicesDto } from '../dto.js';
import { Chart } from '../chart.js';
import { lang, t } from '../i18n.js';
import { count, pct, range, score, tx, wrapLabel } from '../indices/format.js';
import { useScopeText } from '../indices/caption.js';
import { Loading } from '../status.js';
import { ScopeBar } from '../indices/scope-bar.js';
import { TableView } from '../indices/table-view.js';
import { useIndices } from './overview.js';

const COLORS = { '1': '#b3261e', '2': '#e8836f', '3': '#c9c9c9', '4': '#6fa8dc', '5': '#0b5cad' };
const LEVEL = (l: string): string =>
  ({
    '1': t('Rất không hài lòng', 'Very dissatisfied'),
    '2': t('Không hài lòng', 'Dissatisfied'),
    '3': t('Bình thường', 'Neutral'),
    '4': t('Hài lòng', 'Satisfied'),
    '5': t('Rất hài lòng', 'Very satisfied'),
  })[l] ?? l;

type Q = IndicesDto['questions'][number];
const share = (q: Q, v: '1' | '2' | '3' | '4' | '5') =>
  q.valid ? (q.distribution[v] / q.valid) * 100 : 0;

/**
 * Diverging stacked bars: dissatisfied to the left of zero, satisfied to the right, neutral split
 * across it. Negative datasets stack outward from zero in order, hence 3, 2, 1.
 */
function divergingData(questions: Q[]) {
  const ds = (label: string, v: '1' | '2' | '3' | '4' | '5', sign: number, half = false) => ({
    label,
    data: questions.map((q) => (sign * share(q, v)) / (half ? 2 : 1)),
    backgroundColor: COLORS[v],
    stack: 'likert',
  });
  return {
    // The question's own words (wrapped, cut after two lines), never its code (`tc1`).
    labels: questions.map((q) => wrapLabel(tx(q.text), 24)),
    datasets: [
      ds(LEVEL('3'), '3', -1, true),
      ds(LEVEL('2'), '2', -1),
      ds(LEVEL('1'), '1', -1),
      ds(`${LEVEL('3')} `, '3', 1, true),
      ds(LEVEL('4'), '4', 1),
      ds(LEVEL('5'), '5', 1),
    ],
  };
}

const abs = (v: number | string) => `${Math.abs(Number(v)).toFixed(0)}%`;

export function QuestionsView() {
  const res = useIndices();
  const d = res.data;
  const l = lang.value;
  const scope = useScopeText();
  const data = useMemo(() => divergingData(d?.questions ?? []), [d, l]);
  const options = useMemo(
    () => ({
      indexAxis: 'y' as const,
      scales: {
        x: { stacked: true, min: -100, max: 100, ticks: { callback: abs } },
        y: { stacked: true },
      },
      plugins: {
        tooltip: {
          callbacks: {
            // The whole question, in lines that fit a phone's screen.
            title: (items: TooltipItem<'bar' | 'line'>[]) =>
              wrapLabel(tx(d?.questions[items[0]?.dataIndex ?? 0]?.text), 40, 6),
            label: (c: TooltipItem<'bar' | 'line'>) =>
              `${c.dataset.label}: ${abs(c.parsed.x ?? 0)}`,
          },
        },
        // The neutral half on the right carries a trailing space: shown once in the legend.
        legend: { labels: { filter: (item: { text: string }) => !item.text.endsWith(' ') } },
      },
    }),
    [d, l],
  );
  const caption = t(
    `Tỷ lệ câu trả lời từng mức (1–5) theo câu hỏi: không hài lòng bên trái, hài lòng bên phải — ${scope}.`,
    `Share of each answer (1–5) by question: dissatisfied to the left, satisfied to the right — ${scope}.`,
  );
  return (
    <section aria-busy={res.loading}>
      <h1>{t('Phân bố câu trả lời theo câu hỏi', 'Answers by question')}</h1>
      <ScopeBar />
      {res.loading && !d && <Loading what={t('câu trả lời', 'the answers')} />}
      {res.error && (
        <p class="error" role="alert">
          {res.error}
        </p>
      )}
      {d?.suppressed && (
        <p class="notice">
          {d.suppression === 'complement'
            ? t(
                'Ẩn kèm để không suy ra được nhóm dưới 5 phiếu: không hiển thị chi tiết.',
                'Hidden so a group under 5 cannot be computed: no breakdown shown.',
              )
            : t('Dưới 5 phiếu: không hiển thị chi tiết.', 'Under 5 responses: no breakdown shown.')}
        </p>
      )}
      {d && !d.suppressed && (
        <>
          <Chart
            type="bar"
            data={data}
            options={options}
            height={90 + 44 * d.questions.length}
            caption={caption}
            label={t(
              'Biểu đồ phân bố mức độ hài lòng theo câu hỏi',
              'Chart of the 1–5 answers by question',
            )}
          >
            <TableView
              caption={caption}
              head={[
                t('Câu hỏi', 'Question'),
                '1',
                '2',
                '3',
                '4',
                '5',
                t('Không ý kiến', 'N/A'),
                t('Chỉ số', 'Index'),
                t('Khoảng tin cậy 95%', '95% interval'),
                t('Điểm TB', 'Mean'),
              ]}
              rows={d.questions.map((q) => [
                tx(q.text),
                ...(['1', '2', '3', '4', '5'] as const).map((v) => count(q.distribution[v])),
                count(q.na),
                pct(q.index),
                range(q.low, q.high),
                score(q.mean),
              ])}
            />
          </Chart>
          {d.choices.map((c) => (
            <section key={c.id}>
              <h2>{tx(c.text)}</h2>
              <table>
                <tbody>
                  {c.options.map((o) => (
                    <tr key={o.value}>
                      <th scope="row">{tx(o.label)}</th>
                      <td class="num">{count(o.n)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ))}
        </>
      )}
    </section>
  );
}
