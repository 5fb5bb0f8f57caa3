import { sql } from 'kysely';
import type { Db } from '../index.js';
import type { NewUser, User, UserUpdate } from '../schema.js';

export async function findUserByEmail(db: Db, email: string): Promise<User | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', email.trim().toLowerCase())
    .executeTakeFirst();
}

export async function insertUser(db: Db, user: NewUser): Promise<void> {
  await db
    .insertInto('users')
    .values({ ...user, email: user.email.trim().toLowerCase() })
    .execute();
}

export async function updateUserPassword(db: Db, id: string, passwordHash: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', id).execute();
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function getUser(db: Db, id: string): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The accounts whose unit lies in the subtree whose root path is `rootPath`, by unit then name. */
export async function listUsersUnder(db: Db, rootPath: string): Promise<User[]> {
  return db
    .selectFrom('users')
    .innerJoin('units', 'units.id', 'users.unit_id')
    .selectAll('users')
    .where(sql<string>`substr(units.path, 1, ${rootPath.length})`, '=', rootPath)
    .orderBy('units.path')
    .orderBy('users.name')
    .orderBy('users.id')
    .execute();
}

export async function updateUser(db: Db, id: string, set: UserUpdate): Promise<void> {
  await db.updateTable('users').set(set).where('id', '=', id).execute();
}

/** Ends every session of the account, but `keep` (the caller's own session) when given. */
export async function deleteUserSessions(db: Db, userId: string, keep?: string): Promise<void> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keep) q = q.where('id', '!=', keep);
  await q.execute();
}

/** Names of accounts by id (the audit trail shows who, not an id). */
export async function userNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
