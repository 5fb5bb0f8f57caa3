import { useSignal } from '@preact/signals';
import { api, call, errorText, type Res } from '../api.js';
import { t } from '../i18n.js';
import { useFetch } from '../indices/use-fetch.js';
import { useAppState } from '../state.js';
import { dateTime } from './feedback-labels.js';

type Kiosk = Res<typeof api.api.kiosks.$get>[number];

/**
 * "Quầy tiếp nhận": the one-stop counters' rating devices of the user's subtree. A manager
 * registers one for a campaign and a unit, opens its address (or its QR code) on the counter's
 * tablet, and disables it when the tablet is lost or retired.
 */
export function KiosksView() {
  const { me } = useAppState();
  const reload = useSignal(0);
  const list = useFetch(() => api.api.kiosks.$get({ query: {} }), [reload.value]);
  const canManage = me.value?.user.role !== 'viewer';
  const done = useSignal<string | null>(null);
  const error = useSignal<string | null>(null);

  async function toggle(k: Kiosk) {
    done.value = null;
    error.value = null;
    try {
      await call(
        api.api.kiosks[':id'].$patch({ param: { id: k.id }, json: { disabled: !k.disabled } }),
      );
      done.value = k.disabled
        ? t(`Đã bật lại máy "${k.name}".`, `"${k.name}" is enabled again.`)
        : t(
            `Đã tắt máy "${k.name}": trang của máy không nhận đánh giá nữa.`,
            `"${k.name}" is disabled: its page takes no more ratings.`,
          );
      reload.value++;
    } catch (e) {
      error.value = errorText(e);
    }
  }

  return (
    <section>
      <h1>{t('Quầy tiếp nhận', 'Counter devices')}</h1>
      <p class="muted">
        {t(
          'Máy tính bảng đặt tại bộ phận một cửa: người dân chạm một trong năm khuôn mặt để đánh giá sự phục vụ ngay sau khi làm xong thủ tục. Máy vẫn nhận đánh giá khi mất mạng và gửi lại khi có mạng.',
          'Tablets at the one-stop counter: visitors tap one of five faces to rate the service right after it. A device keeps taking ratings when the network drops and sends them when it returns.',
        )}
      </p>
      {canManage && <NewKiosk onCreated={() => reload.value++} />}
      {error.value && (
        <p class="error" role="alert">
          {error.value}
        </p>
      )}
      {done.value && <p role="status">{done.value}</p>}
      {list.error && (
        <p class="error" role="alert">
          {list.error}
        </p>
      )}
      {list.data && list.data.length === 0 && (
        <p>{t('Chưa có máy nào được đăng ký.', 'No device is registered yet.')}</p>
      )}
      {list.data && list.data.length > 0 && (
        <ul
          aria-label={t('Các máy đã đăng ký', 'Registered devices')}
          style="list-style:none;padding:0"
        >
          {list.data.map((k) => (
            <li
              key={k.id}
              style="display:flex;flex-wrap:wrap;gap:1rem;border-bottom:1px solid #ccc;padding:0.75rem 0"
            >
              <img
                src={api.api.kiosks[':id']['qr.svg'].$path({ param: { id: k.id } })}
                alt={t(
                  `Mã QR mở trang đánh giá của máy "${k.name}"`,
                  `QR code of the rating page of "${k.name}"`,
                )}
                width={120}
                height={120}
              />
              <div style="flex:1 1 14rem;min-width:0;overflow-wrap:anywhere">
                <h2>{k.name}</h2>
                <p>
                  {k.unitName} · {k.campaignName}
                  <br />
                  {k.disabled
                    ? t(
                        `Đã tắt lúc ${dateTime(k.disabledAt)}`,
                        `Disabled ${dateTime(k.disabledAt)}`,
                      )
                    : t('Đang dùng', 'In use')}
                  {' · '}
                  {t(`Đăng ký lúc ${dateTime(k.createdAt)}`, `Registered ${dateTime(k.createdAt)}`)}
                </p>
                <p>
                  <a href={k.url} target="_blank" rel="noopener">
                    {k.url}
                  </a>
                </p>
                {canManage && (
                  <button type="button" class="secondary" onClick={() => void toggle(k)}>
                    {k.disabled
                      ? t(`Bật lại máy "${k.name}"`, `Enable "${k.name}"`)
                      : t(`Tắt máy "${k.name}"`, `Disable "${k.name}"`)}
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Registers a device for a running (or coming) campaign and one of its units. */
function NewKiosk(props: { onCreated: () => void }) {
  const campaigns = useFetch(() => api.api.campaigns.$get({ query: {} }), []);
  const campaignId = useSignal('');
  const unitId = useSignal('');
  const name = useSignal('');
  const error = useSignal<string | null>(null);
  const created = useSignal<string | null>(null);
  const busy = useSignal(false);
  const usable = (campaigns.data ?? []).filter((c) => c.state !== 'closed');
  const chosen = campaignId.value || usable[0]?.id || '';
  const detail = useFetch(
    chosen ? () => api.api.campaigns[':id'].$get({ param: { id: chosen } }) : null,
    [chosen],
  );
  const units = detail.data?.id === chosen ? detail.data.units : [];
  const unit = units.some((u) => u.unitId === unitId.value) ? unitId.value : units[0]?.unitId;

  async function submit(e: Event) {
    e.preventDefault();
    error.value = null;
    created.value = null;
    if (!chosen || !unit) return;
    busy.value = true;
    try {
      const k = await call(
        api.api.kiosks.$post({ json: { campaignId: chosen, unitId: unit, name: name.value } }),
      );
      created.value = t(
        `Đã đăng ký máy "${k.name}". Mở địa chỉ ${k.url} trên máy tính bảng tại quầy, hoặc quét mã QR bên dưới.`,
        `"${k.name}" is registered. Open ${k.url} on the counter's tablet, or scan its QR code below.`,
      );
      name.value = '';
      props.onCreated();
    } catch (err) {
      error.value = errorText(err);
    } finally {
      busy.value = false;
    }
  }

  return (
    <form class="account-form" onSubmit={(e) => void submit(e)}>
      <h2>{t('Đăng ký máy mới', 'Register a device')}</h2>
      {campaigns.data && usable.length === 0 && (
        <p>
          {t(
            'Chưa có đợt khảo sát nào đang mở. Hãy tạo một đợt với bảng hỏi "Đánh giá sự hài lòng tại bộ phận một cửa".',
            'No campaign is open. Create one with the questionnaire "Rate the service at the one-stop counter".',
          )}
        </p>
      )}
      <div class="fields">
        <div>
          <label for="kiosk-campaign">{t('Đợt khảo sát', 'Campaign')}</label>
          <select
            id="kiosk-campaign"
            value={chosen}
            onChange={(e) => (campaignId.value = e.currentTarget.value)}
          >
            {usable.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="kiosk-unit">{t('Đơn vị', 'Unit')}</label>
          <select
            id="kiosk-unit"
            value={unit ?? ''}
            onChange={(e) => (unitId.value = e.currentTarget.value)}
          >
            {units.map((u) => (
              <option key={u.unitId} value={u.unitId}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="kiosk-name">{t('Tên máy', 'Device name')}</label>
          <input
            id="kiosk-name"
            required
            maxLength={100}
            placeholder={t('Ví dụ: Quầy 1 – tầng trệt', 'e.g. Counter 1 – ground floor')}
            value={name.value}
            onInput={(e) => (name.value = e.currentTarget.value)}
          />
        </div>
      </div>
      {error.value && (
        <p class="error" role="alert">
          {error.value}
        </p>
      )}
      {created.value && (
        <p role="status" style="overflow-wrap:anywhere">
          {created.value}
        </p>
      )}
      <p>
        <button type="submit" disabled={busy.value || !chosen || !unit}>
          {t('Đăng ký máy', 'Register the device')}
        </button>
      </p>
    </form>
  );
}
