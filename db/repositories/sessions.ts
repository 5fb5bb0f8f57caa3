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
  const row = await db.selectFrom('login_attempts').selectAll().where('key', '=', key).executeTakeFirst();
  return row && {
    failures: row.failures,
    firstFailureAt: row.first_failure_at,
    lockedUntil: row.locked_until,
  };
}

export async function putLoginAttempt(db: Db, key: string, a: LoginAttempt): Promise<void> {
  await db
    .insertInto('login_attempts')
    .values({ key, failures: a.failures, first_failure_at: a.firstFailureAt, locked_until: a.lockedUntil })
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
