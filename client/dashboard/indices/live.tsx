import { t } from '../i18n.js';
import { count } from './format.js';
import { useIndicesState } from '../state.js';
import { api } from '../api.js';
import { useFetch } from './use-fetch.js';

const POLL_MS = 10_000;

/** Responses so far, refreshed every 10 s while the campaign is open. */
export function LiveCounter() {
  const s = useIndicesState();
  const open = s.campaign.value?.open ?? false;
  const q = s.query();
  const live = useFetch(
    open && q ? () => api.api.indices.live.$get({ query: q }) : null,
    [q?.campaignId, q?.unitId],
    POLL_MS,
  );
  if (!open || !live.data) return null;
  return (
    <div class="card live" aria-live="polite">
      <div class="muted">
        {t('Đang thu thập (cập nhật mỗi 10 giây)', 'Collecting (updates every 10 s)')}
      </div>
      <div class="big">{count(live.data.responses)}</div>
      <div class="muted">{t('phiếu đã nhận', 'responses received')}</div>
    </div>
  );
}
