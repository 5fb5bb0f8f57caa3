import { sql } from 'kysely';
import type { Db, DbHandle } from './index.js';
import type { Database } from './schema.js';

/**
 * Tables in an order that satisfies foreign keys. Tables not listed (added by later migrations)
 * are copied after these, in name order.
 */
const ORDER = [
  'units',
  'users',
  'surveys',
  'campaigns',
  'campaign_units',
  'campaign_tokens',
  'responses',
  'answer_counts',
  'response_counts',
  'text_answers',
  'feedback',
  'feedback_contacts',
  'feedback_events',
  'holidays',
  'dialogues',
  'dialogue_groups',
  'dialogue_questions',
  'dialogue_contacts',
];
/** Not worth moving: they expire on their own. */
const SKIP = new Set(['sessions', 'login_attempts']);

type Row = Record<string, unknown>;

export async function userTables(db: Db): Promise<string[]> {
  const tables = await db.introspection.getTables();
  // PostgreSQL lists every schema's tables: keep the ones this connection works in.
  const current = tables.some((t) => t.schema)
    ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s
    : undefined;
  const names = tables.filter((t) => !current || t.schema === current).map((t) => t.name);
  const present = names.filter((n) => !n.startsWith('kysely_') && !SKIP.has(n));
  const known = ORDER.filter((t) => present.includes(t));
  return [...known, ...present.filter((t) => !ORDER.includes(t)).sort()];
}

export async function countRows(db: Db, table: string): Promise<number> {
  const r = await sql<{
    n: number | string;
  }>`select count(*) as n from ${sql.table(table)}`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

async function* readRows(src: DbHandle, table: string): AsyncGenerator<Row[]> {
  // Parents before children inside the self-referencing unit tree.
  const order = table === 'units' ? sql`length(path), path` : sql`1`;
  const page = 5000;
  for (let offset = 0; ; offset += page) {
    const r =
      await sql<Row>`select * from ${sql.table(table)} order by ${order} limit ${page} offset ${offset}`.execute(
        src.db,
      );
    if (r.rows.length) yield r.rows;
    if (r.rows.length < page) return;
  }
}

/**
 * Copies every row of every table from one migrated database to another, empty, migrated one
 * (SQLite → PostgreSQL, or back), in one transaction on the target. Returns rows per table.
 */
export async function copyDatabase(
  src: DbHandle,
  dst: DbHandle,
  log: (s: string) => void = () => {},
): Promise<Record<string, number>> {
  const tables = await userTables(src.db);
  for (const t of tables) {
    if ((await countRows(dst.db, t)) > 0) throw new Error(`target table ${t} is not empty`);
  }
  const copied: Record<string, number> = {};
  await dst.db.transaction().execute(async (trx) => {
    for (const t of tables) {
      let n = 0;
      for await (const rows of readRows(src, t)) {
        const cols = Object.keys(rows[0]!).length || 1;
        const batch = Math.max(1, Math.floor(30000 / cols));
        for (let i = 0; i < rows.length; i += batch) {
          // Schema-driven, not typed: it moves whatever tables the migrations made.
          await trx
            .insertInto(t as keyof Database)
            .values(rows.slice(i, i + batch) as never)
            .execute();
        }
        n += rows.length;
      }
      copied[t] = n;
      log(`  ${t.padEnd(20)} ${n} rows`);
    }
  });
  return copied;
}
