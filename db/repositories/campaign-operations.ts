import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { pathInSubtree } from './subtree.js';

type Q = Kysely<Database>;

/** Staff's changes to a campaign's name and window (only the fields given). */
export async function updateCampaignFields(
  db: Q,
  id: string,
  fields: { name?: string; opens_at?: string; closes_at?: string },
): Promise<void> {
  if (Object.keys(fields).length === 0) return;
  await db.updateTable('campaigns').set(fields).where('id', '=', id).execute();
}

/** Archives (an instant) or brings back (null) a campaign. */
export async function setCampaignArchived(db: Q, id: string, at: string | null): Promise<void> {
  await db.updateTable('campaigns').set({ archived_at: at }).where('id', '=', id).execute();
}

/** Whether any response was stored for the campaign, counted or not yet counted. */
export async function campaignHasResponses(db: Q, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('responses')
    .select('id')
    .where('campaign_id', '=', id)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Every table that keys rows by campaign, children before the campaign itself. */
const CAMPAIGN_TABLES = [
  'campaign_publications',
  'score_rollups',
  'score_counts',
  'answer_rollups',
  'response_rollups',
  'answer_counts',
  'response_counts',
  'text_answers',
  'kiosk_taps',
  'kiosks',
  'campaign_tokens',
  'campaign_units',
] as const;

/** Deletes a campaign without responses and every row keyed by it (its links and codes). */
export async function deleteCampaignRows(db: Q, id: string): Promise<void> {
  for (const table of CAMPAIGN_TABLES) {
    await db.deleteFrom(table).where('campaign_id', '=', id).execute();
  }
  await db.deleteFrom('campaigns').where('id', '=', id).execute();
}

/**
 * Copies the population N of every unit from campaign `from` into campaign `to` (a duplicate
 * keeps the figures staff corrected, not the units' current ones).
 */
export async function copyCampaignEligible(db: Q, from: string, to: string): Promise<void> {
  await sql`update campaign_units set eligible = coalesce((select o.eligible from campaign_units o
    where o.campaign_id = ${from} and o.unit_id = campaign_units.unit_id), eligible)
    where campaign_id = ${to}`.execute(db);
}

/** One-time codes per unit of a campaign: how many were made and how many are used. */
export async function tokenCountsByUnit(
  db: Q,
  campaignId: string,
  unitId?: string,
): Promise<Map<string, { total: number; used: number }>> {
  let q = db
    .selectFrom('campaign_tokens')
    .select((eb) => [
      'unit_id',
      eb.fn.countAll<number | string>().as('total'),
      eb.fn.count<number | string>('used_at').as('used'),
    ])
    .where('campaign_id', '=', campaignId)
    .groupBy('unit_id');
  if (unitId) q = q.where('unit_id', '=', unitId);
  const rows = await q.execute();
  return new Map(rows.map((r) => [r.unit_id, { total: Number(r.total), used: Number(r.used) }]));
}

/**
 * Responses counted so far per campaign, over the units of the subtree at `rootPath` (the
 * counters: cheap at any size, and at most a moment behind the stored responses).
 */
export async function responseTotalsInSubtree(
  db: Q,
  rootPath: string,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('response_counts as rc')
    .innerJoin('units as u', 'u.id', 'rc.unit_id')
    .select((eb) => ['rc.campaign_id', eb.fn.sum<number | string>('rc.n').as('n')])
    .where(pathInSubtree(db, 'u.path', rootPath))
    .groupBy('rc.campaign_id')
    .execute();
  return new Map(rows.map((r) => [r.campaign_id, Number(r.n)]));
}
