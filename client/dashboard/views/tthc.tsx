import { useSignal } from '@preact/signals';
import { api, errorText } from '../api.js';
import { t } from '../i18n.js';
import { pct } from '../indices/format.js';
import { useFetch } from '../indices/use-fetch.js';
import { uploadFileList, type ImportResultDto } from '../tthc/upload.js';
import { vnDate } from '../../../server/domain/vn-time.js';

const COLUMNS: [string, string][] = [
  ['Mã hồ sơ', 'code'],
  ['Thủ tục', 'procedure'],
  ['Mã đơn vị', 'unitId'],
  ['Ngày nhận', 'receivedAt'],
  ['Hạn trả', 'dueAt'],
  ['Ngày trả', 'returnedAt'],
];

/** The rejected rows, shown at most this many at once: a wholly wrong file has thousands. */
const SHOWN = 200;

function Result({ r }: { r: ImportResultDto }) {
  if (!r.rejected.length)
    return (
      <p class="ok" role="status">
        {t(
          `Đã nhập ${r.imported} hồ sơ mới, cập nhật ${r.updated} hồ sơ.`,
          `Imported ${r.imported} new files, updated ${r.updated}.`,
        )}
      </p>
    );
  return (
    <div role="alert">
      <p class="warn">
        {t(
          `Không ghi hồ sơ nào: ${r.rejected.length} dòng có lỗi. Sửa các dòng dưới đây rồi tải lên lại cả tệp.`,
          `Nothing was written: ${r.rejected.length} rows have errors. Correct them and upload the whole file again.`,
        )}
      </p>
      <ul aria-label={t('Dòng bị từ chối', 'Rejected rows')}>
        {r.rejected.slice(0, SHOWN).map((x) => (
          <li key={x.row}>
            <strong>{t(`Dòng ${x.row}`, `Row ${x.row}`)}</strong>: {t(x.reason, x.reasonEn)}
          </li>
        ))}
      </ul>
      {r.rejected.length > SHOWN && (
        <p class="muted">
          {t(
            `… và ${r.rejected.length - SHOWN} dòng lỗi khác.`,
            `… and ${r.rejected.length - SHOWN} more rows.`,
          )}
        </p>
      )}
    </div>
  );
}

/** The month's figure of files returned on time, each late or open-overdue file named. */
function MonthFigure({ month, reload }: { month: string; reload: number }) {
  const m = useFetch(() => api.api.tthc.monthly.$get({ query: { month } }), [month, reload]);
  const [y, mo] = month.split('-');
  if (m.error) return <p class="warn">{m.error}</p>;
  if (!m.data) return <p>{t('Đang tải…', 'Loading…')}</p>;
  const x = m.data;
  const cls = x.status === 'met' ? 'ok' : x.status === 'missed' ? 'warn' : 'muted';
  return (
    <article class="card" aria-labelledby="tthc-month">
      <h2 id="tthc-month" style="font-size:1rem;margin:0 0 .4rem">
        {t(`Hồ sơ trả đúng hạn tháng ${mo}/${y}`, `Files returned on time, ${mo}/${y}`)}
      </h2>
      <div class={`big ${cls}`}>{pct(x.value)}</div>
      <p style="margin:.2rem 0">
        {t(
          `${x.numerator}/${x.denominator} hồ sơ đúng hạn · chỉ tiêu ${pct(x.target)}`,
          `${x.numerator}/${x.denominator} on time · target ${pct(x.target)}`,
        )}
        {x.pending > 0 && t(` · ${x.pending} hồ sơ chưa đến hạn`, ` · ${x.pending} not yet due`)}
      </p>
      {x.failing.length > 0 && (
        <>
          <h3 style="font-size:.95rem;margin:.6rem 0 .2rem">{t('Hồ sơ trễ hạn', 'Late files')}</h3>
          <ul aria-label={t('Hồ sơ trễ hạn', 'Late files')}>
            {x.failing.map((f) => (
              <li key={f.id}>
                <strong>{f.label}</strong>
                {f.detail && <span> — {t(f.detail, f.detailEn ?? f.detail)}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}

/** "Hồ sơ TTHC": an office uploads the one-stop system's file list and sees what came of it. */
export function TthcView() {
  const file = useSignal<File | null>(null);
  const progress = useSignal<number | null | undefined>(undefined);
  const result = useSignal<ImportResultDto | null>(null);
  const error = useSignal<string | null>(null);
  const reload = useSignal(0);
  const month = useSignal(vnDate(new Date()).slice(0, 7));
  const busy = progress.value !== undefined;
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!file.value || busy) return;
    error.value = null;
    result.value = null;
    progress.value = 0;
    try {
      result.value = await uploadFileList(file.value, (p) => (progress.value = p));
      reload.value++;
    } catch (err) {
      error.value = errorText(err);
    } finally {
      progress.value = undefined;
    }
  };
  return (
    <section>
      <h1>{t('Hồ sơ thủ tục hành chính (TTHC)', 'Administrative files (TTHC)')}</h1>
      <p>
        {t(
          'Tải lên danh sách hồ sơ xuất từ hệ thống một cửa (CSV hoặc Excel .xlsx). Dòng đầu tiên là tiêu đề cột; cột được nhận theo tên (không phân biệt chữ hoa, có dấu hay không dấu; tên cột tiếng Anh của hệ thống cũng được):',
          'Upload the file list exported from the one-stop system (CSV or Excel .xlsx). The first row holds the column headers, matched by name, Vietnamese or English:',
        )}
      </p>
      <ul class="tthc-columns">
        {COLUMNS.map(([vi, en]) => (
          <li key={en}>
            <strong>{t(vi, `${vi} (${en})`)}</strong>
          </li>
        ))}
      </ul>
      <p class="muted">
        {t(
          'Ngày viết dd/mm/yyyy hoặc yyyy-mm-dd, có thể kèm giờ (giờ Việt Nam). Ngày trả để trống khi hồ sơ chưa trả. Hạn trả kết thúc lúc 24:00 của ngày hẹn. Nếu có dòng lỗi, không dòng nào được ghi; hồ sơ đã có cùng mã được cập nhật.',
          'Dates as dd/mm/yyyy or yyyy-mm-dd, optionally with a time (Vietnam time). Leave the return date empty while a file is open. A due date ends at 24:00. If any row is wrong, nothing is written; files with a known code are updated.',
        )}
      </p>
      <form class="card tthc-upload" onSubmit={submit}>
        <label for="tthc-file">
          {t('Tệp danh sách hồ sơ (CSV hoặc .xlsx)', 'File list (CSV or .xlsx)')}
        </label>
        <input
          id="tthc-file"
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => (file.value = e.currentTarget.files?.[0] ?? null)}
        />
        <button type="submit" disabled={!file.value || busy}>
          {t('Tải lên và kiểm tra', 'Upload and check')}
        </button>
        {busy && (
          <div role="status" aria-live="polite">
            <label for="tthc-progress">
              {progress.value === null
                ? t('Đang kiểm tra và ghi hồ sơ…', 'Checking and saving the files…')
                : t(
                    `Đang tải lên: ${Math.round((progress.value ?? 0) * 100)}%`,
                    `Uploading: ${Math.round((progress.value ?? 0) * 100)}%`,
                  )}
            </label>
            <progress
              id="tthc-progress"
              max={1}
              value={progress.value === null ? undefined : progress.value}
              style="width:100%"
            />
          </div>
        )}
      </form>
      {error.value && (
        <p class="warn" role="alert">
          {error.value}
        </p>
      )}
      {result.value && <Result r={result.value} />}
      <div class="inline-form" style="margin-top:1rem">
        <label for="tthc-month-input">{t('Tháng', 'Month')}</label>
        <input
          id="tthc-month-input"
          type="month"
          value={month.value}
          onChange={(e) => {
            const v = e.currentTarget.value;
            if (/^\d{4}-\d{2}$/.test(v)) month.value = v;
          }}
        />
      </div>
      <MonthFigure month={month.value} reload={reload.value} />
    </section>
  );
}
