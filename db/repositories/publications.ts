import { sql } from 'kysely';
import type { Db } from '../index.js';
import type { Campaign, CampaignPublication } from '../schema.js';
import { pathInSubtree } from './subtree.js';

/** A publication with the name and path of the unit whose subtree it makes public. */
export interface PublicationRow extends CampaignPublication {
  unit_name: string;
  unit_path: string;
}

/** Makes a campaign's results public for a unit's subtree; publishing again keeps the first time. */
export async function insertPublication(db: Db, row: CampaignPublication): Promise<boolean> {
  const r = await db
    .insertInto('campaign_publications')
    .values(row)
    .onConflict((oc) => oc.columns(['campaign_id', 'unit_id']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Withdraws a campaign's publications made for units inside the subtree at `rootPath`. */
export async function deletePublicationsIn(
  db: Db,
  campaignId: string,
  rootPath: string,
): Promise<number> {
  const r = await db
    .deleteFrom('campaign_publications')
    .where('campaign_id', '=', campaignId)
    .where('unit_id', 'in', (eb) =>
      eb
        .selectFrom('units')
        .select('id')
        .where(pathInSubtree(db, 'path', rootPath)),
    )
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Every publication of a campaign, with its unit, oldest first. */
export async function listPublications(db: Db, campaignId: string): Promise<PublicationRow[]> {
  return db
    .selectFrom('campaign_publications as p')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .selectAll('p')
    .select(['u.name as unit_name', 'u.path as unit_path'])
    .where('p.campaign_id', '=', campaignId)
    .orderBy('p.published_at')
    .orderBy('u.path')
    .execute();
}

/**
 * The campaigns published for the unit at `unitPath`: a publication at the unit or at any unit
 * above it (a Department publishing covers its schools), with the earliest such time.
 */
export async function campaignsPublishedFor(
  db: Db,
  unitPath: string,
): Promise<(Campaign & { published_at: string })[]> {
  const covering = sql<boolean>`substr(${unitPath}, 1, length(pu.path)) = pu.path`;
  const rows = await db
    .selectFrom('campaign_publications as p')
    .innerJoin('units as pu', 'pu.id', 'p.unit_id')
    .innerJoin('campaigns as c', 'c.id', 'p.campaign_id')
    .selectAll('c')
    .select((eb) => eb.fn.min('p.published_at').as('published_at'))
    .where(covering)
    // Grouped by the key: both dialects then allow the campaign's other columns.
    .groupBy('c.id')
    .orderBy('c.closes_at')
    .orderBy('c.id')
    .execute();
  return rows as (Campaign & { published_at: string })[];
}
