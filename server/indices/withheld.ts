import type { Db } from '../../db/index.js';
import { treeWithResponses } from '../../db/repositories/suppression.js';
import { suppressedUnits, type Suppression } from './suppression.js';

/**
 * The small-groups decision of campaigns as stored now: loads the whole unit tree and the
 * units' own response counters, and asks the one rule (suppression.ts). Every route that shows
 * figures, answers or rows calls this, so one decision holds everywhere.
 */
export async function suppressionsFor(
  db: Db,
  campaignIds: readonly string[],
): Promise<Map<string, Suppression>> {
  const ids = [...new Set(campaignIds)];
  const { units, responses } = await treeWithResponses(db, ids);
  const out = new Map<string, Suppression>();
  for (const id of ids) {
    const own = new Map<string, number>();
    for (const r of responses)
      if (r.campaign_id === id) own.set(r.unit_id, (own.get(r.unit_id) ?? 0) + r.n);
    out.set(
      id,
      suppressedUnits(
        units.map((u) => ({ id: u.id, parentId: u.parent_id, responses: own.get(u.id) ?? 0 })),
      ),
    );
  }
  return out;
}

/** One campaign's decision. */
export async function campaignSuppression(db: Db, campaignId: string): Promise<Suppression> {
  return (await suppressionsFor(db, [campaignId])).get(campaignId)!;
}
