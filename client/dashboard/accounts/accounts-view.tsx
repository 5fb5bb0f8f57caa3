import { useSignal } from '@preact/signals';
import { ROLE_LABELS } from '../../../server/domain/accounts.js';
import type { TRole } from '../../../server/domain/staff.js';
import { api, call, type Res } from '../api.js';
import { t } from '../i18n.js';
import { useFetch } from '../indices/use-fetch.js';
import { useAppState } from '../state.js';
import { grantableRoles, NewAccount } from './new-account.js';
import { OneTimePassword } from './one-time-password.js';
import { unitOptions } from './unit-options.js';

type Account = Res<typeof api.api.users.$get>[number];
type Mode = 'view' | 'edit' | 'disable' | 'reset';

const roleLabel = (r: TRole) => t(ROLE_LABELS[r].vi, ROLE_LABELS[r].en);

/** One account: a table row on a desktop, a card on a phone (CSS), with its actions. */
function AccountRow(props: {
  account: Account;
  self: boolean;
  onChanged: () => void;
  onPassword: (who: string, password: string) => void;
}) {
  const { me, units, unitsById } = useAppState();
  const a = props.account;
  const mode = useSignal<Mode>('view');
  const name = useSignal(a.name);
  const role = useSignal<TRole>(a.role);
  const unitId = useSignal(a.unitId);
  const error = useSignal<string | null>(null);
  const who = `${a.name} (${a.email})`;

  async function run(work: () => Promise<void>) {
    error.value = null;
    try {
      await work();
      mode.value = 'view';
      props.onChanged();
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e);
    }
  }
  const patch = (json: { name?: string; role?: TRole; unitId?: string; disabled?: boolean }) =>
    run(async () => {
      await call(api.api.users[':id'].$patch({ param: { id: a.id }, json }));
    });
  const reset = () =>
    run(async () => {
      const res = await call(api.api.users[':id']['reset-password'].$post({ param: { id: a.id } }));
      props.onPassword(who, res.password);
    });

  const unitName = unitsById.value.get(a.unitId)?.name ?? '';
  return (
    <tr class={a.disabled ? 'disabled' : undefined}>
      <td class="name">
        {mode.value === 'edit' ? (
          <label>
            {t('Họ và tên', 'Full name')}
            <input value={name.value} onInput={(e) => (name.value = e.currentTarget.value)} />
          </label>
        ) : (
          <strong>
            {a.name}
            {props.self ? ` ${t('(bạn)', '(you)')}` : ''}
          </strong>
        )}
      </td>
      <td class="email">{a.email}</td>
      <td class="role" data-label={t('Vai trò', 'Role')}>
        {mode.value === 'edit' && !props.self ? (
          <label>
            {t('Vai trò', 'Role')}
            <select
              value={role.value}
              onChange={(e) => (role.value = e.currentTarget.value as TRole)}
            >
              {grantableRoles(me.value?.user.role ?? 'viewer').map((r) => (
                <option key={r} value={r}>
                  {roleLabel(r)}
                </option>
              ))}
            </select>
          </label>
        ) : (
          roleLabel(a.role)
        )}
      </td>
      <td class="unit" data-label={t('Đơn vị', 'Unit')}>
        {mode.value === 'edit' && !props.self ? (
          <label>
            {t('Đơn vị', 'Unit')}
            <select value={unitId.value} onChange={(e) => (unitId.value = e.currentTarget.value)}>
              {unitOptions(units.value)}
            </select>
          </label>
        ) : (
          unitName
        )}
      </td>
      <td class="state">
        {a.disabled ? (
          <strong class="warn">{t('Đã khoá', 'Disabled')}</strong>
        ) : a.mustChangePassword ? (
          t('Chờ đổi mật khẩu', 'Must change password')
        ) : (
          t('Đang hoạt động', 'Active')
        )}
      </td>
      <td class="actions">
        {mode.value === 'view' && (
          <>
            <button type="button" class="secondary" onClick={() => (mode.value = 'edit')}>
              {t('Sửa', 'Edit')}
              <span class="sr-only"> {a.name}</span>
            </button>
            {!props.self && (
              <button type="button" class="secondary" onClick={() => (mode.value = 'disable')}>
                {a.disabled ? t('Mở khoá', 'Enable') : t('Khoá', 'Disable')}
                <span class="sr-only"> {a.name}</span>
              </button>
            )}
            {!props.self && (
              <button type="button" class="secondary" onClick={() => (mode.value = 'reset')}>
                {t('Cấp lại mật khẩu', 'Reset password')}
                <span class="sr-only"> {a.name}</span>
              </button>
            )}
          </>
        )}
        {mode.value === 'edit' && (
          <>
            <button
              type="button"
              onClick={() =>
                void patch(
                  props.self
                    ? { name: name.value }
                    : { name: name.value, role: role.value, unitId: unitId.value },
                )
              }
            >
              {t('Lưu', 'Save')}
            </button>
            <button type="button" class="secondary" onClick={() => (mode.value = 'view')}>
              {t('Huỷ', 'Cancel')}
            </button>
          </>
        )}
        {(mode.value === 'disable' || mode.value === 'reset') && (
          <span class="confirm" role="group" aria-label={t('Xác nhận', 'Confirm')}>
            <span>
              {mode.value === 'reset'
                ? t(
                    `Cấp mật khẩu mới cho ${a.name}? Mật khẩu cũ hết hiệu lực, các phiên đăng nhập bị đóng.`,
                    `Give ${a.name} a new password? The old one stops working and their sessions end.`,
                  )
                : a.disabled
                  ? t(`Mở khoá tài khoản ${a.name}?`, `Enable ${a.name}'s account?`)
                  : t(
                      `Khoá tài khoản ${a.name}? Người này bị đăng xuất ngay.`,
                      `Disable ${a.name}'s account? They are signed out at once.`,
                    )}
            </span>
            <button
              type="button"
              onClick={() =>
                void (mode.value === 'reset' ? reset() : patch({ disabled: !a.disabled }))
              }
            >
              {t('Đồng ý', 'Confirm')}
            </button>
            <button type="button" class="secondary" onClick={() => (mode.value = 'view')}>
              {t('Huỷ', 'Cancel')}
            </button>
          </span>
        )}
        {error.value && (
          <p class="error" role="alert">
            {error.value}
          </p>
        )}
      </td>
    </tr>
  );
}

/** Tài khoản: the accounts of the admin's subtree (admins only; the menu hides it from others). */
export function AccountsView() {
  const { me } = useAppState();
  const reload = useSignal(0);
  const shown = useSignal<{ who: string; password: string } | null>(null);
  const isAdmin = me.value?.user.role === 'admin';
  const list = useFetch(isAdmin ? () => api.api.users.$get() : null, [reload.value]);
  if (!isAdmin) {
    return (
      <section>
        <h1>{t('Tài khoản', 'Accounts')}</h1>
        <p>{t('Chỉ quản trị viên quản lý tài khoản.', 'Only administrators manage accounts.')}</p>
      </section>
    );
  }
  const onPassword = (who: string, password: string) => (shown.value = { who, password });
  return (
    <section class="accounts">
      <h1>{t('Tài khoản', 'Accounts')}</h1>
      {shown.value && (
        <OneTimePassword
          who={shown.value.who}
          password={shown.value.password}
          onClose={() => (shown.value = null)}
        />
      )}
      <NewAccount
        onCreated={(who, password) => {
          onPassword(who, password);
          reload.value++;
        }}
      />
      <h2>{t('Tài khoản trong phạm vi của bạn', 'Accounts in your scope')}</h2>
      {list.loading && !list.data && <p class="muted">{t('Đang tải…', 'Loading…')}</p>}
      {list.error && (
        <p class="error" role="alert">
          {list.error}
        </p>
      )}
      {list.data && (
        <table class="account-list">
          <caption class="sr-only">{t('Danh sách tài khoản', 'Accounts')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('Họ và tên', 'Name')}</th>
              <th scope="col">Email</th>
              <th scope="col">{t('Vai trò', 'Role')}</th>
              <th scope="col">{t('Đơn vị', 'Unit')}</th>
              <th scope="col">{t('Trạng thái', 'Status')}</th>
              <th scope="col">{t('Thao tác', 'Actions')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((a) => (
              <AccountRow
                key={`${a.id}:${reload.value}`}
                account={a}
                self={a.id === me.value?.user.id}
                onChanged={() => reload.value++}
                onPassword={onPassword}
              />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
