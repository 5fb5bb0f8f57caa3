import { CompiledQuery, SqliteAdapter, sql } from 'kysely';
import type { Db } from '../index.js';
import {
  counterValues,
  isFast,
  responseScores,
  type CountedAnswer,
} from '../../surveys/counting.js';
import type { TSurveyDefinition } from '../../surveys/schema.js';
import { addCounterGroups, type CounterGroup } from './rollups.js';

/**
 * The tally's SQL: counting stored responses into the counters, a batch per transaction.
 *
 * A submission stores its response with counted = 0 and is acknowledged after that one durable
 * commit. The tally then takes the uncounted responses a batch at a time and, in ONE
 * transaction, adds them to the leaf counters and rollups and marks them counted: a crash
 * before that commit leaves them uncounted (the next tally takes them), after it they are
 * counted once. A batch sums its responses first, so the office and Department rollups shared
 * by a batch are written once, not once per response.
 *
 * These are plain functions over a handle or a transaction: nothing here schedules work or
 * keeps state. When they run is decided by the counting worker (server/counting/tally.ts), and
 * readers of counters settle through it first (in the service layer, never in a repository).
 */

/**
 * The definition of a stored questionnaire version, read through `via` (the caller's
 * transaction or connection). Supplied by the caller: it owns the (validated) definition cache.
 */
export type DefinitionSource = (
  via: Db,
  surveyId: string,
  version: number,
) => Promise<TSurveyDefinition | undefined>;

const isSqlite = (db: Db) => db.getExecutor().adapter instanceof SqliteAdapter;

interface Pending {
  id: string;
  campaign_id: string;
  unit_id: string;
  survey_id: string;
  survey_version: number;
  answers: string;
  duration_ms: number | null;
}

async function definitionsFor(
  db: Db,
  rows: Pending[],
  source: DefinitionSource,
): Promise<Map<string, TSurveyDefinition>> {
  const known = new Map<string, TSurveyDefinition>();
  for (const r of rows) {
    const key = `${r.survey_id}@${r.survey_version}`;
    if (known.has(key)) continue;
    const def = await source(db, r.survey_id, r.survey_version);
    if (!def) throw new Error(`response ${r.id} names a missing questionnaire ${key}`);
    known.set(key, def);
  }
  return known;
}

/**
 * Counts up to `limit` uncounted responses in one transaction; returns how many. On PostgreSQL
 * the rows are locked (FOR UPDATE, and re-read as counted if another server counted them
 * meanwhile), so several servers tally side by side without counting a response twice; the
 * background tally skips rows another is counting instead of waiting (`wait: false`). The units
 * are share-locked: a unit move (rebuildRollups) waits for this tally, or this tally waits for
 * the move and reads the new path, so rollups never land on a former ancestor.
 */
export async function tallyPending(
  db: Db,
  limit: number,
  opts: { wait?: boolean; definitions: DefinitionSource },
): Promise<number> {
  const wait = opts.wait ?? false;
  const defs = opts.definitions;
  if (db.isTransaction) return countBatch(db, limit, wait, defs);
  if (!isSqlite(db)) return db.transaction().execute((trx) => countBatch(trx, limit, wait, defs));
  // SQLite: take the write lock first (BEGIN IMMEDIATE). A transaction that read first and then
  // wrote would fail at once if another process (a second server, a CLI) committed in between.
  return db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const n = await countBatch(conn, limit, wait, defs);
      await sql`commit`.execute(conn);
      return n;
    } catch (e) {
      await sql`rollback`.execute(conn).catch(() => {});
      throw e;
    }
  });
}

/** The readers' look for any uncounted response (exported for its query-plan test). */
export function uncountedCheck(db: Db) {
  return db.selectFrom('responses').select('id').where('counted', '=', 0).limit(1);
}

/** Responses per transaction when everything left is counted at once. */
const SETTLE_BATCH = 256;

/**
 * Counts until nothing is left, waiting for rows another server is counting. Inside a
 * transaction (a caller that writes and reads counters together) it counts what that
 * transaction can see.
 */
export async function tallyAll(db: Db, definitions: DefinitionSource): Promise<void> {
  while ((await tallyPending(db, SETTLE_BATCH, { wait: true, definitions })) > 0);
}

async function countBatch(
  trx: Db,
  limit: number,
  wait: boolean,
  source: DefinitionSource,
): Promise<number> {
  const sqlite = isSqlite(trx);
  const rows = (
    await sql<Pending>`select r.id, r.campaign_id, r.unit_id, c.survey_id, r.survey_version,
        r.answers, r.duration_ms
      from responses r join campaigns c on c.id = r.campaign_id
      where r.counted = 0
      order by r.submitted_at, r.id
      limit ${limit} ${sqlite ? sql`` : wait ? sql`for update of r` : sql`for update of r skip locked`}`.execute(
      trx,
    )
  ).rows;
  if (!rows.length) return 0;
  const defs = await definitionsFor(trx, rows, source);
  const unitIds = [...new Set(rows.map((r) => r.unit_id))].sort();
  const units = await trx
    .selectFrom('units')
    .select(['id', 'path'])
    .where('id', 'in', unitIds)
    .orderBy('id')
    .$call((q) => (sqlite ? q : q.forShare()))
    .execute();
  const paths = new Map(units.map((u) => [u.id, u.path]));

  const groups: CounterGroup[] = rows.map((r) => {
    const path = paths.get(r.unit_id);
    if (!path) throw new Error(`response ${r.id} names a missing unit ${r.unit_id}`);
    const answers = JSON.parse(r.answers) as Record<string, CountedAnswer>;
    const def = defs.get(`${r.survey_id}@${r.survey_version}`)!;
    return {
      campaignId: r.campaign_id,
      unit: { id: r.unit_id, path },
      answers: counterValues(def, answers).map((v) => ({ ...v, n: 1 })),
      responses: { n: 1, fast: isFast(r.duration_ms, Object.keys(answers).length) ? 1 : 0 },
      // In the same transaction as the other counters: counted once, with the response.
      scores: responseScores(def, answers).map(({ scope, s }) => ({ scope, n: 1, s, ss: s * s })),
    };
  });
  await addCounterGroups(trx, groups);
  const ids = rows.map((r) => r.id);
  const marks = ids.map((_, i) => (sqlite ? '?' : `$${i + 1}`)).join(', ');
  await trx.executeQuery(
    CompiledQuery.raw(`update responses set counted = 1 where id in (${marks})`, ids),
  );
  return rows.length;
}
