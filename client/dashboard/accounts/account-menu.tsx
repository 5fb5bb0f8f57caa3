import { useRef } from 'preact/hooks';
import { t } from '../i18n.js';
import { useAppState } from '../state.js';

/**
 * The account menu in the header: who is signed in, Đổi mật khẩu and Đăng xuất, folded behind one
 * button so the phone's header keeps room for the unit's name.
 */
export function AccountMenu() {
  const { me, navigate, logout } = useAppState();
  const ref = useRef<HTMLDetailsElement>(null);
  const close = () => ref.current?.removeAttribute('open');
  const user = me.value?.user;
  if (!user) return null;
  return (
    <details class="account-menu" ref={ref}>
      <summary>
        {t('Cá nhân', 'Me')}
        <span aria-hidden="true"> ▾</span>
      </summary>
      <div class="panel">
        <p>
          <strong>{user.name}</strong>
          <br />
          <span class="muted">{user.email}</span>
        </p>
        <button
          type="button"
          class="secondary"
          onClick={() => {
            close();
            navigate('/app/password');
          }}
        >
          {t('Đổi mật khẩu', 'Change password')}
        </button>
        <button
          type="button"
          class="secondary"
          onClick={() => {
            close();
            void logout();
          }}
        >
          {t('Đăng xuất', 'Sign out')}
        </button>
      </div>
    </details>
  );
}
