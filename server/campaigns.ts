import { z } from 'zod';
import type { Clock } from '../db/clock.js';
import { MAX_TOKENS_PER_REQUEST } from './domain/campaign-choice.js';
import { ZCampaignAccess } from './domain/staff.js';
import { newCode, newId } from '../db/ids.js';
import type { Db } from '../db/index.js';
import {
  getCampaign,
  insertCampaign,
  insertTokens,
  listCampaignUnits,
} from '../db/repositories/campaigns.js';
import { getSurveyRow, listLatestSurveyRows } from '../db/repositories/surveys.js';
import { getUnit, listSubtree } from '../db/repositories/units.js';
import type { Campaign, Unit } from '../db/schema.js';
import { recordAudit } from './audit/service.js';
import { formatVnDate } from './domain/vn-time.js';
import { invalid, notFound } from './errors.js';
import { campaignState } from './campaign-state.js';
import { assertUsableForCampaign } from './survey-access.js';

const ZIso = z.iso.datetime({ offset: true }).transform((s) => new Date(s).toISOString());

export const ZCreateCampaign = z
  .object({
    surveyId: z.string().min(1).max(64),
    /** Defaults to the newest stored version; the campaign keeps it for its whole life. */
    surveyVersion: z.number().int().min(1).optional(),
    name: z.string().trim().min(1).max(200),
    opensAt: ZIso,
    closesAt: ZIso,
    unitIds: z.array(z.string().min(1).max(100)).min(1).max(2000),
    access: ZCampaignAccess,
  })
  .strict()
  // Messages a person reads on the dashboard: Vietnamese (issue 17).
  .refine((v) => v.closesAt > v.opensAt, {
    path: ['closesAt'],
    message: 'Thời điểm đóng phải sau thời điểm mở.',
  })
  .refine((v) => new Set(v.unitIds).size === v.unitIds.length, {
    path: ['unitIds'],
    message: 'Một trường được chọn hai lần.',
  });
export type TCreateCampaign = z.infer<typeof ZCreateCampaign>;

export const ZCreateTokens = z
  .object({
    unitId: z.string().min(1).max(100),
    count: z
      .number()
      .int()
      .min(1)
      .max(MAX_TOKENS_PER_REQUEST, `tối đa ${MAX_TOKENS_PER_REQUEST} mã mỗi lần`),
  })
  .strict();

export function formUrl(origin: string, code: string): string {
  return `${origin}/s/${code}`;
}

/** The units of `root`'s subtree by id: campaigns may only target these. */
async function subtreeIds(db: Db, root: Unit): Promise<Set<string>> {
  return new Set((await listSubtree(db, root.id)).map((u) => u.id));
}

/**
 * Creates a campaign owned by the creator's unit over units of the creator's subtree, pinned to
 * one questionnaire version, with one unguessable link code per unit.
 */
export async function createCampaign(
  deps: { db: Db; clock: Clock },
  staff: { userId: string; root: Unit },
  input: TCreateCampaign,
): Promise<{ campaign: Campaign; units: { unit_id: string; code: string }[] }> {
  const { db } = deps;
  const version =
    input.surveyVersion ??
    (await listLatestSurveyRows(db)).find((s) => s.id === input.surveyId)?.version;
  if (!version || !(await getSurveyRow(db, input.surveyId, version))) {
    throw invalid([
      {
        path: input.surveyVersion ? 'surveyVersion' : 'surveyId',
        message: 'Không có phiếu khảo sát này.',
      },
    ]);
  }
  await assertUsableForCampaign(db, staff.root, input.surveyId);
  const allowed = await subtreeIds(db, staff.root);
  const outside = input.unitIds.filter((id) => !allowed.has(id));
  if (outside.length) throw notFound();
  const campaign: Campaign = {
    id: newId(),
    survey_id: input.surveyId,
    survey_version: version,
    name: input.name,
    opens_at: input.opensAt,
    closes_at: input.closesAt,
    access: input.access,
    owner_unit_id: staff.root.id,
    created_by: staff.userId,
    created_at: deps.clock().toISOString(),
    archived_at: null,
  };
  const units = input.unitIds.map((unit_id) => ({ unit_id, code: newCode() }));
  await db.transaction().execute(async (trx) => {
    await insertCampaign(trx, campaign, units);
    await recordAudit(trx, {
      at: campaign.created_at,
      userId: staff.userId,
      action: 'create',
      kind: 'campaign',
      objectId: campaign.id,
      unitId: staff.root.id,
      summary: `Tạo đợt khảo sát "${campaign.name}" cho ${units.length} đơn vị, từ ${formatVnDate(campaign.opens_at)} đến ${formatVnDate(campaign.closes_at)}`,
    });
  });
  return { campaign, units };
}

/**
 * A campaign the signed-in user may see (owned in, or targeting, the subtree), with the target
 * units inside the subtree; anything else is 404.
 */
export async function campaignInScope(db: Db, root: Unit, id: string) {
  const campaign = await getCampaign(db, id);
  if (!campaign) throw notFound();
  const units = (await listCampaignUnits(db, id)).filter((u) => u.path.startsWith(root.path));
  const owner = await getUnit(db, campaign.owner_unit_id);
  if (!units.length && !owner?.path.startsWith(root.path)) throw notFound();
  return { campaign, units };
}

/** A batch of one-time codes for one unit of a campaign. */
export async function createTokens(
  deps: { db: Db; clock: Clock },
  campaignId: string,
  unitId: string,
  count: number,
) {
  const now = deps.clock().toISOString();
  const tokens = Array.from({ length: count }, () => ({
    code: newCode(),
    campaign_id: campaignId,
    unit_id: unitId,
    created_at: now,
  }));
  await insertTokens(deps.db, tokens);
  return tokens.map((t) => t.code);
}

export function campaignDto(c: Campaign, now: Date) {
  return {
    id: c.id,
    surveyId: c.survey_id,
    surveyVersion: c.survey_version,
    name: c.name,
    opensAt: c.opens_at,
    closesAt: c.closes_at,
    access: c.access,
    ownerUnitId: c.owner_unit_id,
    createdAt: c.created_at,
    archivedAt: c.archived_at,
    state: campaignState(c, now),
  };
}
