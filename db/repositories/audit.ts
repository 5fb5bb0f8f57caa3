import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../index.js';
import type { AuditEvent, NewAuditEvent } from '../schema.js';

let seq = 0;

/**
 * Audit ids sort in the order the events were written, even within one millisecond (a fixed
 * clock, several changes in one request): the time, a per-process counter, then randomness.
 */
export function auditEventId(at: string): string {
  seq = (seq + 1) % 1e9;
  return `${at}~${String(seq).padStart(9, '0')}~${randomBytes(4).toString('hex')}`;
}

export async function insertAuditEvent(db: Db, e: NewAuditEvent): Promise<void> {
  await db.insertInto('audit_events').values(e).execute();
}

export interface AuditFilter {
  /** Path of the subtree's root unit: events of units under it. */
  rootPath: string;
  /** ISO bounds, `from` included, `to` excluded. */
  from?: string;
  to?: string;
  kind?: string;
  limit: number;
  offset: number;
}

export type AuditRow = AuditEvent & { unit_name: string; user_name: string | null };

/** One page of a subtree's audit trail, newest first, with the unit's and the author's names. */
export async function listAuditEvents(
  db: Db,
  f: AuditFilter,
): Promise<{ rows: AuditRow[]; total: number }> {
  let q = db
    .selectFrom('audit_events')
    .innerJoin('units', 'units.id', 'audit_events.unit_id')
    .leftJoin('users', 'users.id', 'audit_events.user_id')
    .where(sql<string>`substr(units.path, 1, ${f.rootPath.length})`, '=', f.rootPath);
  if (f.from) q = q.where('audit_events.at', '>=', f.from);
  if (f.to) q = q.where('audit_events.at', '<', f.to);
  if (f.kind) q = q.where('audit_events.object_kind', '=', f.kind);
  const [rows, count] = await Promise.all([
    q
      .selectAll('audit_events')
      .select(['units.name as unit_name', 'users.name as user_name'])
      .orderBy('audit_events.at', 'desc')
      .orderBy('audit_events.id', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
