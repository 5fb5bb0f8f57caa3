import { useSignal } from '@preact/signals';
import {
  AUDIT_KIND_LABELS,
  AUDIT_KINDS,
  type TAuditKind,
} from '../../../server/domain/accounts.js';
import { formatVnDate, formatVnTime } from '../../../server/domain/vn-time.js';
import { api } from '../api.js';
import { t } from '../i18n.js';
import { useFetch } from '../indices/use-fetch.js';
import { useAppState } from '../state.js';

const PAGE = 50;

/** Nhật ký: who changed what and when in the admin's subtree, newest first, by kind, paged. */
export function AuditView() {
  const { me } = useAppState();
  const kind = useSignal<TAuditKind | ''>('');
  const offset = useSignal(0);
  const isAdmin = me.value?.user.role === 'admin';
  const page = useFetch(
    isAdmin
      ? () =>
          api.api.audit.$get({
            query: {
              ...(kind.value ? { kind: kind.value } : {}),
              limit: String(PAGE),
              offset: String(offset.value),
            },
          })
      : null,
    [kind.value, offset.value],
  );
  if (!isAdmin) {
    return (
      <section>
        <h1>{t('Nhật ký', 'Audit log')}</h1>
        <p>{t('Chỉ quản trị viên xem nhật ký.', 'Only administrators read the audit log.')}</p>
      </section>
    );
  }
  const d = page.data;
  return (
    <section class="audit">
      <h1>{t('Nhật ký thay đổi', 'Audit log')}</h1>
      <div class="scope-bar" role="search">
        <label>
          {t('Loại', 'Kind')}
          <select
            value={kind.value}
            onChange={(e) => {
              kind.value = e.currentTarget.value as TAuditKind | '';
              offset.value = 0;
            }}
          >
            <option value="">{t('Tất cả', 'All')}</option>
            {AUDIT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(AUDIT_KIND_LABELS[k].vi, AUDIT_KIND_LABELS[k].en)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {page.loading && !d && <p class="muted">{t('Đang tải…', 'Loading…')}</p>}
      {page.error && (
        <p class="error" role="alert">
          {page.error}
        </p>
      )}
      {d && d.items.length === 0 && (
        <p>
          {t(
            'Chưa có thay đổi nào được ghi lại. Mỗi lần tạo, sửa tài khoản, đợt khảo sát, chỉ tiêu hay xử lý phản ánh sẽ hiện ở đây.',
            'No changes recorded yet. Accounts, campaigns, targets and feedback decisions will appear here.',
          )}
        </p>
      )}
      {d && d.items.length > 0 && (
        <>
          <p class="muted">{t(`${d.total} thay đổi`, `${d.total} changes`)}</p>
          <table class="audit-list">
            <caption class="sr-only">{t('Nhật ký thay đổi', 'Audit log')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('Thời gian', 'When')}</th>
                <th scope="col">{t('Người thực hiện', 'Who')}</th>
                <th scope="col">{t('Nội dung', 'What')}</th>
                <th scope="col">{t('Đơn vị', 'Unit')}</th>
              </tr>
            </thead>
            <tbody>
              {d.items.map((i) => (
                <tr key={i.id}>
                  <td class="when">
                    {formatVnDate(i.at)} {formatVnTime(i.at)}
                  </td>
                  <td class="who">{i.userName ?? t('Hệ thống', 'System')}</td>
                  <td class="what">{i.summary}</td>
                  <td class="unit">{i.unitName}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div class="pager">
            <button
              type="button"
              class="secondary"
              disabled={offset.value === 0}
              onClick={() => (offset.value = Math.max(0, offset.value - PAGE))}
            >
              {t('Mới hơn', 'Newer')}
            </button>
            <button
              type="button"
              class="secondary"
              disabled={offset.value + PAGE >= d.total}
              onClick={() => (offset.value += PAGE)}
            >
              {t('Cũ hơn', 'Older')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
