import type { Db } from '../db/index.js';
import {
  listCampaignsInScope,
  listTokens,
  setCampaignUnitEligible,
} from '../db/repositories/campaigns.js';
import { countResponsesByUnit } from '../db/repositories/responses.js';
import { campaignHasResponses, tokenCountsByUnit } from '../db/repositories/campaign-operations.js';
import { getUnit } from '../db/repositories/units.js';
import type { Campaign, Unit } from '../db/schema.js';
import type { AppDeps } from './context.js';
import { campaignDto, campaignInScope, formUrl } from './campaigns.js';
import { notFound } from './errors.js';

/**
 * What the campaign routes answer, assembled here so that each route handler only validates,
 * calls one of these and returns the value. `origin` is the public address the links point to.
 */

/**
 * GET /api/campaigns: the campaigns visible from `root`, newest first; archived ones only when
 * asked for (`archived`: 'include' lists them too, 'only' lists nothing else).
 */
export async function campaignList(
  db: Db,
  root: Unit,
  now: Date,
  archived: 'exclude' | 'include' | 'only' = 'exclude',
) {
  return (await listCampaignsInScope(db, root.path))
    .filter((x) => archived === 'include' || (x.archived_at !== null) === (archived === 'only'))
    .map((x) => campaignDto(x, now));
}

/** POST /api/campaigns: the new campaign, with one form link per unit when it is open-link. */
export function createdCampaignDto(
  campaign: Campaign,
  units: { unit_id: string; code: string }[],
  origin: string,
  now: Date,
) {
  const links =
    campaign.access === 'link'
      ? units.map((u) => ({ unitId: u.unit_id, code: u.code, url: formUrl(origin, u.code) }))
      : [];
  return { ...campaignDto(campaign, now), links };
}

/** GET /api/campaigns/:id: the campaign and, per unit in scope, responses, N and its link. */
export async function campaignDetail(
  deps: Pick<AppDeps, 'db' | 'tally'>,
  root: Unit,
  id: string,
  origin: string,
  now: Date,
) {
  const { db } = deps;
  const { campaign, units } = await campaignInScope(db, root, id);
  await deps.tally.settle(); // the counters include every acknowledged response
  const counts = await countResponsesByUnit(db, campaign.id);
  const tokens = campaign.access === 'token' ? await tokenCountsByUnit(db, campaign.id) : null;
  const owner = await getUnit(db, campaign.owner_unit_id);
  return {
    ...campaignDto(campaign, now),
    /** Whether the user runs it (edit, close, duplicate, delete, archive): its owner is in scope. */
    manageable: !!owner?.path.startsWith(root.path),
    /** Any response stored, counted or not: such a campaign is archived, never deleted. */
    hasResponses: await campaignHasResponses(db, campaign.id),
    units: units.map((u) => ({
      unitId: u.unit_id,
      name: u.name,
      responses: counts.get(u.unit_id) ?? 0,
      eligible: Number(u.eligible),
      ...(campaign.access === 'link' ? { code: u.code, url: formUrl(origin, u.code) } : {}),
      ...(tokens ? { tokens: tokenCounts(tokens.get(u.unit_id)) } : {}),
    })),
  };
}

/** The campaign and one of its target units inside `root`'s subtree, else 404. */
export async function campaignUnitInScope(db: Db, root: Unit, id: string, unitId: string) {
  const { campaign, units } = await campaignInScope(db, root, id);
  const unit = units.find((u) => u.unit_id === unitId);
  if (!unit) throw notFound();
  return { campaign, unit };
}

/** PATCH /api/campaigns/:id/units/:unitId: corrects the population N frozen for one unit. */
export async function setUnitEligible(
  db: Db,
  campaignId: string,
  unitId: string,
  eligible: number,
) {
  await setCampaignUnitEligible(db, campaignId, unitId, eligible);
  return { campaignId, unitId, eligible };
}

function tokenCounts(c: { total: number; used: number } | undefined) {
  const total = c?.total ?? 0;
  const used = c?.used ?? 0;
  return { total, used, unused: total - used };
}

/**
 * GET /api/campaigns/:id/tokens: one unit's codes made, used and unused, and each code with its
 * link and when it was used.
 */
export async function tokenList(db: Db, campaignId: string, unitId: string, origin: string) {
  const tokens = await listTokens(db, campaignId, unitId);
  const used = tokens.filter((t) => t.used_at !== null).length;
  return {
    total: tokens.length,
    used,
    unused: tokens.length - used,
    tokens: tokens.map((t) => ({
      code: t.code,
      url: formUrl(origin, t.code),
      usedAt: t.used_at,
    })),
  };
}

/** The codes of one unit not used yet, for the printable list. */
export async function unusedTokenCodes(db: Db, campaignId: string, unitId: string) {
  return (await listTokens(db, campaignId, unitId)).filter((t) => !t.used_at).map((t) => t.code);
}
