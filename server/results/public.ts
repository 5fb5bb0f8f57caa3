import { listCampaignUnits } from '../../db/repositories/campaigns.js';
import { campaignsPublishedFor } from '../../db/repositories/publications.js';
import { getUnit } from '../../db/repositories/units.js';
import type { Unit } from '../../db/schema.js';
import type { TText } from '../../surveys/schema.js';
import { hasClosed } from '../campaign-state.js';
import { notFound } from '../errors.js';
import { unitIndices } from '../indices/service.js';
import type { CountReader } from '../services.js';

/**
 * What the public may read of a unit's published survey results (GET /api/public/results and
 * the page /results/:unitId). Figures come from the indices service as the dashboard shows them,
 * its small-groups rule included (server/indices): a withheld unit gets no figure at all here,
 * not even its number of responses, so nothing can be subtracted from its parent's.
 */

export interface PublicFigure {
  index: number | null;
  low: number | null;
  high: number | null;
}

export interface PublicResultDto {
  campaignId: string;
  name: string;
  closedAt: string;
  publishedAt: string;
  surveyId: string;
  surveyTitle: TText;
  /** The unit's subtree's responses; null when its figures are withheld (small group). */
  responses: number | null;
  /** Withheld by the small-groups rule: fewer than 5 responses, or so none can be computed. */
  suppressed: boolean;
  /** The share satisfied with its 95% interval; null when withheld or without any answer. */
  overall: PublicFigure | null;
  factors: ({ id: string; title: TText } & PublicFigure)[];
  /** The questionnaire's target (e.g. MOET's 85%), or null. */
  target: number | null;
}

/** The unit a public page names, or undefined (the page says it does not exist). */
export function publicUnitOrNone(deps: Pick<CountReader, 'db'>, unitId: string) {
  return getUnit(deps.db, unitId);
}

/** The unit a public route names, or 404. */
export async function publicUnit(deps: Pick<CountReader, 'db'>, unitId: string): Promise<Unit> {
  const unit = await publicUnitOrNone(deps, unitId);
  if (!unit) throw notFound();
  return unit;
}

/** The unit's published, closed campaigns in which it (or a unit below it) took part, oldest first. */
export async function publicResults(
  deps: CountReader,
  unit: Unit,
  now: Date,
): Promise<PublicResultDto[]> {
  const published = (await campaignsPublishedFor(deps.db, unit.path)).filter((c) =>
    hasClosed(c.closes_at, now),
  );
  const out: PublicResultDto[] = [];
  for (const campaign of published) {
    const units = await listCampaignUnits(deps.db, campaign.id);
    if (!units.some((u) => u.path.startsWith(unit.path))) continue;
    const definition = await deps.surveys.get(campaign.survey_id, campaign.survey_version);
    if (!definition) continue;
    const dto = await unitIndices(deps, { campaign, definition }, unit, { weighted: false });
    const shown = !dto.suppressed;
    const figure = (f: PublicFigure): PublicFigure => ({
      index: f.index,
      low: f.low,
      high: f.high,
    });
    out.push({
      campaignId: campaign.id,
      name: campaign.name,
      closedAt: campaign.closes_at,
      publishedAt: campaign.published_at,
      surveyId: campaign.survey_id,
      surveyTitle: definition.title,
      responses: shown ? dto.responses : null,
      suppressed: !shown,
      overall: shown && dto.overall.index !== null ? figure(dto.overall) : null,
      factors: shown ? dto.factors.map((f) => ({ id: f.id, title: f.title, ...figure(f) })) : [],
      target: dto.target,
    });
  }
  return out;
}

/** Whether the unit has any published results to link to (the thank-you page, the poster). */
export async function hasPublicResults(
  deps: Pick<CountReader, 'db'>,
  unitId: string,
  now: Date,
): Promise<boolean> {
  const unit = await getUnit(deps.db, unitId);
  if (!unit) return false;
  const published = await campaignsPublishedFor(deps.db, unit.path);
  return published.some((c) => hasClosed(c.closes_at, now));
}
