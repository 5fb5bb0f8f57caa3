import { CompiledQuery, SqliteAdapter, sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';

type Q = Kysely<Database>;

/**
 * Counters of answers and responses. Each campaign × unit has its own leaf counters
 * (answer_counts, response_counts: authoritative) and, for the unit and every ancestor, rollup
 * rows pooled over the whole subtree (answer_rollups, response_rollups), so a unit's indices
 * read its own rows by key however large its subtree. Every write goes through addCounters, and
 * rebuildRollups derives the rollups from the leaves again, so the two cannot drift.
 */

export interface CounterValue {
  questionId: string;
  value: string;
  n: number;
}

export interface CounterUnit {
  id: string;
  /** Materialised path, '/HN/HN-TAYHO/…/': the ids of the unit's ancestors and its own. */
  path: string;
}

const isSqlite = (db: Q) => db.getExecutor().adapter instanceof SqliteAdapter;

/** The unit itself and every ancestor, root first. */
export function selfAndAncestors(path: string): string[] {
  return path.split('/').filter(Boolean);
}

/**
 * The unit's path, read in the submission's transaction. On PostgreSQL the row is share-locked:
 * a unit move (rebuildRollups) then waits for this submission, or this one waits for the move
 * and reads the new path, so rollups never land on a former ancestor.
 */
export async function counterUnit(db: Q, unitId: string): Promise<CounterUnit | undefined> {
  const q = db.selectFrom('units').select(['id', 'path']).where('id', '=', unitId);
  return (isSqlite(db) ? q : q.forShare()).executeTakeFirst();
}

/** Sums duplicate (question, value) pairs and sorts them: one upsert may touch a row only once. */
function merge(values: readonly CounterValue[]): CounterValue[] {
  const byKey = new Map<string, CounterValue>();
  for (const v of values) {
    const key = `${v.questionId}\0${v.value}`;
    const had = byKey.get(key);
    byKey.set(key, { ...v, n: (had?.n ?? 0) + v.n });
  }
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, v]) => v);
}

/**
 * Adds counts of one campaign × unit to its leaf counters and to the rollups of the unit and
 * its ancestors: four statements, whatever the depth. Rows go in one global order (table, then
 * unit, question, value), so concurrent PostgreSQL transactions lock counter rows in the same
 * order and cannot deadlock.
 */
export async function addCounters(
  db: Q,
  campaignId: string,
  unit: CounterUnit,
  answers: readonly CounterValue[],
  responses: { n: number; fast: number },
): Promise<void> {
  const values = merge(answers);
  const units = selfAndAncestors(unit.path).sort();
  const answerRows = (unitIds: string[]) =>
    unitIds.flatMap((u) => values.map((v) => [campaignId, u, v.questionId, v.value, v.n]));
  const responseRows = (unitIds: string[]) => unitIds.map((u) => [campaignId, u, responses.n, responses.fast]);
  if (values.length) await addRows(db, ANSWERS, 'answer_counts', answerRows([unit.id]));
  if (responses.n || responses.fast) await addRows(db, RESPONSES, 'response_counts', responseRows([unit.id]));
  if (values.length) await addRows(db, ANSWERS, 'answer_rollups', answerRows(units));
  if (responses.n || responses.fast) await addRows(db, RESPONSES, 'response_rollups', responseRows(units));
}

interface CounterShape {
  keys: string[];
  /** Columns added to the stored value on conflict. */
  sums: string[];
}
const ANSWERS: CounterShape = { keys: ['campaign_id', 'unit_id', 'question_id', 'value'], sums: ['n'] };
const RESPONSES: CounterShape = { keys: ['campaign_id', 'unit_id'], sums: ['n', 'fast_n'] };

/**
 * One multi-row "insert … on conflict do update set n = n + excluded.n" as plain SQL text. This
 * is the submission's hot path (about a hundred counter rows each): building it with the query
 * builder cost more CPU than SQLite's work; the text is the same for the same row count, so the
 * prepared statement is reused. Table and column names are constants above, never input.
 */
async function addRows(db: Q, shape: CounterShape, table: string, rows: unknown[][]): Promise<void> {
  const cols = [...shape.keys, ...shape.sums];
  let i = 0;
  const mark = isSqlite(db) ? () => '?' : () => `$${++i}`;
  const tuples = rows.map((r) => `(${r.map(mark).join(', ')})`).join(', ');
  const sets = shape.sums.map((c) => `${c} = ${table}.${c} + excluded.${c}`).join(', ');
  const text = `insert into ${table} (${cols.join(', ')}) values ${tuples} on conflict (${shape.keys.join(', ')}) do update set ${sets}`;
  await db.executeQuery(CompiledQuery.raw(text, rows.flat()));
}

/**
 * Derives every rollup again from the leaf counters and the current unit paths: after a unit
 * moved to another parent, its counts belong to new ancestors. Run it in the transaction that
 * moved the unit. On PostgreSQL the rollup tables are locked against concurrent submissions
 * until that transaction commits: a submission waiting on the lock adds its rollups afterwards,
 * on top of a rebuild that did not see its uncommitted leaf counts.
 */
export async function rebuildRollups(db: Q): Promise<void> {
  if (!isSqlite(db))
    await sql`lock table answer_rollups, response_rollups in exclusive mode`.execute(db);
  await db.deleteFrom('answer_rollups').execute();
  await db.deleteFrom('response_rollups').execute();
  // Each unit with its ancestors-or-self, by path prefix (the same SQL as the rollups migration).
  const pairs = sql`(select u.id as unit_id, anc.id as ancestor_id from units u
    join units anc on substr(u.path, 1, length(anc.path)) = anc.path)`;
  await sql`insert into answer_rollups (campaign_id, unit_id, question_id, value, n)
    select ac.campaign_id, p.ancestor_id, ac.question_id, ac.value, sum(ac.n)
    from answer_counts ac join ${pairs} p on p.unit_id = ac.unit_id
    group by ac.campaign_id, p.ancestor_id, ac.question_id, ac.value`.execute(db);
  await sql`insert into response_rollups (campaign_id, unit_id, n, fast_n)
    select rc.campaign_id, p.ancestor_id, sum(rc.n), sum(rc.fast_n)
    from response_counts rc join ${pairs} p on p.unit_id = rc.unit_id
    group by rc.campaign_id, p.ancestor_id`.execute(db);
}
