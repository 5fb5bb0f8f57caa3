import { sql, type Kysely } from 'kysely';
import type { Campaign, CampaignTokenTable, Database, NewCampaign } from '../schema.js';

type Q = Kysely<Database>;

export async function insertCampaign(
  db: Q,
  campaign: NewCampaign,
  units: { unit_id: string; code: string }[],
): Promise<void> {
  await db.insertInto('campaigns').values(campaign).execute();
  // Chunked: SQLite caps bound parameters per statement.
  for (let i = 0; i < units.length; i += 500) {
    await db
      .insertInto('campaign_units')
      .values(units.slice(i, i + 500).map((u) => ({ campaign_id: campaign.id, ...u })))
      .execute();
  }
  // Each unit's population N frozen now: a later edit of the unit changes no past campaign.
  await sql`update campaign_units set eligible = coalesce((select u.eligible from units u
    where u.id = campaign_units.unit_id), 0) where campaign_id = ${campaign.id}`.execute(db);
}

/** The campaign's frozen N of one unit, as staff correct it (0: not declared). */
export async function setCampaignUnitEligible(
  db: Q,
  campaignId: string,
  unitId: string,
  eligible: number,
): Promise<boolean> {
  const res = await db
    .updateTable('campaign_units')
    .set({ eligible })
    .where('campaign_id', '=', campaignId)
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function getCampaign(db: Q, id: string): Promise<Campaign | undefined> {
  return db.selectFrom('campaigns').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The campaign's units with their link codes and names, in tree order. */
export async function listCampaignUnits(db: Q, campaignId: string) {
  return db
    .selectFrom('campaign_units as cu')
    .innerJoin('units as u', 'u.id', 'cu.unit_id')
    .select(['cu.unit_id', 'cu.code', 'cu.eligible', 'u.name', 'u.path'])
    .where('cu.campaign_id', '=', campaignId)
    .orderBy('u.path')
    .execute();
}

/**
 * Campaigns a user rooted at `rootPath` may see: those owned by a unit in the subtree, or
 * targeting at least one unit in it (a school sees the Department's campaign at its school).
 */
export async function listCampaignsInScope(db: Q, rootPath: string): Promise<Campaign[]> {
  return scopedCampaigns(db, rootPath).orderBy('c.opens_at', 'desc').orderBy('c.id').execute();
}

/**
 * One campaign if a user rooted at `rootPath` may see it (listCampaignsInScope's rule): by key,
 * without listing the campaign's units, so its cost does not grow with the campaign's size.
 */
export async function getCampaignInScope(
  db: Q,
  rootPath: string,
  id: string,
): Promise<Campaign | undefined> {
  return scopedCampaigns(db, rootPath).where('c.id', '=', id).executeTakeFirst();
}

function scopedCampaigns(db: Q, rootPath: string) {
  const inSubtree = (col: 'o.path' | 'u.path') =>
    sql<boolean>`substr(${sql.ref(col)}, 1, ${rootPath.length}) = ${rootPath}`;
  return db
    .selectFrom('campaigns as c')
    .selectAll('c')
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('units as o')
            .select('o.id')
            .whereRef('o.id', '=', 'c.owner_unit_id')
            .where(inSubtree('o.path')),
        ),
        eb.exists(
          eb
            .selectFrom('campaign_units as cu')
            .innerJoin('units as u', 'u.id', 'cu.unit_id')
            .select('cu.unit_id')
            .whereRef('cu.campaign_id', '=', 'c.id')
            .where(inSubtree('u.path')),
        ),
      ]),
    );
}

export async function insertTokens(
  db: Q,
  tokens: Omit<CampaignTokenTable, 'used_at' | 'response_id'>[],
): Promise<void> {
  // Chunked: SQLite caps bound parameters per statement.
  for (let i = 0; i < tokens.length; i += 200) {
    await db
      .insertInto('campaign_tokens')
      .values(tokens.slice(i, i + 200).map((t) => ({ ...t, used_at: null, response_id: null })))
      .execute();
  }
}

export async function listTokens(db: Q, campaignId: string, unitId?: string) {
  let q = db
    .selectFrom('campaign_tokens')
    .select(['code', 'unit_id', 'created_at', 'used_at'])
    .where('campaign_id', '=', campaignId);
  if (unitId) q = q.where('unit_id', '=', unitId);
  return q.orderBy('unit_id').orderBy('created_at').orderBy('code').execute();
}

export interface CodeTarget {
  campaign: Campaign;
  unitId: string;
  unitName: string;
  /** Set when the code is a one-time token rather than a unit's link. */
  token: { code: string; usedAt: string | null } | null;
}

/** What a public code opens: a unit's link in a campaign, or a one-time token. */
export async function resolveCode(db: Q, code: string): Promise<CodeTarget | undefined> {
  const link = await db
    .selectFrom('campaign_units as cu')
    .innerJoin('campaigns as c', 'c.id', 'cu.campaign_id')
    .innerJoin('units as u', 'u.id', 'cu.unit_id')
    .selectAll('c')
    .select(['cu.unit_id as target_unit_id', 'u.name as unit_name'])
    .where('cu.code', '=', code)
    .executeTakeFirst();
  if (link) {
    const { target_unit_id, unit_name, ...campaign } = link;
    return { campaign, unitId: target_unit_id, unitName: unit_name, token: null };
  }
  const tok = await db
    .selectFrom('campaign_tokens as t')
    .innerJoin('campaigns as c', 'c.id', 't.campaign_id')
    .innerJoin('units as u', 'u.id', 't.unit_id')
    .selectAll('c')
    .select(['t.unit_id as target_unit_id', 'u.name as unit_name', 't.used_at as token_used_at'])
    .where('t.code', '=', code)
    .executeTakeFirst();
  if (!tok) return undefined;
  const { target_unit_id, unit_name, token_used_at, ...campaign } = tok;
  return {
    campaign,
    unitId: target_unit_id,
    unitName: unit_name,
    token: { code, usedAt: token_used_at },
  };
}

/**
 * Marks a token used if it is still unused; false when another response took it first. The
 * condition is in the UPDATE itself, so two concurrent submissions cannot both win.
 */
export async function claimToken(
  db: Q,
  code: string,
  responseId: string,
  at: string,
): Promise<boolean> {
  const res = await db
    .updateTable('campaign_tokens')
    .set({ used_at: at, response_id: responseId })
    .where('code', '=', code)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
