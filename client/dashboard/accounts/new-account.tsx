import { useSignal } from '@preact/signals';
import { ROLE_LABELS, ROLE_RANK } from '../../../server/domain/accounts.js';
import { ROLES, type TRole } from '../../../server/domain/staff.js';
import { api, call } from '../api.js';
import { t } from '../i18n.js';
import { useAppState } from '../state.js';
import { unitOptions } from './unit-options.js';

/** The roles a user may grant: its own and those below. */
export function grantableRoles(own: TRole): TRole[] {
  return ROLES.filter((r) => ROLE_RANK[r] <= ROLE_RANK[own]);
}

/** Creates an account in the admin's subtree; the one-time password goes back to the page. */
export function NewAccount(props: { onCreated: (who: string, password: string) => void }) {
  const { me, units } = useAppState();
  const email = useSignal('');
  const name = useSignal('');
  const role = useSignal<TRole>('manager');
  const unitId = useSignal(me.value?.unit.id ?? '');
  const error = useSignal<string | null>(null);
  const busy = useSignal(false);

  async function submit(e: Event) {
    e.preventDefault();
    error.value = null;
    busy.value = true;
    try {
      const res = await call(
        api.api.users.$post({
          json: { email: email.value, name: name.value, role: role.value, unitId: unitId.value },
        }),
      );
      props.onCreated(`${name.value} (${email.value})`, res.password);
      email.value = '';
      name.value = '';
    } catch (err) {
      error.value = err instanceof Error ? err.message : String(err);
    } finally {
      busy.value = false;
    }
  }

  return (
    <form class="account-form" onSubmit={(e) => void submit(e)}>
      <h2>{t('Tạo tài khoản', 'New account')}</h2>
      <div class="fields">
        <div>
          <label for="acc-name">{t('Họ và tên', 'Full name')}</label>
          <input
            id="acc-name"
            required
            maxLength={200}
            value={name.value}
            onInput={(e) => (name.value = e.currentTarget.value)}
          />
        </div>
        <div>
          <label for="acc-email">Email</label>
          <input
            id="acc-email"
            type="email"
            required
            autocomplete="off"
            value={email.value}
            onInput={(e) => (email.value = e.currentTarget.value)}
          />
        </div>
        <div>
          <label for="acc-role">{t('Vai trò', 'Role')}</label>
          <select
            id="acc-role"
            value={role.value}
            onChange={(e) => (role.value = e.currentTarget.value as TRole)}
          >
            {grantableRoles(me.value?.user.role ?? 'viewer').map((r) => (
              <option key={r} value={r}>
                {t(ROLE_LABELS[r].vi, ROLE_LABELS[r].en)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="acc-unit">{t('Đơn vị', 'Unit')}</label>
          <select
            id="acc-unit"
            value={unitId.value}
            onChange={(e) => (unitId.value = e.currentTarget.value)}
          >
            {unitOptions(units.value)}
          </select>
        </div>
      </div>
      {error.value && (
        <p class="error" role="alert">
          {error.value}
        </p>
      )}
      <p>
        <button type="submit" disabled={busy.value}>
          {t('Tạo tài khoản', 'Create account')}
        </button>
      </p>
    </form>
  );
}
