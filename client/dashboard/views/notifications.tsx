import { useSignal } from '@preact/signals';
import { api, call } from '../api.js';
import { lang, t } from '../i18n.js';
import { useFetch } from '../indices/use-fetch.js';
import { useAppState } from '../state.js';
import { dateTime, statusLabel } from './feedback-labels.js';

const channelLabel = (c: 'email' | 'sms') => (c === 'email' ? t('Thư điện tử', 'E-mail') : 'SMS');

/**
 * "Thông báo lỗi": citizens' e-mails and SMS of the user's subtree that could not be sent, with
 * "send again". A message being retried shows when the next try is; one given up shows it.
 */
export function NotificationsView() {
  const { me } = useAppState();
  const reload = useSignal(0);
  const canSee = me.value?.user.role !== 'viewer';
  const data = useFetch(canSee ? () => api.api.notifications.failed.$get({ query: {} }) : null, [
    canSee,
    reload.value,
  ]);
  const done = useSignal<string | null>(null);
  const error = useSignal<string | null>(null);

  async function again(id: string, code: string) {
    done.value = null;
    error.value = null;
    try {
      await call(
        api.api.notifications[':id'].retry.$post({ param: { id: encodeURIComponent(id) } }),
      );
      done.value = t(
        `Đã xếp thông báo của ${code} để gửi lại ngay.`,
        `The message about ${code} will be sent again now.`,
      );
      reload.value++;
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e);
    }
  }

  if (!canSee)
    return (
      <section>
        <h1>{t('Thông báo lỗi', 'Failed notifications')}</h1>
        <p>{t('Trang này dành cho cán bộ quản lý.', 'This page is for managers.')}</p>
      </section>
    );
  const d = data.data;
  const off =
    d &&
    [
      !d.channels.email && t('thư điện tử (SMTP_URL)', 'e-mail (SMTP_URL)'),
      !d.channels.sms && t('SMS (SMS_WEBHOOK_URL)', 'SMS (SMS_WEBHOOK_URL)'),
    ].filter(Boolean);
  return (
    <section>
      <h1>{t('Thông báo lỗi', 'Failed notifications')}</h1>
      <p class="muted">
        {t(
          'Thư điện tử và tin nhắn gửi cho người dân (khi nhận phản ánh và mỗi lần trạng thái thay đổi) chưa gửi được. Hệ thống tự gửi lại sau 1 phút, 5 phút, 30 phút, 2 giờ và 12 giờ; sau 6 lần không thành công thì dừng.',
          'E-mails and SMS to citizens (at receipt and at each change of status) that could not be sent. They are retried after 1 min, 5 min, 30 min, 2 h and 12 h, then given up after 6 attempts.',
        )}
      </p>
      {data.error && (
        <p class="error" role="alert">
          {data.error}
        </p>
      )}
      {error.value && (
        <p class="error" role="alert">
          {error.value}
        </p>
      )}
      {done.value && <p role="status">{done.value}</p>}
      {d && (
        <p>
          {t(
            `Đang chờ gửi: ${d.pending.toLocaleString('vi-VN')} thông báo.`,
            `Waiting to be sent: ${d.pending.toLocaleString('en-GB')}.`,
          )}
        </p>
      )}
      {off && off.length > 0 && (
        <p class="notice">
          {t(
            `Chưa cấu hình kênh gửi: ${off.join(', ')}. Thông báo qua những kênh đó được giữ lại, chờ đến khi cấu hình.`,
            `Not configured: ${off.join(', ')}. Messages for it wait until it is.`,
          )}
        </p>
      )}
      {d && d.items.length === 0 && (
        <p>{t('Không có thông báo lỗi.', 'No failed notifications.')}</p>
      )}
      {d && d.items.length > 0 && (
        <ul
          aria-label={t('Danh sách thông báo lỗi', 'Failed notifications')}
          style="list-style:none;padding:0"
        >
          {d.items.map((m) => (
            <li key={m.id} style="border-bottom:1px solid #ccc;padding:0.75rem 0">
              <strong>{m.trackingCode}</strong> · {m.unitName}
              <br />
              {t('Gửi tới', 'To')} {channelLabel(m.channel)}:{' '}
              {m.recipient || t('(đã xoá)', '(erased)')}
              <br />
              {t('Nội dung', 'About')}: {statusLabel(m.event)}
              <br />
              {t('Lỗi', 'Problem')}: {lang.value === 'en' ? m.reason.en : m.reason.vi}{' '}
              {m.givenUp
                ? t(`Đã dừng sau ${m.attempts} lần.`, `Given up after ${m.attempts} attempts.`)
                : t(
                    `Thử lại lúc ${dateTime(m.nextAttemptAt)} (đã thử ${m.attempts} lần).`,
                    `Next try ${dateTime(m.nextAttemptAt)} (${m.attempts} so far).`,
                  )}
              {m.lastError && (
                <details>
                  <summary>{t('Chi tiết kỹ thuật', 'Technical detail')}</summary>
                  <code style="overflow-wrap:anywhere">{m.lastError}</code>
                </details>
              )}
              <button
                type="button"
                aria-label={t(
                  `Gửi lại thông báo ${m.trackingCode}`,
                  `Send ${m.trackingCode} again`,
                )}
                onClick={() => void again(m.id, m.trackingCode)}
              >
                {t('Gửi lại', 'Send again')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
