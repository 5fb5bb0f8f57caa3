import { useSignal } from '@preact/signals';
import { api, ApiError, call } from '../api.js';
import { t } from '../i18n.js';
import { useFetch } from '../indices/use-fetch.js';
import { useAppState } from '../state.js';
import { fromVnInput, toVnInput } from './vn-input.js';

/** Create a campaign: questionnaire, name, window, access, and the schools of the user's subtree. */
export function NewCampaign() {
  const { units, navigate } = useAppState();
  const surveys = useFetch(() => api.api.surveys.$get({ query: { usable: 'true' } }), []);
  const schools = units.value.filter((u) => u.kind === 'school');
  const surveyId = useSignal('');
  const name = useSignal('');
  const opensAt = useSignal(toVnInput(new Date()));
  const closesAt = useSignal(toVnInput(new Date(Date.now() + 30 * 86_400_000)));
  const access = useSignal<'link' | 'token'>('link');
  const chosen = useSignal<Set<string>>(new Set(schools.map((s) => s.id)));
  const error = useSignal<string | null>(null);
  const busy = useSignal(false);

  // A level's questionnaire (MN, TH, THCS) goes to the schools of that level by default.
  const pickSurvey = (id: string) => {
    surveyId.value = id;
    const level = surveys.data?.find((s) => s.id === id)?.level;
    chosen.value = new Set(schools.filter((s) => !level || s.level === level).map((s) => s.id));
  };

  const toggle = (id: string) => {
    const next = new Set(chosen.value);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    chosen.value = next;
  };

  async function submit(e: Event) {
    e.preventDefault();
    busy.value = true;
    error.value = null;
    try {
      const created = await call(
        api.api.campaigns.$post({
          json: {
            surveyId: surveyId.value || (surveys.data?.[0]?.id ?? ''),
            name: name.value,
            opensAt: fromVnInput(opensAt.value),
            closesAt: fromVnInput(closesAt.value),
            unitIds: [...chosen.value],
            access: access.value,
          },
        }),
      );
      navigate(`/app/campaigns/${created.id}`);
    } catch (err) {
      const details =
        err instanceof ApiError && Array.isArray(err.details)
          ? (err.details as { path: string; message: string }[])
          : [];
      // The server's reasons, never its field names (closesAt) or codes.
      error.value = [
        err instanceof Error ? err.message : String(err),
        ...details.map((d) => d.message),
      ].join(' ');
    } finally {
      busy.value = false;
    }
  }

  return (
    <form onSubmit={submit} class="campaign-form">
      <h1>{t('Tạo đợt khảo sát', 'New survey campaign')}</h1>
      <label for="c-survey">{t('Phiếu khảo sát', 'Questionnaire')}</label>
      <select
        id="c-survey"
        value={surveyId.value}
        onChange={(e) => pickSurvey(e.currentTarget.value)}
      >
        {(surveys.data ?? []).map((s) => (
          <option key={s.id} value={s.id}>
            {t(s.title.vi, s.title.en ?? s.title.vi)} ({t('phiên bản', 'version')} {s.version})
          </option>
        ))}
      </select>
      <label for="c-name">{t('Tên đợt', 'Name')}</label>
      <input
        id="c-name"
        required
        maxLength={200}
        value={name.value}
        onInput={(e) => (name.value = e.currentTarget.value)}
      />
      <label for="c-open">{t('Mở từ', 'Opens')}</label>
      <input
        id="c-open"
        type="datetime-local"
        required
        value={opensAt.value}
        onInput={(e) => (opensAt.value = e.currentTarget.value)}
      />
      <label for="c-close">{t('Đóng lúc', 'Closes')}</label>
      <input
        id="c-close"
        type="datetime-local"
        required
        value={closesAt.value}
        onInput={(e) => (closesAt.value = e.currentTarget.value)}
      />
      <fieldset>
        <legend>{t('Cách trả lời', 'Access')}</legend>
        <label>
          <input
            type="radio"
            name="access"
            checked={access.value === 'link'}
            onChange={() => (access.value = 'link')}
          />{' '}
          {t(
            'Đường dẫn chung cho mỗi trường (mã QR, áp phích)',
            'One open link per school (QR code, poster)',
          )}
        </label>
        <label>
          <input
            type="radio"
            name="access"
            checked={access.value === 'token'}
            onChange={() => (access.value = 'token')}
          />{' '}
          {t(
            'Mã dùng một lần (in và phát cho từng người)',
            'One-time codes (printed and handed out)',
          )}
        </label>
      </fieldset>
      <fieldset>
        <legend>
          {t(
            `Trường tham gia (${chosen.value.size}/${schools.length})`,
            `Schools (${chosen.value.size}/${schools.length})`,
          )}
        </legend>
        {schools.map((s) => (
          <label key={s.id}>
            <input type="checkbox" checked={chosen.value.has(s.id)} onChange={() => toggle(s.id)} />{' '}
            {s.name}
          </label>
        ))}
      </fieldset>
      {error.value && (
        <p class="error" role="alert">
          {error.value}
        </p>
      )}
      <p>
        <button type="submit" disabled={busy.value || chosen.value.size === 0}>
          {t('Tạo đợt khảo sát', 'Create campaign')}
        </button>
      </p>
    </form>
  );
}
