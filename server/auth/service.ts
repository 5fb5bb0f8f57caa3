import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../../db/clock.js';
import type { Db } from '../../db/index.js';
import {
  clearLoginAttempt,
  deleteSession,
  findSessionUser,
  getLoginAttempt,
  insertSession,
  putLoginAttempt,
} from '../../db/repositories/sessions.js';
import { findUserByEmail } from '../../db/repositories/users.js';
import type { User } from '../../db/schema.js';
import { AppError } from '../errors.js';
import { verifyPassword } from './password.js';

export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 15 * 60_000;

// Verified against when the e-mail is unknown, so timing does not reveal which accounts exist.
const DUMMY_HASH =
  'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export function sessionId(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

async function assertNotLocked(db: Db, keys: string[], now: Date): Promise<void> {
  for (const key of keys) {
    const a = await getLoginAttempt(db, key);
    if (a?.lockedUntil && a.lockedUntil > now.toISOString()) {
      throw new AppError(429, 'rate_limited', {
        vi: 'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút.',
        en: 'Too many failed sign-ins. Please try again in 15 minutes.',
      }, { retryAfter: a.lockedUntil });
    }
  }
}

async function recordFailure(db: Db, key: string, now: Date): Promise<void> {
  const a = await getLoginAttempt(db, key);
  const fresh = !a || now.getTime() - Date.parse(a.firstFailureAt) > FAILURE_WINDOW_MS;
  const failures = fresh ? 1 : a.failures + 1;
  await putLoginAttempt(db, key, {
    failures,
    firstFailureAt: fresh ? now.toISOString() : a.firstFailureAt,
    lockedUntil: failures >= MAX_FAILURES ? new Date(now.getTime() + LOCK_MS).toISOString() : null,
  });
}

/**
 * Checks the credentials and opens a session. Repeated failures lock the account and the
 * client address for a while (429), whichever fails first.
 */
export async function login(
  deps: { db: Db; clock: Clock; sessionHours: number },
  input: { email: string; password: string; ip: string },
): Promise<{ token: string; user: User; expiresAt: Date }> {
  const { db, clock } = deps;
  const now = clock();
  const email = input.email.trim().toLowerCase();
  const keys = [`email:${email}`, `ip:${input.ip}`];
  await assertNotLocked(db, keys, now);
  const user = await findUserByEmail(db, email);
  const ok = await verifyPassword(input.password, user?.password_hash ?? DUMMY_HASH);
  if (!user || !ok || user.disabled) {
    for (const key of keys) await recordFailure(db, key, now);
    throw new AppError(401, 'unauthenticated', {
      vi: 'Email hoặc mật khẩu không đúng.',
      en: 'Wrong e-mail or password.',
    });
  }
  await clearLoginAttempt(db, keys[0]!);
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + deps.sessionHours * 3600_000);
  await insertSession(db, {
    id: sessionId(token),
    userId: user.id,
    createdAt: now.toISOString(),
    expiresAt: expiresAt.toISOString(),
  });
  return { token, user, expiresAt };
}

export async function userForToken(db: Db, token: string, now: Date): Promise<User | undefined> {
  return findSessionUser(db, sessionId(token), now.toISOString());
}

export async function logout(db: Db, token: string): Promise<void> {
  await deleteSession(db, sessionId(token));
}

