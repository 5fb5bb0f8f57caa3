import { useSignal } from '@preact/signals';
import { PASSWORD_MIN_LENGTH } from '../../../server/domain/accounts.js';
import { api, call } from '../api.js';
import { t } from '../i18n.js';
import { useAppState } from '../state.js';

/**
 * Đổi mật khẩu: the signed-in user's own password. The same form is the whole screen while the
 * account still has a one-time password (`forced`). The rules are checked here first so the
 * message is in the user's language; the server checks them again.
 */
export function PasswordForm(props: { forced?: boolean } = {}) {
  const { me, loadMe } = useAppState();
  const current = useSignal('');
  const next = useSignal('');
  const again = useSignal('');
  const error = useSignal<string | null>(null);
  const done = useSignal(false);

  async function submit(e: Event) {
    e.preventDefault();
    error.value = null;
    done.value = false;
    const email = me.value?.user.email.toLowerCase() ?? '';
    if (next.value.length < PASSWORD_MIN_LENGTH)
      error.value = t(
        `Mật khẩu mới cần ít nhất ${PASSWORD_MIN_LENGTH} ký tự.`,
        `The new password needs at least ${PASSWORD_MIN_LENGTH} characters.`,
      );
    else if (next.value.trim().toLowerCase() === email)
      error.value = t(
        'Mật khẩu mới không được trùng với email.',
        'The new password must not be your e-mail address.',
      );
    else if (next.value !== again.value)
      error.value = t('Hai lần nhập mật khẩu mới không khớp.', 'The two new passwords differ.');
    if (error.value) return;
    try {
      await call(
        api.api.auth.password.$post({ json: { current: current.value, next: next.value } }),
      );
      current.value = next.value = again.value = '';
      done.value = true;
      if (props.forced) await loadMe();
    } catch (err) {
      error.value = err instanceof Error ? err.message : String(err);
    }
  }

  const field = (id: string, label: string, value: { value: string }, autocomplete: string) => (
    <>
      <label for={id}>{label}</label>
      <input
        id={id}
        type="password"
        required
        autocomplete={autocomplete}
        value={value.value}
        onInput={(e) => (value.value = e.currentTarget.value)}
      />
    </>
  );
  return (
    <section class="password-form">
      <h1>{t('Đổi mật khẩu', 'Change password')}</h1>
      {props.forced && (
        <p class="notice">
          {t(
            'Bạn đang dùng mật khẩu tạm do quản trị viên cấp. Hãy đặt mật khẩu của riêng bạn trước khi tiếp tục.',
            'You are using a temporary password from an administrator. Choose your own before you go on.',
          )}
        </p>
      )}
      <form onSubmit={(e) => void submit(e)}>
        {field(
          'pw-current',
          t('Mật khẩu hiện tại', 'Current password'),
          current,
          'current-password',
        )}
        {field('pw-next', t('Mật khẩu mới', 'New password'), next, 'new-password')}
        <p class="muted" id="pw-rule">
          {t(
            `Ít nhất ${PASSWORD_MIN_LENGTH} ký tự, không trùng với email. Các phiên đăng nhập khác của bạn sẽ bị đóng.`,
            `At least ${PASSWORD_MIN_LENGTH} characters, not your e-mail address. Your other sessions will end.`,
          )}
        </p>
        {field('pw-again', t('Nhập lại mật khẩu mới', 'New password again'), again, 'new-password')}
        {error.value && (
          <p class="error" role="alert">
            {error.value}
          </p>
        )}
        {done.value && (
          <p class="ok" role="status">
            {t('Đã đổi mật khẩu.', 'Password changed.')}
          </p>
        )}
        <p>
          <button type="submit">{t('Đổi mật khẩu', 'Change password')}</button>
        </p>
      </form>
    </section>
  );
}
