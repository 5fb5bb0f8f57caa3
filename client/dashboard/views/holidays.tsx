import { useSignal } from '@preact/signals';
import { api } from '../api.js';
import { t, lang } from '../i18n.js';
import { useFetch } from '../indices/use-fetch.js';
import { useAppState } from '../state.js';

interface HolidaysDto {
  dates: string[];
  holidays: { date: string; name: string }[];
}

/**
 * Public holidays and the announced Tết break: the deadlines of feedback count working days
 * without them. Everyone sees the list; the Department's admin edits it.
 */
export function HolidaysView() {
  const { me } = useAppState();
  const reload = useSignal(0);
  const data = useFetch<HolidaysDto>(`/api/holidays?r=${reload.value}`);
  const date = useSignal('');
  const name = useSignal('');
  const error = useSignal<string | null>(null);
  const editable = me.value?.user.role === 'admin' && me.value.unit.kind === 'department';
  const list = data.data?.holidays ?? [];

  async function save(dates: string[], names?: Record<string, string>) {
    error.value = null;
    try {
      await api('/api/holidays', { method: 'PUT', body: { dates, names } });
      reload.value++;
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e);
    }
  }

  const fmt = (d: string) => new Date(`${d}T00:00:00`).toLocaleDateString(lang.value === 'en' ? 'en-GB' : 'vi-VN', { weekday: 'short', day: '2-digit', month: '2-digit', year: 'numeric' });
  return (
    <section>
      <h1>{t('Ngày nghỉ lễ, Tết', 'Public holidays')}</h1>
      <p class="muted">{t('Hạn giải quyết phản ánh tính theo ngày làm việc, không kể thứ Bảy, Chủ nhật và các ngày dưới đây.', 'Feedback deadlines count working days: weekends and the days below are left out.')}</p>
      {error.value && <p class="error" role="alert">{error.value}</p>}
      {editable && (
        <form class="holiday-add" onSubmit={(e) => {
          e.preventDefault();
          if (date.value) void save([...list.map((h) => h.date), date.value], { [date.value]: name.value || t('Ngày nghỉ', 'Holiday') });
        }}>
          <label for="h-date">{t('Ngày', 'Date')}</label>
          <input id="h-date" type="date" required value={date.value} onInput={(e) => (date.value = e.currentTarget.value)} />
          <label for="h-name">{t('Tên', 'Name')}</label>
          <input id="h-name" maxLength={200} value={name.value} onInput={(e) => (name.value = e.currentTarget.value)} />
          <p><button type="submit">{t('Thêm ngày nghỉ', 'Add holiday')}</button></p>
        </form>
      )}
      <table>
        <thead><tr><th>{t('Ngày', 'Date')}</th><th>{t('Tên', 'Name')}</th>{editable && <th><span class="sr-only">{t('Xoá', 'Remove')}</span></th>}</tr></thead>
        <tbody>
          {list.map((h) => (
            <tr key={h.date}>
              <td>{fmt(h.date)}</td>
              <td>{h.name}</td>
              {editable && (
                <td><button type="button" class="secondary" aria-label={t(`Xoá ${h.date}`, `Remove ${h.date}`)}
                  onClick={() => void save(list.filter((x) => x.date !== h.date).map((x) => x.date))}>{t('Xoá', 'Remove')}</button></td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
