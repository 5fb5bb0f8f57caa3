import { useSignal } from '@preact/signals';
import { Loading } from '../status.js';
import { api, call } from '../api.js';
import { t } from '../i18n.js';
import { ScrollRegion } from '../scroll-region.js';
import { useFetch } from '../indices/use-fetch.js';
import { useAppState } from '../state.js';

interface Day {
  date: string;
  name: string;
  kind: 'off' | 'working';
}

const WEEKDAYS_VI = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];
const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** "Thứ Sáu, 2/1/2026": the weekday and the date the Vietnamese way, never ISO. */
export function viDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const dow = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return `${t(WEEKDAYS_VI[dow]!, WEEKDAYS_EN[dow]!)}, ${d}/${m}/${y}`;
}

/**
 * The working calendar: days off (public holidays, Tết, bridging days) and the weekend days worked
 * in exchange. Feedback deadlines count working days by it. Everyone sees it; the Department's
 * admin edits it, and every change recomputes the deadlines of open items.
 */
export function HolidaysView() {
  const { me } = useAppState();
  const reload = useSignal(0);
  const data = useFetch(() => api.api.holidays.$get(), [reload.value]);
  const year = useSignal<number | null>(null);
  const date = useSignal('');
  const name = useSignal('');
  const kind = useSignal<'off' | 'working'>('off');
  const confirming = useSignal<string | null>(null);
  const error = useSignal<string | null>(null);
  const done = useSignal<string | null>(null);
  const editable = me.value?.user.role === 'admin' && me.value.unit.kind === 'department';

  const cal = data.data;
  const days: Day[] = [
    ...(cal?.holidays ?? []).map((h) => ({ date: h.date, name: h.name, kind: 'off' as const })),
    ...(cal?.workingDays ?? []).map((w) => ({
      date: w.date,
      name: w.name,
      kind: 'working' as const,
    })),
  ].sort((a, b) => a.date.localeCompare(b.date));
  const years = [...new Set(days.map((d) => Number(d.date.slice(0, 4))))].sort();
  const thisYear = new Date().getFullYear();
  const shown = year.value ?? (years.includes(thisYear) ? thisYear : (years.at(-1) ?? thisYear));
  const ofYear = days.filter((d) => d.date.startsWith(`${shown}-`));
  const estimated = cal?.estimatedYears.includes(shown) ?? false;

  async function save(off: string[], working: string[], names?: Record<string, string>) {
    error.value = null;
    done.value = null;
    try {
      const res = await call(
        api.api.holidays.$put({ json: { dates: off, workingDates: working, names } }),
      );
      done.value = res.recomputed
        ? t(
            `Đã lưu. Hạn của ${res.recomputed} phản ánh đang xử lý đã được tính lại.`,
            `Saved. The deadlines of ${res.recomputed} open items were recomputed.`,
          )
        : t('Đã lưu.', 'Saved.');
      confirming.value = null;
      reload.value++;
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e);
    }
  }

  const offDates = cal?.dates ?? [];
  const workingDates = cal?.workingDates ?? [];
  function add() {
    if (!date.value) return;
    const dow = new Date(`${date.value}T00:00:00Z`).getUTCDay();
    if (kind.value === 'working' && dow !== 0 && dow !== 6) {
      error.value = t(
        'Ngày làm việc bù phải là thứ Bảy hoặc Chủ nhật.',
        'A working day added to the calendar must be a Saturday or a Sunday.',
      );
      return;
    }
    year.value = Number(date.value.slice(0, 4));
    const label =
      name.value ||
      (kind.value === 'off' ? t('Ngày nghỉ', 'Day off') : t('Ngày làm việc bù', 'Working day'));
    if (kind.value === 'off')
      void save([...offDates, date.value], workingDates, { [date.value]: label });
    else void save(offDates, [...workingDates, date.value], { [date.value]: label });
  }
  function remove(d: Day) {
    if (d.kind === 'off')
      void save(
        offDates.filter((x) => x !== d.date),
        workingDates,
      );
    else
      void save(
        offDates,
        workingDates.filter((x) => x !== d.date),
      );
  }

  return (
    <section aria-busy={data.loading}>
      <h1>{t('Lịch ngày nghỉ và ngày làm việc bù', 'Days off and working days')}</h1>
      {data.loading && !cal && <Loading what={t('lịch', 'the calendar')} />}
      <p class="muted">
        {t(
          'Hạn xử lý phản ánh tính theo ngày làm việc: không kể thứ Bảy, Chủ nhật và các ngày nghỉ dưới đây, nhưng có kể các ngày thứ Bảy, Chủ nhật làm việc bù. Hạn kết thúc lúc 24 giờ của ngày cuối cùng.',
          'Feedback deadlines count working days: weekends and the days off below are left out, weekend days worked in exchange are counted. A deadline ends at midnight of its last day.',
        )}
      </p>
      {error.value && (
        <p class="error" role="alert">
          {error.value}
        </p>
      )}
      {done.value && <p role="status">{done.value}</p>}

      <label for="h-year">{t('Năm', 'Year')}</label>
      <select
        id="h-year"
        value={String(shown)}
        onChange={(e) => (year.value = Number(e.currentTarget.value))}
      >
        {years.map((y) => (
          <option key={y} value={String(y)}>
            {y}
          </option>
        ))}
      </select>
      {estimated && (
        <p class="notice">
          {t(
            `Lịch năm ${shown} là dự kiến: Chính phủ chưa công bố lịch nghỉ chính thức (Tết, ngày nghỉ bù, ngày hoán đổi). Hạn xử lý tạm tính theo lịch này cho đến khi quản trị viên của Sở cập nhật.`,
            `The ${shown} calendar is an estimate: the official days off have not been announced. Deadlines use it until the Department's admin edits the year.`,
          )}
        </p>
      )}

      <ScrollRegion label={t('Lịch ngày nghỉ', 'Calendar of days off')}>
        <table class="calendar">
          <caption>
            {t(
              `Năm ${shown}: ${ofYear.filter((d) => d.kind === 'off').length} ngày nghỉ, ${ofYear.filter((d) => d.kind === 'working').length} ngày làm việc bù`,
              `${shown}: ${ofYear.filter((d) => d.kind === 'off').length} days off, ${ofYear.filter((d) => d.kind === 'working').length} working days`,
            )}
          </caption>
          <thead>
            <tr>
              <th>{t('Ngày', 'Date')}</th>
              <th>{t('Loại', 'Kind')}</th>
              <th>{t('Tên', 'Name')}</th>
              {editable && (
                <th>
                  <span class="sr-only">{t('Xoá', 'Remove')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {ofYear.map((d) => (
              <tr key={`${d.kind}-${d.date}`}>
                <td>{viDay(d.date)}</td>
                <td>
                  {d.kind === 'off' ? (
                    t('Ngày nghỉ', 'Day off')
                  ) : (
                    <strong>{t('Làm việc bù', 'Working day')}</strong>
                  )}
                </td>
                <td>{d.name}</td>
                {editable && (
                  <td>
                    {confirming.value === d.date ? (
                      <span
                        class="confirm"
                        role="group"
                        aria-label={t(
                          `Xác nhận xoá ${viDay(d.date)}`,
                          `Confirm removing ${viDay(d.date)}`,
                        )}
                      >
                        <button type="button" onClick={() => remove(d)}>
                          {t('Xác nhận xoá', 'Remove')}
                        </button>
                        <button
                          type="button"
                          class="secondary"
                          onClick={() => (confirming.value = null)}
                        >
                          {t('Huỷ', 'Cancel')}
                        </button>
                      </span>
                    ) : (
                      <button
                        type="button"
                        class="secondary"
                        aria-label={t(`Xoá ${viDay(d.date)}`, `Remove ${viDay(d.date)}`)}
                        onClick={() => (confirming.value = d.date)}
                      >
                        {t('Xoá', 'Remove')}
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>

      {editable && (
        <form
          class="holiday-add"
          onSubmit={(e) => {
            e.preventDefault();
            add();
          }}
        >
          <h2>{t('Thêm ngày', 'Add a day')}</h2>
          <label for="h-date">{t('Ngày', 'Date')}</label>
          <input
            id="h-date"
            type="date"
            required
            value={date.value}
            onInput={(e) => (date.value = e.currentTarget.value)}
          />
          <label for="h-kind">{t('Loại', 'Kind')}</label>
          <select
            id="h-kind"
            value={kind.value}
            onChange={(e) => (kind.value = e.currentTarget.value === 'working' ? 'working' : 'off')}
          >
            <option value="off">{t('Ngày nghỉ', 'Day off')}</option>
            <option value="working">
              {t('Ngày làm việc bù (thứ Bảy hoặc Chủ nhật)', 'Working day (a Saturday or Sunday)')}
            </option>
          </select>
          <label for="h-name">{t('Tên', 'Name')}</label>
          <input
            id="h-name"
            maxLength={200}
            value={name.value}
            onInput={(e) => (name.value = e.currentTarget.value)}
          />
          <p>
            <button type="submit">{t('Thêm vào lịch', 'Add to the calendar')}</button>
          </p>
        </form>
      )}
    </section>
  );
}
