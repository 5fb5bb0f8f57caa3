import { clearLoginAttempt } from '../../db/repositories/sessions.js';
import { deleteUserSessions, updateUser } from '../../db/repositories/users.js';
import type { User } from '../../db/schema.js';
import { recordAudit } from '../audit/service.js';
import { sessionId } from '../auth/service.js';
import { hashPassword, verifyPassword } from '../auth/password.js';
import { ACCOUNT_POLICY, claimAttempt } from '../auth/throttle.js';
import { AppError, invalid } from '../errors.js';
import type { AccountDeps } from './service.js';

function throttled(retryAt: string, now: Date): AppError {
  const minutes = Math.max(1, Math.ceil((Date.parse(retryAt) - now.getTime()) / 60_000));
  return new AppError(
    429,
    'rate_limited',
    {
      vi: `Nhập sai mật khẩu hiện tại nhiều lần. Vui lòng thử lại sau ${minutes} phút.`,
      en: `Too many wrong current passwords. Please try again in ${minutes} minutes.`,
    },
    { retryAfterSeconds: Math.ceil((Date.parse(retryAt) - now.getTime()) / 1000) },
  );
}

/**
 * POST /api/auth/password: the signed-in user replaces their password. The current one is checked
 * under the sign-in throttle of the account (a stolen session cannot guess it faster than a
 * sign-in could); the new one must not be the e-mail address nor the current password. Every other
 * session of the account ends; the one-time-password flag is cleared.
 */
export async function changeOwnPassword(
  deps: AccountDeps,
  user: User,
  token: string,
  input: { current: string; next: string },
): Promise<void> {
  const { db } = deps;
  const now = deps.clock();
  const next = input.next;
  const lowered = next.trim().toLowerCase();
  if (lowered === user.email.toLowerCase() || lowered === user.email.split('@')[0]!.toLowerCase()) {
    throw invalid([{ path: 'next', message: 'the new password must not be the e-mail address' }], {
      vi: 'Mật khẩu mới không được trùng với email.',
      en: 'The new password must not be your e-mail address.',
    });
  }
  if (next === input.current) {
    throw invalid(
      [{ path: 'next', message: 'the new password must differ from the current one' }],
      {
        vi: 'Mật khẩu mới phải khác mật khẩu hiện tại.',
        en: 'The new password must differ from the current one.',
      },
    );
  }
  const key = `email:${user.email}`;
  const claim = await claimAttempt(db, key, ACCOUNT_POLICY, now);
  if (!claim.ok) throw throttled(claim.retryAt, now);
  const ok = await deps.hashGate.run(() => verifyPassword(input.current, user.password_hash));
  if (!ok) {
    throw invalid([{ path: 'current', message: 'wrong current password' }], {
      vi: 'Mật khẩu hiện tại không đúng.',
      en: 'The current password is wrong.',
    });
  }
  await clearLoginAttempt(db, key);
  const hash = await deps.hashGate.run(() => hashPassword(next, deps.scrypt));
  await db.transaction().execute(async (trx) => {
    await updateUser(trx, user.id, { password_hash: hash, must_change_password: 0 });
    await deleteUserSessions(trx, user.id, sessionId(token));
    await recordAudit(trx, {
      at: now,
      userId: user.id,
      action: 'change_password',
      kind: 'user',
      objectId: user.id,
      unitId: user.unit_id,
      summary: `${user.name} (${user.email}) đổi mật khẩu của mình`,
    });
  });
}
