import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../../db/clock.js';
import type { Db } from '../../db/index.js';
import {
  clearLoginAttempt,
  deleteSession,
  findSessionUser,
  insertSession,
  isKnownSignIn,
  releaseLoginAttempt,
  rememberSignIn,
} from '../../db/repositories/sessions.js';
import { findUserByEmail, updateUserPassword } from '../../db/repositories/users.js';
import type { User } from '../../db/schema.js';
import { AppError } from '../errors.js';
import type { HashGate } from './hash-gate.js';
import { hashPassword, needsRehash, verifyPassword, type ScryptParams } from './password.js';
import { ACCOUNT_POLICY, ADDRESS_POLICY, claimAttempt } from './throttle.js';

// Verified against when the e-mail is unknown, so timing does not reveal which accounts exist.
const DUMMY_HASH =
  'scrypt$131072$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export function sessionId(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function throttled(retryAt: string, now: Date): AppError {
  const seconds = Math.max(1, Math.ceil((Date.parse(retryAt) - now.getTime()) / 1000));
  const wait =
    seconds < 120
      ? { vi: `${seconds} giây`, en: `${seconds} seconds` }
      : { vi: `${Math.ceil(seconds / 60)} phút`, en: `${Math.ceil(seconds / 60)} minutes` };
  return new AppError(
    429,
    'rate_limited',
    {
      vi: `Đăng nhập sai nhiều lần. Vui lòng thử lại sau ${wait.vi}.`,
      en: `Too many failed sign-ins. Please try again in ${wait.en}.`,
    },
    { retryAfterSeconds: seconds },
  );
}

const digest = (s: string) => createHash('sha256').update(s).digest('hex');

export interface LoginDeps {
  db: Db;
  clock: Clock;
  sessionHours: number;
  hashGate: HashGate;
  /** The cost new hashes get (production: OWASP's, server/auth/password.ts PARAMS). */
  scrypt: ScryptParams;
}

/**
 * Counts this attempt against the account and the address, unless the client is known (a device
 * cookie from an earlier sign-in passes both, a known address the account's); 429 while a delay
 * is in force. Returns the counters it claimed, to give back if the password is right.
 */
async function passThrottles(
  db: Db,
  user: User | undefined,
  email: string,
  input: { ip: string; deviceToken?: string },
  now: Date,
) {
  const deviceKey = input.deviceToken ? `device:${digest(input.deviceToken)}` : null;
  // Without a socket address (an in-process request) there is no address to know.
  const addressKey = input.ip === 'unknown' ? null : `address:${input.ip}`;
  const knownDevice = !!(user && deviceKey && (await isKnownSignIn(db, user.id, [deviceKey])));
  const knownAddress = !!(
    user &&
    addressKey &&
    !knownDevice &&
    (await isKnownSignIn(db, user.id, [addressKey]))
  );
  const claimed: string[] = [];
  for (const [key, policy, skip] of [
    [`ip:${input.ip}`, ADDRESS_POLICY, knownDevice],
    [`email:${email}`, ACCOUNT_POLICY, knownDevice || knownAddress],
  ] as const) {
    if (skip) continue;
    const claim = await claimAttempt(db, key, policy, now);
    if (!claim.ok) throw throttled(claim.retryAt, now);
    claimed.push(key);
  }
  return { claimed, knownDevice, addressKey };
}

/**
 * Checks the credentials and opens a session. Every attempt is counted per account and per
 * client address before the password is checked (server/auth/throttle.ts): past a few, each must
 * wait a doubling delay (429). The owner still gets in during a stranger's guessing: a browser
 * that signed in to the account before (its device cookie) passes both throttles, an address the
 * account signed in from before passes the account's. Hashing runs through `hashGate`.
 */
export async function login(
  deps: LoginDeps,
  input: { email: string; password: string; ip: string; deviceToken?: string },
): Promise<{ token: string; user: User; expiresAt: Date; deviceToken: string }> {
  const { db, clock } = deps;
  const now = clock();
  const email = input.email.trim().toLowerCase();
  const user = await findUserByEmail(db, email);
  const { claimed, knownDevice, addressKey } = await passThrottles(db, user, email, input, now);
  const stored = user?.password_hash ?? DUMMY_HASH;
  const ok = await deps.hashGate.run(() => verifyPassword(input.password, stored));
  if (!user || !ok || user.disabled) {
    throw new AppError(401, 'unauthenticated', {
      vi: 'Email hoặc mật khẩu không đúng.',
      en: 'Wrong e-mail or password.',
    });
  }
  // The right password: this attempt was no guess. A bypassed account counter is left as it is,
  // so whoever is guessing gains nothing from the owner's sign-in.
  for (const key of claimed) {
    if (key.startsWith('email:')) await clearLoginAttempt(db, key);
    else await releaseLoginAttempt(db, key);
  }
  if (needsRehash(user.password_hash, deps.scrypt)) {
    await updateUserPassword(
      db,
      user.id,
      await deps.hashGate.run(() => hashPassword(input.password, deps.scrypt)),
    );
  }
  const deviceToken = knownDevice ? input.deviceToken! : randomBytes(24).toString('base64url');
  await rememberSignIn(db, user.id, `device:${digest(deviceToken)}`, now.toISOString());
  if (addressKey) await rememberSignIn(db, user.id, addressKey, now.toISOString());
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + deps.sessionHours * 3600_000);
  await insertSession(db, {
    id: sessionId(token),
    userId: user.id,
    createdAt: now.toISOString(),
    expiresAt: expiresAt.toISOString(),
  });
  return { token, user, expiresAt, deviceToken };
}

export async function userForToken(db: Db, token: string, now: Date): Promise<User | undefined> {
  return findSessionUser(db, sessionId(token), now.toISOString());
}

export async function logout(db: Db, token: string): Promise<void> {
  await deleteSession(db, sessionId(token));
}
