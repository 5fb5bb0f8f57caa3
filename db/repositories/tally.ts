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
import { getSurveyRow } from './surveys.js';

/**
 * The tally: counting stored responses into the counters, off the submission's path.
 *
 * A submission stores its response with counted = 0 and is acknowledged after that one durable
 * commit. The tally then takes the uncounted responses a batch at a time and, in ONE
 * transaction, adds them to the leaf counters and rollups and marks them counted: a crash
 * before that commit leaves them uncounted (the next tally takes them), after it they are
 * counted once. A batch sums its responses first, so the office and Department rollups shared
 * by a batch are written once, not once per response.
 *
 * Readers of counters call settleCounts first, so every acknowledged response is in the figures
 * read after it, whichever server process stored it.
 */

/**
 * Responses per tally transaction in the background: 3–5 ms of work each here. Submissions wait
 * behind a slice for the one connection, so longer slices lengthened their tail (bench/).
 */
export const SLICE = 8;
/** Uncounted responses of this process above which a submission waits for the tally. */
export const MAX_BACKLOG = 256;
/** Responses per transaction when a submission waits for the tally to catch up. */
const CATCH_UP = 32;
/** Responses per transaction when a reader waits for the tally. */
const SETTLE_BATCH = 256;
/** How long after a submission the background tally starts, gathering the ones that follow. */
const DELAY_MS = 5;

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

/** Stored (id, version) definitions are immutable: read each once per handle. */
const definitionsByDb = new WeakMap<Db, Map<string, TSurveyDefinition>>();

async function definitionsFor(db: Db, rows: Pending[]): Promise<Map<string, TSurveyDefinition>> {
  let known = definitionsByDb.get(db);
  if (!known) definitionsByDb.set(db, (known = new Map()));
  for (const r of rows) {
    const key = `${r.survey_id}@${r.survey_version}`;
    if (known.has(key)) continue;
    const row = await getSurveyRow(db, r.survey_id, r.survey_version);
    if (!row) throw new Error(`response ${r.id} names a missing questionnaire ${key}`);
    // Validated when it was stored (server/surveys.ts); the text is frozen under its version.
    known.set(key, JSON.parse(row.definition) as TSurveyDefinition);
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
  opts: { wait?: boolean } = {},
): Promise<number> {
  const wait = opts.wait ?? false;
  if (db.isTransaction) return countBatch(db, limit, wait);
  if (!isSqlite(db)) return db.transaction().execute((trx) => countBatch(trx, limit, wait));
  // SQLite: take the write lock first (BEGIN IMMEDIATE). A transaction that read first and then
  // wrote would fail at once if another process (a second server, a CLI) committed in between.
  return db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const n = await countBatch(conn, limit, wait);
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

/** Counts until nothing is left, waiting for rows another server is counting. */
async function countAll(db: Db): Promise<void> {
  while ((await tallyPending(db, SETTLE_BATCH, { wait: true })) > 0);
}

async function countBatch(trx: Db, limit: number, wait: boolean): Promise<number> {
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
  const defs = await definitionsFor(trx, rows);
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

/**
 * One tally per database handle: the background slices after submissions and the settles of
 * readers run one at a time, so a settle that returns has seen every response acknowledged
 * before it began.
 */
class Tally {
  /** True when a response may be uncounted: set by submissions, and on start (unknown). */
  private dirty = true;
  /** Responses this process stored and has not seen counted yet (an estimate, never below 0). */
  private backlog = 0;
  private running: Promise<void> = Promise.resolve();
  /** A settle waiting for its turn, which later readers join. */
  private queued: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly db: Db) {}

  /** A response was stored: count it soon, in the background. */
  poke(): void {
    this.dirty = true;
    if (this.closed) return;
    this.timer ??= setTimeout(() => {
      this.timer = null;
      void this.exclusive(() => this.slice(SLICE)).catch((e: unknown) => {
        // The responses stay uncounted and durable; the next settle or submission retries.
        console.error('tally failed', e);
      });
    }, DELAY_MS);
    this.timer.unref();
  }

  /**
   * A response was stored. Under sustained load the background slices fall behind; past
   * MAX_BACKLOG the submission waits for one larger slice before it is acknowledged, so load is
   * held to the rate at which counting keeps up instead of leaving an ever longer backlog (and
   * dashboards ever further behind). A failure here is logged, never the submission's: its
   * response is stored.
   */
  async stored(): Promise<void> {
    this.backlog++;
    this.poke();
    if (this.backlog <= MAX_BACKLOG || this.closed) return;
    await this.exclusive(() => this.slice(CATCH_UP, true)).catch((e: unknown) =>
      console.error('tally failed', e),
    );
  }

  /**
   * Counts every response stored so far, by any process, before returning: one indexed look
   * when there is nothing to count. On PostgreSQL a response being counted by another server
   * is waited for (its rows are locked), so the figures read next include it.
   */
  settle(): Promise<void> {
    // Readers that ask together (an indices request reads several counters at once) share one
    // settle that has not started yet: it starts after all of them asked, so it covers them all.
    this.queued ??= this.exclusive(async () => {
      this.queued = null;
      if ((await uncountedCheck(this.db).executeTakeFirst()) === undefined) return;
      this.dirty = false;
      await countAll(this.db);
      this.backlog = 0;
    });
    return this.queued;
  }

  /** No more background work; what is stored is counted now (best effort: it is durable). */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.settle().catch(() => {});
  }

  /** One short transaction; another is scheduled (after the requests waiting) if it was full. */
  private async slice(size: number, force = false): Promise<void> {
    if (!this.dirty && !force) return;
    this.dirty = false;
    const n = await tallyPending(this.db, size);
    this.backlog = n < size ? 0 : Math.max(0, this.backlog - n);
    if (n === size) setImmediate(() => this.poke());
  }

  private exclusive(work: () => Promise<void>): Promise<void> {
    const next = this.running.then(work, work);
    this.running = next.catch(() => {});
    return next;
  }
}

const tallies = new WeakMap<Db, Tally>();

function tallyOf(db: Db): Tally {
  let t = tallies.get(db);
  if (!t) tallies.set(db, (t = new Tally(db)));
  return t;
}

/**
 * After a response is durably stored: the background tally counts it within milliseconds. Under
 * sustained load the promise waits for the tally to catch up (Tally.stored); it never rejects.
 */
export function responseStored(db: Db): Promise<void> {
  return tallyOf(db).stored();
}

/**
 * Counts every uncounted response before a read of counters. Inside a transaction (a caller that
 * writes and reads counters together) the caller's own connection counts what it can see.
 */
export async function settleCounts(db: Db): Promise<void> {
  if (db.isTransaction) return countAll(db);
  await tallyOf(db).settle();
}

/** Before closing a handle: stops the background tally and counts what is left. */
export function closeTally(db: Db): Promise<void> {
  return tallyOf(db).close();
}

/**
 * Looks for uncounted responses every `ms` whatever this process stored: with several servers
 * on one PostgreSQL database, one that stopped between storing and counting leaves work that
 * only the others can pick up. Returns the stop function.
 */
export function sweepCounts(db: Db, ms: number): () => void {
  const timer = setInterval(() => tallyOf(db).poke(), ms);
  timer.unref();
  return () => clearInterval(timer);
}
