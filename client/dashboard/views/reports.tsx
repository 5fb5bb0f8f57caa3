import { useSignal } from '@preact/signals';
import { formatVnDate as vnDate, vnDate as vnDay } from '../../../server/domain/vn-time.js';
import { api, type Req } from '../api.js';
import { t } from '../i18n.js';
import { ScrollRegion } from '../scroll-region.js';
import { useAppState } from '../state.js';
import { useFetch } from '../indices/use-fetch.js';
import { currentQuarter, PeriodPicker, scopeParams, type Scope } from '../targets/period-picker.js';

type ReportQuery = Omit<Req<typeof api.api.reports.$get>['query'], 'format'>;

/** A report's download link, typed from its route: `format` is xlsx, csv or html. */
const reportPath = (q: ReportQuery, format: 'xlsx' | 'csv' | 'html') =>
  api.api.reports.$path({ query: { ...q, format } });

function Downloads({ query }: { query: ReportQuery }) {
  return (
    <p class="inline-form">
      <a class="button" href={reportPath(query, 'xlsx')} download>
        {t('Tải Excel (XLSX)', 'Download Excel (XLSX)')}
      </a>
      <a class="button" href={reportPath(query, 'csv')} download>
        {t('Tải CSV', 'Download CSV')}
      </a>
      <a class="button" href={reportPath(query, 'html')} target="_blank" rel="noopener">
        {t('Bản in (để ký)', 'Print version (to sign)')}
      </a>
    </p>
  );
}

/** The unit's public monthly publication (satisfaction, feedback and files on time) this month. */
function MonthlyLink({ unitId }: { unitId: string | undefined }) {
  if (!unitId) return null;
  const month = vnDay(new Date()).slice(0, 7);
  const label = `${Number(month.slice(5))}/${month.slice(0, 4)}`;
  return (
    <p>
      <a
        href={`/results/${encodeURIComponent(unitId)}/month/${month}`}
        target="_blank"
        rel="noopener"
      >
        {t(`Bản công khai hằng tháng (tháng ${label})`, `Monthly publication (${label})`)}
      </a>
    </p>
  );
}

/** Periodic reports: the next one due by the plans' calendar, and downloads for any period. */
export function ReportsView() {
  const { me } = useAppState();
  const cal = useFetch(() => api.api.reports.calendar.$get(), []);
  const [from, to] = currentQuarter();
  const scope: Scope = {
    unitId: useSignal<string | null>(null),
    from: useSignal(from),
    to: useSignal(to),
  };
  const next = cal.data?.next;
  const unitId = scope.unitId.value ?? undefined;
  return (
    <section>
      <h1>{t('Báo cáo định kỳ', 'Periodic reports')}</h1>
      {next && (
        <div class="notice" role="status">
          <strong>{t(next.label, next.labelEn)}</strong>
          {t(
            ` — hạn nộp ${vnDate(next.dueDate)} (còn ${next.daysLeft} ngày)`,
            ` — due ${vnDate(next.dueDate)} (${next.daysLeft} days left)`,
          )}
          <br />
          {t(
            `Kỳ số liệu: ${vnDate(next.from)} – ${vnDate(next.to)}`,
            `Data period: ${vnDate(next.from)} – ${vnDate(next.to)}`,
          )}
          <Downloads query={{ from: next.from, to: next.to, unitId }} />
        </div>
      )}
      <MonthlyLink unitId={unitId ?? me.value?.unit.id} />
      <h2>{t('Báo cáo theo kỳ tự chọn', 'Report for any period')}</h2>
      <PeriodPicker scope={scope} />
      <Downloads query={scopeParams(scope)} />
      {cal.data && (
        <ScrollRegion label={t('Lịch báo cáo năm', 'This year’s reporting calendar')}>
          <table>
            <caption>{t('Lịch báo cáo năm', 'This year’s reporting calendar')}</caption>
            <thead>
              <tr>
                <th>{t('Báo cáo', 'Report')}</th>
                <th>{t('Hạn nộp', 'Due')}</th>
                <th>{t('Kỳ số liệu', 'Data period')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {cal.data.reports.map((r) => (
                <tr
                  key={r.id}
                  aria-current={r.id === next?.id && r.year === next.year ? 'true' : undefined}
                >
                  <td>{t(r.label, r.labelEn)}</td>
                  <td>{vnDate(r.dueDate)}</td>
                  <td>
                    {vnDate(r.from)} – {vnDate(r.to)}
                  </td>
                  <td>
                    <a href={reportPath({ from: r.from, to: r.to, unitId }, 'xlsx')} download>
                      XLSX
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
