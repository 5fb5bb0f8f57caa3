import type { Db } from '../../db/index.js';
import { responseTotalsInSubtree } from '../../db/repositories/campaign-operations.js';
import { listVisibleCampaigns } from '../../db/repositories/indices-signals.js';
import type { Unit } from '../../db/schema.js';
import { isCampaignOpen } from '../campaign-state.js';
import type { CountReader } from '../services.js';
import { unitIndices } from './service.js';
import type { SuppressionReason } from './suppression.js';

/** A unit's index across campaigns, and the campaigns a user may pick from. */

export interface TrendPointDto {
  campaignId: string;
  name: string;
  opensAt: string;
  closesAt: string;
  surveyVersion: number;
  responses: number;
  suppressed: boolean;
  suppression: SuppressionReason | null;
  representative: boolean | null;
  index: number | null;
  mean: number | null;
  moe: number | null;
  low: number | null;
  high: number | null;
}

export interface TrendDto {
  surveyId: string;
  unitId: string;
  target: number | null;
  points: TrendPointDto[];
}

/** One unit across the visible campaigns of one questionnaire, by closing date. */
export async function unitTrend(
  deps: CountReader,
  root: Unit,
  surveyId: string,
  unit: Unit,
): Promise<TrendDto> {
  const { db } = deps;
  const campaigns = await listVisibleCampaigns(db, root, surveyId);
  const points: TrendPointDto[] = [];
  let target: number | null = null;
  for (const campaign of campaigns) {
    const definition = await deps.surveys.get(campaign.survey_id, campaign.survey_version);
    if (!definition) continue;
    const loaded = { campaign, definition };
    const dto = await unitIndices(deps, loaded, unit, { weighted: false });
    target = dto.target ?? target;
    points.push({
      campaignId: campaign.id,
      name: campaign.name,
      opensAt: campaign.opens_at,
      closesAt: campaign.closes_at,
      surveyVersion: campaign.survey_version,
      responses: dto.responses,
      suppressed: dto.suppressed,
      suppression: dto.suppression,
      representative: dto.representative,
      ...dto.overall,
    });
  }
  return { surveyId, unitId: unit.id, target, points };
}

export interface CampaignSummaryDto {
  id: string;
  name: string;
  surveyId: string;
  surveyVersion: number;
  opensAt: string;
  closesAt: string;
  open: boolean;
  /** Archived by staff: out of the selector and never the default, still reachable by id. */
  archived: boolean;
  /** Responses counted in the subtree: a campaign without any is never the default. */
  responses: number;
}

export async function visibleCampaigns(
  db: Db,
  root: Unit,
  now: Date,
): Promise<CampaignSummaryDto[]> {
  const iso = now.toISOString();
  const totals = await responseTotalsInSubtree(db, root.path);
  return (await listVisibleCampaigns(db, root)).map((c) => ({
    id: c.id,
    name: c.name,
    surveyId: c.survey_id,
    surveyVersion: c.survey_version,
    opensAt: c.opens_at,
    closesAt: c.closes_at,
    open: isCampaignOpen(c, iso),
    archived: c.archived_at !== null,
    responses: totals.get(c.id) ?? 0,
  }));
}
