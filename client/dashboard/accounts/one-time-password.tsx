import { useSignal } from '@preact/signals';
import { t } from '../i18n.js';

/**
 * A one-time password, shown once: the admin copies it (or reads it out) and hands it over; the
 * server keeps only its hash, so closing this panel loses it (a reset makes a new one).
 */
export function OneTimePassword(props: { who: string; password: string; onClose: () => void }) {
  const copied = useSignal(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(props.password);
      copied.value = true;
    } catch {
      copied.value = false;
    }
  }
  return (
    <div class="notice one-time" role="status">
      <p>
        {t(`Mật khẩu dùng một lần của ${props.who}:`, `One-time password for ${props.who}:`)}{' '}
        <code class="password" aria-label={t('Mật khẩu dùng một lần', 'One-time password')}>
          {props.password}
        </code>
      </p>
      <p>
        <strong>
          {t(
            'Mật khẩu này chỉ hiện một lần. Hãy sao chép và trao tận tay người dùng; họ phải đổi mật khẩu ở lần đăng nhập đầu tiên.',
            'This password is shown only once. Copy it and hand it to the user in person; they must change it at their first sign-in.',
          )}
        </strong>
      </p>
      <p class="actions">
        <button type="button" onClick={() => void copy()}>
          {copied.value ? t('Đã sao chép', 'Copied') : t('Sao chép mật khẩu', 'Copy password')}
        </button>
        <button type="button" class="secondary" onClick={props.onClose}>
          {t('Đã ghi lại, đóng', 'Noted, close')}
        </button>
      </p>
    </div>
  );
}
