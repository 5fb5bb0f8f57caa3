import { useSignal } from '@preact/signals';
import { t } from '../i18n.js';
import { useAppState } from '../state.js';

export function Login() {
  const { login, loginError } = useAppState();
  const email = useSignal('');
  const password = useSignal('');
  return (
    <main class="login">
      <h1>{t('Đăng nhập cán bộ', 'Staff sign-in')}</h1>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void login(email.value, password.value);
        }}
      >
        <label for="email">Email</label>
        <input
          id="email"
          type="email"
          autocomplete="username"
          required
          value={email.value}
          onInput={(e) => (email.value = e.currentTarget.value)}
        />
        <label for="password">{t('Mật khẩu', 'Password')}</label>
        <input
          id="password"
          type="password"
          autocomplete="current-password"
          required
          value={password.value}
          onInput={(e) => (password.value = e.currentTarget.value)}
        />
        {loginError.value && (
          <p class="error" role="alert">
            {loginError.value}
          </p>
        )}
        <p>
          <button type="submit">{t('Đăng nhập', 'Sign in')}</button>
        </p>
      </form>
    </main>
  );
}
