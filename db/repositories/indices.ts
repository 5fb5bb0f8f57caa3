import { sql } from 'kysely';
import type { Db } from '../index.js';
import { pathInSubtree } from './subtree.js';
import type { Unit } from '../schema.js';

/**
 * Reads for the satisfaction indices. Answer figures come from a unit's own leaf counters plus
 * its rollup counters (its descendants: db/repositories/rollups.ts), never from the responses
 * table nor by summing a subtree's counters, so a unit's figures cost the same whatever its size.
 */

/**
 * The channels a read is limited to (responses.channel values), or undefined for all. Every
 * counter has its channel last in its key, so a limited read is still a read by key.
 */
export type Channels = readonly string[] | undefined;

export interface CountRow {
  question_id: string;
  value: string;
  n: number;
}

export interface SubtreeTotals {
  responses: number;
  fast: number;
}

/** `units` alias `u` lies in the subtree whose root path is `rootPath` (index-friendly on SQLite). */
export const inSubtree = (db: Db, rootPath: string) => pathInSubtree(db, 'u.path', rootPath);

/**
 * Answer counts of one campaign pooled over a unit's subtree: the unit's own leaf rows plus its
 * rollup rows (its descendants), each read by key.
 */
export async function pooledAnswerCounts(
  db: Db,
  campaignId: string,
  root: Unit,
  channels?: Channels,
): Promise<CountRow[]> {
  const own = db
    .selectFrom('answer_counts')
    .where('campaign_id', '=', campaignId)
    .where('unit_id', '=', root.id)
    .$if(channels !== undefined, (q) => q.where('channel', 'in', [...channels!]))
    .select(['question_id', 'value', 'n']);
  const below = db
    .selectFrom('answer_rollups')
    .where('campaign_id', '=', campaignId)
    .where('unit_id', '=', root.id)
    .$if(channels !== undefined, (q) => q.where('channel', 'in', [...channels!]))
    .select(['question_id', 'value', 'n']);
  const rows = await own.unionAll(below).execute();
  return sumCounts(
    rows.map((r) => ({ ...r, n: Number(r.n) })),
    (r) => `${r.question_id}\0${r.value}`,
  );
}

/** A unit's leaf rows and rollup rows summed into one row per key. */
function sumCounts<R extends { n: number }>(rows: readonly R[], key: (r: R) => string): R[] {
  const byKey = new Map<string, R>();
  for (const r of rows) {
    const had = byKey.get(key(r));
    if (had) had.n += r.n;
    else byKey.set(key(r), { ...r });
  }
  return [...byKey.values()];
}

export async function pooledResponseTotals(
  db: Db,
  campaignId: string,
  root: Unit,
  channels?: Channels,
): Promise<SubtreeTotals> {
  const own = db
    .selectFrom('response_counts')
    .where('campaign_id', '=', campaignId)
    .where('unit_id', '=', root.id)
    .$if(channels !== undefined, (q) => q.where('channel', 'in', [...channels!]))
    .select(['n', 'fast_n']);
  const below = db
    .selectFrom('response_rollups')
    .where('campaign_id', '=', campaignId)
    .where('unit_id', '=', root.id)
    .$if(channels !== undefined, (q) => q.where('channel', 'in', [...channels!]))
    .select(['n', 'fast_n']);
  const rows = await own.unionAll(below).execute();
  return {
    responses: rows.reduce((a, r) => a + Number(r.n), 0),
    fast: rows.reduce((a, r) => a + Number(r.fast_n), 0),
  };
}

export interface PooledEligible {
  /** The campaign's frozen populations N of the subtree's units, summed (declared ones only). */
  eligible: number;
  /** The subtree's units in the campaign without a declared N. */
  unknown: number;
}

/** Eligible respondents of the subtree's units that the campaign covers, as the campaign froze them. */
export async function pooledEligible(
  db: Db,
  campaignId: string,
  root: Unit,
): Promise<PooledEligible> {
  const row = await db
    .selectFrom('campaign_units as cu')
    .innerJoin('units as u', 'u.id', 'cu.unit_id')
    .where('cu.campaign_id', '=', campaignId)
    .where(inSubtree(db, root.path))
    .select([
      sql<number>`coalesce(sum(case when cu.eligible > 0 then cu.eligible else 0 end), 0)`.as('n'),
      sql<number>`coalesce(sum(case when cu.eligible > 0 then 0 else 1 end), 0)`.as('unknown'),
    ])
    .executeTakeFirst();
  return { eligible: Number(row?.n ?? 0), unknown: Number(row?.unknown ?? 0) };
}

export interface ScoreRow {
  scope: string;
  n: number;
  s: number;
  ss: number;
}

export const scoreRow = <R extends { n: unknown; s: unknown; ss: unknown }>(r: R) => ({
  ...r,
  n: Number(r.n),
  s: Number(r.s),
  ss: Number(r.ss),
});

/** Per-respondent score counters of one campaign pooled over a unit's subtree (leaf + rollup). */
export async function pooledScores(
  db: Db,
  campaignId: string,
  root: Unit,
  channels?: Channels,
): Promise<ScoreRow[]> {
  const rows: ScoreRow[] = [];
  for (const table of ['score_counts', 'score_rollups'] as const) {
    const part = await db
      .selectFrom(table)
      .where('campaign_id', '=', campaignId)
      .where('unit_id', '=', root.id)
      .$if(channels !== undefined, (q) => q.where('channel', 'in', [...channels!]))
      .select(['scope', 'n', 's', 'ss'])
      .execute();
    rows.push(...part.map(scoreRow));
  }
  return sumScores(rows, (r) => r.scope);
}

function sumScores<R extends ScoreRow>(rows: readonly R[], key: (r: R) => string): R[] {
  const byKey = new Map<string, R>();
  for (const r of rows) {
    const had = byKey.get(key(r));
    if (!had) byKey.set(key(r), { ...r });
    else {
      had.n += r.n;
      had.s += r.s;
      had.ss += r.ss;
    }
  }
  return [...byKey.values()];
}

export interface ChildScoreRow extends ScoreRow {
  child_id: string;
}

/** Per-respondent score counters pooled over each direct child's subtree. */
export async function childScores(
  db: Db,
  campaignId: string,
  parentId: string,
): Promise<ChildScoreRow[]> {
  const rows: ChildScoreRow[] = [];
  for (const table of ['score_counts', 'score_rollups'] as const) {
    const part = await db
      .selectFrom('units as c')
      .crossJoin(`${table} as sr`) // as in childAnswerCounts
      .whereRef('sr.unit_id', '=', 'c.id')
      .where('c.parent_id', '=', parentId)
      .where('sr.campaign_id', '=', campaignId)
      .select(['c.id as child_id', 'sr.scope', 'sr.n', 'sr.s', 'sr.ss'])
      .execute();
    rows.push(...part.map(scoreRow));
  }
  return sumScores(rows, (r) => `${r.child_id}\0${r.scope}`);
}

export interface ChildCountRow extends CountRow {
  child_id: string;
}

/** Answer counts pooled over each direct child's subtree: each child's leaf and rollup rows. */
export async function childAnswerCounts(
  db: Db,
  campaignId: string,
  parentId: string,
): Promise<ChildCountRow[]> {
  const rows: ChildCountRow[] = [];
  for (const table of ['answer_counts', 'answer_rollups'] as const) {
    const part = await db
      .selectFrom('units as c')
      // cross join: SQLite then starts from the children (parent index) and reads each one's
      // rows by key, not every counter row of the campaign (query-plans test).
      .crossJoin(`${table} as ar`)
      .whereRef('ar.unit_id', '=', 'c.id')
      .where('c.parent_id', '=', parentId)
      .where('ar.campaign_id', '=', campaignId)
      .select(['c.id as child_id', 'ar.question_id', 'ar.value', 'ar.n'])
      .execute();
    rows.push(...part.map((r) => ({ ...r, n: Number(r.n) })));
  }
  return sumCounts(rows, (r) => `${r.child_id}\0${r.question_id}\0${r.value}`);
}

export interface ChildTotalsRow {
  child_id: string;
  responses: number;
  fast: number;
  eligible: number;
  /** The child's subtree units in the campaign without a declared N. */
  unknown: number;
}

/** Responses and eligible respondents pooled over each direct child's subtree. */
export async function childTotals(
  db: Db,
  campaignId: string,
  parentId: string,
): Promise<ChildTotalsRow[]> {
  const responses: { child_id: string; n: number; fast: number }[] = [];
  for (const table of ['response_counts', 'response_rollups'] as const) {
    responses.push(
      ...(await db
        .selectFrom('units as c')
        .crossJoin(`${table} as rr`) // as in childAnswerCounts
        .whereRef('rr.unit_id', '=', 'c.id')
        .where('c.parent_id', '=', parentId)
        .where('rr.campaign_id', '=', campaignId)
        .select(['c.id as child_id', 'rr.n', 'rr.fast_n as fast'])
        .execute()),
    );
  }
  const eligible = await db
    .selectFrom('units as c')
    .innerJoin('units as u', (j) => j.on(sql<boolean>`substr(u.path, 1, length(c.path)) = c.path`))
    .innerJoin('campaign_units as cu', 'cu.unit_id', 'u.id')
    .where('c.parent_id', '=', parentId)
    .where('cu.campaign_id', '=', campaignId)
    .groupBy('c.id')
    .select([
      'c.id as child_id',
      sql<number>`sum(case when cu.eligible > 0 then cu.eligible else 0 end)`.as('n'),
      sql<number>`sum(case when cu.eligible > 0 then 0 else 1 end)`.as('unknown'),
    ])
    .execute();
  const byChild = new Map<string, ChildTotalsRow>();
  const row = (id: string) => {
    const r = byChild.get(id) ?? { child_id: id, responses: 0, fast: 0, eligible: 0, unknown: 0 };
    byChild.set(id, r);
    return r;
  };
  for (const r of responses) {
    const into = row(r.child_id);
    into.responses += Number(r.n);
    into.fast += Number(r.fast);
  }
  for (const r of eligible) {
    row(r.child_id).eligible = Number(r.n);
    row(r.child_id).unknown = Number(r.unknown);
  }
  return [...byChild.values()];
}

export async function listChildren(db: Db, parentId: string): Promise<Unit[]> {
  return db
    .selectFrom('units')
    .selectAll()
    .where('parent_id', '=', parentId)
    .orderBy('name')
    .execute();
}
