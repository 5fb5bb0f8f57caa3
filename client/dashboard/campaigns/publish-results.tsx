import { useSignal } from '@preact/signals';
import { formatVnDateTime } from '../../../server/domain/vn-time.js';
import { api, call } from '../api.js';
import { t } from '../i18n.js';
import { useFetch } from '../indices/use-fetch.js';
import { Alert, Confirm, useAction } from './campaign-actions.js';

/**
 * "Công khai kết quả": a closed campaign's results made public for the signed-in user's subtree
 * (the page /results/:unitId), asked twice; then the published state, the public page's link
 * and a way to withdraw what this subtree published.
 */
export function PublishResults(p: { campaignId: string; mayPublish: boolean; reload: number }) {
  const again = useSignal(0);
  const a = useAction();
  const param = { param: { id: encodeURIComponent(p.campaignId) } };
  const endpoint = api.api.campaigns[':id'];
  const pub = useFetch(
    () => endpoint.publication.$get(param),
    [p.campaignId, p.reload, again.value],
  );
  const s = pub.data;
  if (!s) return pub.error ? <Alert text={pub.error} /> : null;
  const done = () => again.value++;
  return (
    <section class="campaign-actions" aria-labelledby="publish-h">
      <h2 id="publish-h">{t('Công khai kết quả', 'Public results')}</h2>
      {s.published ? (
        <p role="status" class="ok">
          {t(
            `Kết quả đã được công khai từ ${formatVnDateTime(s.publishedAt!)}.`,
            `Results public since ${formatVnDateTime(s.publishedAt!)}.`,
          )}{' '}
          <a href={s.resultsPath} target="_blank" rel="noopener">
            {t('Xem trang kết quả công khai', 'Open the public results page')}
          </a>
        </p>
      ) : (
        <p class="muted">
          {s.closed
            ? t('Kết quả đợt này chưa được công khai.', 'These results are not public yet.')
            : t(
                'Kết quả được công khai sau khi đợt khảo sát đóng.',
                'Results can be published once the campaign has closed.',
              )}
        </p>
      )}
      {p.mayPublish && s.closed && !s.published && (
        <Confirm
          label={t('Công khai kết quả', 'Publish results')}
          question={t(
            'Công khai kết quả đợt này? Cha mẹ học sinh sẽ xem được tỷ lệ hài lòng của từng trường (trừ nhóm dưới 5 phiếu) trên trang công khai.',
            'Publish these results? Parents will see each school’s satisfaction (except groups under 5 responses) on the public page.',
          )}
          confirm={t('Công khai', 'Publish')}
          busy={a.busy.value}
          onConfirm={() => void a.run(() => call(endpoint.publish.$post(param)), done)}
        />
      )}
      {p.mayPublish && s.withdrawable && (
        <Confirm
          label={t('Thôi công khai', 'Withdraw')}
          question={t(
            'Gỡ kết quả đợt này khỏi trang công khai?',
            'Take these results off the public page?',
          )}
          confirm={t('Gỡ khỏi trang công khai', 'Take them off')}
          busy={a.busy.value}
          onConfirm={() => void a.run(() => call(endpoint.publish.$delete(param)), done)}
        />
      )}
      <Alert text={a.error.value} />
    </section>
  );
}
