import { sql } from 'kysely';
import type { Db } from '../index.js';
import type { Unit } from '../schema.js';
import { inSubtree, scoreRow, type ScoreRow } from './indices.js';

/**
 * Reads for the sampling statistics of the indices (server/indices/sampling.ts): each unit of the
 * subtree as a stratum, with its frozen N, its own responses, shares and overall scores.
 */

export interface StratumRow {
  unit_id: string;
  path: string;
  /** The campaign's frozen N of the unit (0: not declared). */
  eligible: number;
  /** The unit's own responses (its leaf counter). */
  responses: number;
}

/**
 * The campaign's units in the subtree with their frozen N and their own responses: the strata of
 * the weighted index, and the units whose sample is judged one by one.
 */
export async function campaignStrata(
  db: Db,
  campaignId: string,
  root: Unit,
): Promise<StratumRow[]> {
  const rows = await db
    .selectFrom('campaign_units as cu')
    .innerJoin('units as u', 'u.id', 'cu.unit_id')
    .where('cu.campaign_id', '=', campaignId)
    .where(inSubtree(db, root.path))
    .select([
      'cu.unit_id',
      'u.path',
      'cu.eligible',
      // Summed over the channels, each read by key.
      sql<number>`(select coalesce(sum(rc.n), 0) from response_counts rc
        where rc.campaign_id = cu.campaign_id and rc.unit_id = cu.unit_id)`.as('responses'),
    ])
    .orderBy('cu.unit_id')
    .execute();
  return rows.map((r) => ({ ...r, eligible: Number(r.eligible), responses: Number(r.responses) }));
}

export interface UnitShareRow {
  unit_id: string;
  question_id: string;
  satisfied: number;
  valid: number;
}

/**
 * Each unit's own satisfied and valid answers per question (its leaf counters only), for the
 * units of the subtree: what each stratum's own index needs.
 */
export async function unitShares(db: Db, campaignId: string, root: Unit): Promise<UnitShareRow[]> {
  const rows = await db
    .selectFrom('answer_counts as ac')
    .innerJoin('units as u', 'u.id', 'ac.unit_id')
    .where('ac.campaign_id', '=', campaignId)
    .where(inSubtree(db, root.path))
    .where('ac.value', 'in', ['1', '2', '3', '4', '5'])
    .groupBy(['ac.unit_id', 'ac.question_id'])
    .select([
      'ac.unit_id',
      'ac.question_id',
      sql<number>`sum(case when ac.value in ('4', '5') then ac.n else 0 end)`.as('satisfied'),
      sql<number>`sum(ac.n)`.as('valid'),
    ])
    .execute();
  return rows.map((r) => ({ ...r, satisfied: Number(r.satisfied), valid: Number(r.valid) }));
}

/** Each unit's own overall score counters (leaf rows only), for the units of the subtree. */
export async function unitOverallScores(
  db: Db,
  campaignId: string,
  root: Unit,
  scope: string,
): Promise<(ScoreRow & { unit_id: string })[]> {
  const rows = await db
    .selectFrom('score_counts as sc')
    .innerJoin('units as u', 'u.id', 'sc.unit_id')
    .where('sc.campaign_id', '=', campaignId)
    .where(inSubtree(db, root.path))
    .where('sc.scope', '=', scope)
    .groupBy(['sc.unit_id', 'sc.scope'])
    .select([
      'sc.unit_id',
      'sc.scope',
      sql<number>`sum(sc.n)`.as('n'),
      sql<number>`sum(sc.s)`.as('s'),
      sql<number>`sum(sc.ss)`.as('ss'),
    ])
    .execute();
  return rows.map(scoreRow);
}
