import { CAMPAIGN_STATE, CampaignDetail, when } from '../campaigns/campaign-detail.js';
import { NewCampaign } from '../campaigns/new-campaign.js';
import { t } from '../i18n.js';
import { useSignal } from '@preact/signals';
import { api } from '../api.js';
import { useFetch } from '../indices/use-fetch.js';
import { useAppState } from '../state.js';

function CampaignList() {
  const { navigate, me } = useAppState();
  const archived = useSignal(false);
  const list = useFetch(
    () => api.api.campaigns.$get({ query: archived.value ? { archived: 'only' } : {} }),
    [archived.value],
  );
  const surveys = useFetch(() => api.api.surveys.$get({ query: {} }), []);
  /** The questionnaire as people know it: its title and the version the campaign keeps. */
  const surveyName = (id: string, version: number) => {
    const s = surveys.data?.find((x) => x.id === id);
    const title = s ? t(s.title.vi, s.title.en ?? s.title.vi) : t('Bảng hỏi', 'Questionnaire');
    return `${title} (${t('phiên bản', 'version')} ${version})`;
  };
  const go = (to: string) => (e: Event) => {
    e.preventDefault();
    navigate(to);
  };
  return (
    <section>
      <h1>{t('Đợt khảo sát', 'Survey campaigns')}</h1>
      {me.value?.user.role !== 'viewer' && (
        <p>
          <a class="button" href="/app/campaigns/new" onClick={go('/app/campaigns/new')}>
            {t('Tạo đợt khảo sát', 'New campaign')}
          </a>
        </p>
      )}
      <p>
        <label>
          <input
            type="checkbox"
            checked={archived.value}
            onChange={(e) => (archived.value = e.currentTarget.checked)}
          />{' '}
          {t('Xem các đợt đã lưu trữ', 'Show archived campaigns')}
        </label>
      </p>
      {list.error && (
        <p class="error" role="alert">
          {list.error}
        </p>
      )}
      <table>
        <thead>
          <tr>
            <th>{t('Tên', 'Name')}</th>
            <th>{t('Phiếu', 'Questionnaire')}</th>
            <th>{t('Thời gian', 'Window')}</th>
            <th>{t('Trạng thái', 'State')}</th>
          </tr>
        </thead>
        <tbody>
          {(list.data ?? []).map((c) => (
            <tr key={c.id}>
              <td>
                <a href={`/app/campaigns/${c.id}`} onClick={go(`/app/campaigns/${c.id}`)}>
                  {c.name}
                </a>
              </td>
              <td>{surveyName(c.surveyId, c.surveyVersion)}</td>
              <td>
                {when(c.opensAt, true)} – {when(c.closesAt, true)}
              </td>
              <td>{t(...(CAMPAIGN_STATE[c.state] ?? [c.state, c.state]))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** /app/campaigns, /app/campaigns/new and /app/campaigns/:id. */
export function CampaignsView() {
  const { path } = useAppState();
  const rest = path.value.replace(/^\/app\/campaigns\/?/, '');
  if (rest === 'new') return <NewCampaign />;
  if (rest) return <CampaignDetail id={decodeURIComponent(rest)} />;
  return <CampaignList />;
}
