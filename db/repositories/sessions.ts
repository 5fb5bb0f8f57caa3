import type { Db } from '../index.js';
import type { User } from '../schema.js';

export async function insertSession(
  db: Db,
  s: { id: string; userId: string; createdAt: string; expiresAt: string },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({ id: s.id, user_id: s.userId, created_at: s.createdAt, expires_at: s.expiresAt })
    .execute();
}

/** The user of a live session, or undefined when unknown, expired or disabled. */
export async function findSessionUser(db: Db, id: string, now: string): Promise<User | undefined> {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .where('sessions.id', '=', id)
    .where('sessions.expires_at', '>', now)
    .where('users.disabled', '=', 0)
    .executeTakeFirst();
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteExpiredSessions(db: Db, now: string): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}

export interface LoginAttempt {
  failures: number;
  firstFailureAt: string;
  lockedUntil: string | null;
}

export async function getLoginAttempt(db: Db, key: string): Promise<LoginAttempt | undefined> {
  const row = await db
    .selectFrom('login_attempts')
    .selectAll()
    .where('key', '=', key)
    .executeTakeFirst();
  return (
    row && {
      failures: row.failures,
      firstFailureAt: row.first_failure_at,
      lockedUntil: row.locked_until,
    }
  );
}

export async function putLoginAttempt(db: Db, key: string, a: LoginAttempt): Promise<void> {
  await db
    .insertInto('login_attempts')
    .values({
      key,
      failures: a.failures,
      first_failure_at: a.firstFailureAt,
      locked_until: a.lockedUntil,
    })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: a.failures,
        first_failure_at: a.firstFailureAt,
        locked_until: a.lockedUntil,
      }),
    )
    .execute();
}

export async function clearLoginAttempt(db: Db, key: string): Promise<void> {
  await db.deleteFrom('login_attempts').where('key', '=', key).execute();
}

/** Creates the attempt row unless one exists; true when this call created it. */
export async function insertLoginAttemptIfAbsent(
  db: Db,
  key: string,
  a: LoginAttempt,
): Promise<boolean> {
  const r = await db
    .insertInto('login_attempts')
    .values({
      key,
      failures: a.failures,
      first_failure_at: a.firstFailureAt,
      locked_until: a.lockedUntil,
    })
    .onConflict((oc) => oc.column('key').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

/**
 * Replaces `seen` with `next` only if the row still is `seen` (compare-and-set): of several
 * concurrent sign-ins that read the same row, exactly one moves it on.
 */
export async function replaceLoginAttempt(
  db: Db,
  key: string,
  seen: LoginAttempt,
  next: LoginAttempt,
): Promise<boolean> {
  const r = await db
    .updateTable('login_attempts')
    .set({
      failures: next.failures,
      first_failure_at: next.firstFailureAt,
      locked_until: next.lockedUntil,
    })
    .where('key', '=', key)
    .where('failures', '=', seen.failures)
    .where('first_failure_at', '=', seen.firstFailureAt)
    .where('locked_until', seen.lockedUntil === null ? 'is' : '=', seen.lockedUntil)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Gives back one counted attempt (a sign-in that succeeded), never below zero. */
export async function releaseLoginAttempt(db: Db, key: string): Promise<void> {
  await db
    .updateTable('login_attempts')
    .set((eb) => ({ failures: eb('failures', '-', 1) }))
    .where('key', '=', key)
    .where('failures', '>', 0)
    .execute();
}

/** Attempt rows with no lock in force whose first failure is older than `before`. */
export async function deleteStaleLoginAttempts(db: Db, now: string, before: string): Promise<void> {
  await db
    .deleteFrom('login_attempts')
    .where('first_failure_at', '<', before)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .execute();
}

/** Whether the account has signed in before from any of these keys (device hash, address). */
export async function isKnownSignIn(db: Db, userId: string, keys: string[]): Promise<boolean> {
  if (!keys.length) return false;
  const row = await db
    .selectFrom('known_sign_ins')
    .select('key')
    .where('user_id', '=', userId)
    .where('key', 'in', keys)
    .executeTakeFirst();
  return !!row;
}

export async function rememberSignIn(
  db: Db,
  userId: string,
  key: string,
  at: string,
): Promise<void> {
  await db
    .insertInto('known_sign_ins')
    .values({ user_id: userId, key, last_at: at })
    .onConflict((oc) => oc.columns(['user_id', 'key']).doUpdateSet({ last_at: at }))
    .execute();
}

export async function deleteStaleKnownSignIns(db: Db, before: string): Promise<void> {
  await db.deleteFrom('known_sign_ins').where('last_at', '<', before).execute();
}
