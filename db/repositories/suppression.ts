import type { Db } from '../index.js';
import { settleCounts } from './tally.js';

/** What the small-groups rule (server/indices/suppression.ts) reads: the unit tree and counters. */

export interface TreeUnitRow {
  id: string;
  parent_id: string | null;
}

export interface OwnResponsesRow {
  campaign_id: string;
  unit_id: string;
  n: number;
}

/**
 * The whole unit tree (not the caller's subtree: the decision must not depend on who asks) and
 * each unit's own response counter in these campaigns, one row per campaign × unit that has any.
 */
export async function treeWithResponses(
  db: Db,
  campaignIds: readonly string[],
): Promise<{ units: TreeUnitRow[]; responses: OwnResponsesRow[] }> {
  await settleCounts(db);
  const units = await db.selectFrom('units').select(['id', 'parent_id']).execute();
  if (campaignIds.length === 0) return { units, responses: [] };
  const rows = await db
    .selectFrom('response_counts')
    .where('campaign_id', 'in', [...campaignIds])
    .select(['campaign_id', 'unit_id', 'n'])
    .execute();
  return { units, responses: rows.map((r) => ({ ...r, n: Number(r.n) })) };
}
