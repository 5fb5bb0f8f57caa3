import { CompiledQuery, SqliteAdapter, sql } from 'kysely';
import type { Db } from '../index.js';
import { addCounterGroups, type CounterGroup } from './rollups.js';

/**
 * The submission's write, one batch per transaction: each response stored, its token claimed,
 * its text answers kept, and the whole batch counted into the counters (leaf and every
 * ancestor's rollups, summed over the batch first) in the SAME commit. A response is counted
 * exactly once by construction: it and its counts commit together or not at all; there is no
 * separate tally and nothing to settle before a read.
 *
 * Statements are constant SQL texts (prepared once and reused by the SQLite driver's cache;
 * no query is built per request). The batch is checked up front (the caller validated each
 * record), so no savepoint per record: a record that cannot be written (its clientId is stored
 * already, its token was used) writes nothing, or gives back the token it claimed. A batch that fails
 * for any other reason is rolled back and its records retried one per transaction, so only the
 * faulty one fails.
 */

/** What the main thread hands over for one validated submission: plain data, cloneable. */
export interface WriteRecord {
  id: string;
  campaignId: string;
  unitId: string;
  clientId: string;
  tokenCode: string | null;
  surveyVersion: number;
  /** The validated answers, JSON. */
  answers: string;
  startedAt: string | null;
  submittedAt: string;
  durationMs: number | null;
  channel: string;
  fingerprint: string;
  /** Open answers: [questionId, text]. */
  texts: [string, string][];
  /** What it adds to the counters (surveys/counting.ts, computed by the caller). */
  values: [string, string][];
  scores: [string, number][];
  fast: 0 | 1;
}

export type WriteResult =
  | { kind: 'created'; id: string }
  /** Its clientId was stored already (a retry): the original response. */
  | { kind: 'duplicate'; id: string; campaignId: string }
  | { kind: 'token_used' };

const isSqlite = (db: Db) => db.getExecutor().adapter instanceof SqliteAdapter;

/** SQL texts written with `?`; PostgreSQL gets $1, $2 … once per text. */
const pgTexts = new Map<string, string>();
function text(sqlite: boolean, q: string): string {
  if (sqlite) return q;
  let t = pgTexts.get(q);
  if (!t) {
    let i = 0;
    t = q.replace(/\?/g, () => `$${++i}`);
    pgTexts.set(q, t);
  }
  return t;
}

const INSERT_RESPONSE = `insert into responses (id, campaign_id, unit_id, client_id, token_code,
  survey_version, answers, started_at, submitted_at, duration_ms, channel, fingerprint)
  values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (client_id) do nothing`;
const BY_CLIENT = `select id, campaign_id from responses where client_id = ?`;
const CLAIM_TOKEN = `update campaign_tokens set used_at = ?, response_id = ?
  where code = ? and used_at is null`;
const UNCLAIM_TOKEN = `update campaign_tokens set used_at = null, response_id = null
  where code = ? and response_id = ?`;
const INSERT_TEXT = `insert into text_answers (response_id, question_id, campaign_id, unit_id,
  text, submitted_at) values (?, ?, ?, ?, ?, ?)`;
const UNIT_PATH = `select path from units where id = ?`;

/** The writer's statements, for their query-plan test. */
export const SUBMISSION_SQL = {
  INSERT_RESPONSE,
  BY_CLIENT,
  CLAIM_TOKEN,
  UNCLAIM_TOKEN,
  INSERT_TEXT,
  UNIT_PATH,
} as const;

async function run(db: Db, sqlite: boolean, q: string, params: unknown[]): Promise<number> {
  const res = await db.executeQuery(CompiledQuery.raw(text(sqlite, q), params));
  return Number(res.numAffectedRows ?? 0);
}
async function rows<T>(db: Db, sqlite: boolean, q: string, params: unknown[]): Promise<T[]> {
  return (await db.executeQuery<T>(CompiledQuery.raw(text(sqlite, q), params))).rows;
}

/** Writes the records inside the caller's transaction; one result per record, in order. */
export async function writeBatchIn(
  trx: Db,
  records: readonly WriteRecord[],
): Promise<WriteResult[]> {
  const sqlite = isSqlite(trx);
  const results: WriteResult[] = [];
  const written: WriteRecord[] = [];
  for (const r of records) {
    // The token first, as it names the response (responses.token_code is unique too).
    const claimed =
      !r.tokenCode ||
      (await run(trx, sqlite, CLAIM_TOKEN, [r.submittedAt, r.id, r.tokenCode])) === 1;
    const inserted = claimed
      ? await run(trx, sqlite, INSERT_RESPONSE, [
          r.id,
          r.campaignId,
          r.unitId,
          r.clientId,
          r.tokenCode,
          r.surveyVersion,
          r.answers,
          r.startedAt,
          r.submittedAt,
          r.durationMs,
          r.channel,
          r.fingerprint,
        ])
      : 0;
    if (inserted !== 1) {
      // A retry of a stored response is answered with it, even when its token is used by then.
      const [was] = await rows<{ id: string; campaign_id: string }>(trx, sqlite, BY_CLIENT, [
        r.clientId,
      ]);
      if (claimed && r.tokenCode) await run(trx, sqlite, UNCLAIM_TOKEN, [r.tokenCode, r.id]);
      if (was) results.push({ kind: 'duplicate', id: was.id, campaignId: was.campaign_id });
      else if (!claimed) results.push({ kind: 'token_used' });
      else throw new Error('client_id conflict without a stored response');
      continue;
    }
    for (const [questionId, t] of r.texts)
      await run(trx, sqlite, INSERT_TEXT, [
        r.id,
        questionId,
        r.campaignId,
        r.unitId,
        t,
        r.submittedAt,
      ]);
    written.push(r);
    results.push({ kind: 'created', id: r.id });
  }
  await countIn(trx, sqlite, written);
  return results;
}

/**
 * Adds the written records to the counters. The units' paths are read in this transaction (on
 * PostgreSQL share-locked): a unit move (rebuildRollups) waits for this batch, or this batch
 * waits for the move and reads the new path, so rollups never land on a former ancestor.
 */
async function countIn(trx: Db, sqlite: boolean, written: readonly WriteRecord[]): Promise<void> {
  if (!written.length) return;
  const paths = new Map<string, string>();
  for (const id of [...new Set(written.map((r) => r.unitId))].sort()) {
    const [u] = await rows<{ path: string }>(
      trx,
      sqlite,
      sqlite ? UNIT_PATH : `${UNIT_PATH} for share`,
      [id],
    );
    if (!u) throw new Error(`a response names a missing unit ${id}`);
    paths.set(id, u.path);
  }
  const groups: CounterGroup[] = written.map((r) => ({
    campaignId: r.campaignId,
    unit: { id: r.unitId, path: paths.get(r.unitId)! },
    channel: r.channel,
    answers: r.values.map(([questionId, value]) => ({ questionId, value, n: 1 })),
    responses: { n: 1, fast: r.fast },
    scores: r.scores.map(([scope, s]) => ({ scope, n: 1, s, ss: s * s })),
  }));
  await addCounterGroups(trx, groups);
}

/**
 * One transaction for the batch (SQLite: BEGIN IMMEDIATE, the write lock taken first, so a
 * second process committing meanwhile cannot make it fail halfway). Resolves after the commit.
 * If the batch fails, each record is tried alone and only the failing ones reject.
 */
export async function writeBatch(
  db: Db,
  records: readonly WriteRecord[],
): Promise<({ ok: true; value: WriteResult } | { ok: false; error: unknown })[]> {
  try {
    return (await transaction(db, (trx) => writeBatchIn(trx, records))).map((value) => ({
      ok: true as const,
      value,
    }));
  } catch (error) {
    if (records.length === 1) return [{ ok: false, error }];
    const out: ({ ok: true; value: WriteResult } | { ok: false; error: unknown })[] = [];
    for (const r of records) out.push(...(await writeBatch(db, [r])));
    return out;
  }
}

function transaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  if (!isSqlite(db)) return db.transaction().execute(work);
  return db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const value = await work(conn);
      await sql`commit`.execute(conn);
      return value;
    } catch (e) {
      await sql`rollback`.execute(conn).catch(() => {});
      throw e;
    }
  });
}
