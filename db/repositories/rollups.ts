import { CompiledQuery, SqliteAdapter, sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';

type Q = Kysely<Database>;

/**
 * Counters of answers and responses. Each campaign × unit has its own leaf counters
 * (answer_counts, response_counts: authoritative) and, for every unit with descendants, rollup
 * rows pooled over its descendants (answer_rollups, response_rollups; a unit's own responses are
 * in its leaf rows only, so a response is written once for its unit and once per ancestor, not
 * twice for its own unit). A unit's subtree is its leaf rows plus its rollup rows, both read by
 * key however large the subtree. Every write goes through addCounterGroups, and rebuildRollups
 * derives the rollups from the leaves again, so the two cannot drift.
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

/** The unit's ancestors, root first, without the unit itself. */
export function ancestors(path: string): string[] {
  return path.split('/').filter(Boolean).slice(0, -1);
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

/** Per-respondent scores of one scope (a factor id or '*'): respondents, Σs and Σs². */
export interface ScoreSums {
  scope: string;
  n: number;
  s: number;
  ss: number;
}

/** What one campaign × unit adds: answer values (summed if repeated), responses, scores. */
export interface CounterGroup {
  campaignId: string;
  unit: CounterUnit;
  /** The channel the responses came through (responses.channel): the counters' last key. */
  channel: string;
  answers: readonly CounterValue[];
  responses: { n: number; fast: number };
  scores?: readonly ScoreSums[];
}

/** Sums into a map keyed by the row's key columns joined with NUL (which sorts as tuples do). */
function add(into: Map<string, number[]>, key: string, sums: number[]): void {
  const had = into.get(key);
  if (!had) into.set(key, [...sums]);
  else for (let i = 0; i < sums.length; i++) had[i]! += sums[i]!;
}

/** Rows in the one global order: by key columns, as the joined keys sort. */
function rowsOf(sums: Map<string, number[]>): unknown[][] {
  return [...sums.keys()].sort().map((k) => [...k.split('\0'), ...sums.get(k)!]);
}

/**
 * Adds counts of any number of campaign × unit groups to their leaf counters and to the rollups
 * of each unit's ancestors, summed over the groups first: a batch of responses from many
 * schools writes its office and Department rollup rows once, not once per school. Rows go in
 * one global order (table, then campaign, unit, question, value), so concurrent PostgreSQL
 * transactions lock counter rows in the same order and cannot deadlock.
 */
export async function addCounterGroups(db: Q, groups: readonly CounterGroup[]): Promise<void> {
  const leafAnswers = new Map<string, number[]>();
  const leafResponses = new Map<string, number[]>();
  const rollAnswers = new Map<string, number[]>();
  const rollResponses = new Map<string, number[]>();
  const leafScores = new Map<string, number[]>();
  const rollScores = new Map<string, number[]>();
  for (const g of groups) {
    const units = ancestors(g.unit.path);
    const ch = g.channel;
    for (const v of g.scores ?? []) {
      const sums = [v.n, v.s, v.ss];
      add(leafScores, `${g.campaignId}\0${g.unit.id}\0${v.scope}\0${ch}`, sums);
      for (const u of units) add(rollScores, `${g.campaignId}\0${u}\0${v.scope}\0${ch}`, sums);
    }
    for (const v of g.answers) {
      const qv = `${v.questionId}\0${v.value}\0${ch}`;
      add(leafAnswers, `${g.campaignId}\0${g.unit.id}\0${qv}`, [v.n]);
      for (const u of units) add(rollAnswers, `${g.campaignId}\0${u}\0${qv}`, [v.n]);
    }
    if (!g.responses.n && !g.responses.fast) continue;
    const r = [g.responses.n, g.responses.fast];
    add(leafResponses, `${g.campaignId}\0${g.unit.id}\0${ch}`, r);
    for (const u of units) add(rollResponses, `${g.campaignId}\0${u}\0${ch}`, r);
  }
  await addRows(db, ANSWERS, 'answer_counts', rowsOf(leafAnswers));
  await addRows(db, RESPONSES, 'response_counts', rowsOf(leafResponses));
  await addRows(db, ANSWERS, 'answer_rollups', rowsOf(rollAnswers));
  await addRows(db, RESPONSES, 'response_rollups', rowsOf(rollResponses));
  await addRows(db, SCORES, 'score_counts', rowsOf(leafScores));
  await addRows(db, SCORES, 'score_rollups', rowsOf(rollScores));
}

/** addCounterGroups for one campaign × unit. */
export function addCounters(
  db: Q,
  campaignId: string,
  unit: CounterUnit,
  answers: readonly CounterValue[],
  responses: { n: number; fast: number },
  scores: readonly ScoreSums[] = [],
  channel = 'api',
): Promise<void> {
  return addCounterGroups(db, [{ campaignId, unit, channel, answers, responses, scores }]);
}

interface CounterShape {
  keys: string[];
  /** Columns added to the stored value on conflict. */
  sums: string[];
  /**
   * One statement for up to CHUNK rows, whatever their count: for tables with few rows per
   * batch (the scores: a few scopes per unit), where the power-of-two split would cost several
   * statements for a handful of rows; at most CHUNK statement texts each.
   */
  anySize?: boolean;
}
const ANSWERS: CounterShape = {
  keys: ['campaign_id', 'unit_id', 'question_id', 'value', 'channel'],
  sums: ['n'],
};
const RESPONSES: CounterShape = {
  keys: ['campaign_id', 'unit_id', 'channel'],
  sums: ['n', 'fast_n'],
};
const SCORES: CounterShape = {
  keys: ['campaign_id', 'unit_id', 'scope', 'channel'],
  sums: ['n', 's', 'ss'],
  anySize: true,
};

/**
 * One multi-row "insert … on conflict do update set n = n + excluded.n" as plain SQL text. This
 * is the submission's hot path (about a hundred counter rows each): building it with the query
 * builder cost more CPU than SQLite's work; the text is the same for the same row count, so the
 * prepared statement is reused. Table and column names are constants above, never input.
 */
async function addRows(
  db: Q,
  shape: CounterShape,
  table: string,
  rows: unknown[][],
): Promise<void> {
  const sqlite = isSqlite(db);
  // SQLite: chunks of a few fixed sizes (64, then 32, 16 … 1 for the rest), so a handful of
  // statement texts serve every row count and stay prepared. PostgreSQL: each statement is a
  // round trip, so the rest goes in one (the score counters added a table per batch; this kept
  // the tally's round trips where they were).
  for (let at = 0; at < rows.length;) {
    let size = CHUNK;
    if (shape.anySize || !sqlite) size = Math.min(CHUNK, rows.length - at);
    else while (size > rows.length - at) size /= 2;
    const chunk = rows.slice(at, at + size);
    await db.executeQuery(CompiledQuery.raw(upsertText(shape, table, size, sqlite), chunk.flat()));
    at += size;
  }
}

const CHUNK = 64;
const upsertTexts = new Map<string, string>();

function upsertText(shape: CounterShape, table: string, rows: number, sqlite: boolean): string {
  const key = `${table}/${rows}/${sqlite}`;
  let text = upsertTexts.get(key);
  if (!text) {
    const cols = [...shape.keys, ...shape.sums];
    let i = 0;
    const mark = sqlite ? () => '?' : () => `$${++i}`;
    const tuples = Array.from({ length: rows }, () => `(${cols.map(mark).join(', ')})`).join(', ');
    const sets = shape.sums.map((c) => `${c} = ${table}.${c} + excluded.${c}`).join(', ');
    text = `insert into ${table} (${cols.join(', ')}) values ${tuples} on conflict (${shape.keys.join(', ')}) do update set ${sets}`;
    upsertTexts.set(key, text);
  }
  return text;
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
    await sql`lock table answer_rollups, response_rollups, score_rollups in exclusive mode`.execute(
      db,
    );
  await db.deleteFrom('answer_rollups').execute();
  await db.deleteFrom('response_rollups').execute();
  await db.deleteFrom('score_rollups').execute();
  // Each unit with its proper ancestors, by path prefix (the same SQL as the strict-rollups migration).
  const pairs = sql`(select u.id as unit_id, anc.id as ancestor_id from units u
    join units anc on substr(u.path, 1, length(anc.path)) = anc.path and anc.id <> u.id)`;
  await sql`insert into answer_rollups (campaign_id, unit_id, question_id, value, channel, n)
    select ac.campaign_id, p.ancestor_id, ac.question_id, ac.value, ac.channel, sum(ac.n)
    from answer_counts ac join ${pairs} p on p.unit_id = ac.unit_id
    group by ac.campaign_id, p.ancestor_id, ac.question_id, ac.value, ac.channel`.execute(db);
  await sql`insert into response_rollups (campaign_id, unit_id, channel, n, fast_n)
    select rc.campaign_id, p.ancestor_id, rc.channel, sum(rc.n), sum(rc.fast_n)
    from response_counts rc join ${pairs} p on p.unit_id = rc.unit_id
    group by rc.campaign_id, p.ancestor_id, rc.channel`.execute(db);
  await sql`insert into score_rollups (campaign_id, unit_id, scope, channel, n, s, ss)
    select sc.campaign_id, p.ancestor_id, sc.scope, sc.channel, sum(sc.n), sum(sc.s), sum(sc.ss)
    from score_counts sc join ${pairs} p on p.unit_id = sc.unit_id
    group by sc.campaign_id, p.ancestor_id, sc.scope, sc.channel`.execute(db);
}
