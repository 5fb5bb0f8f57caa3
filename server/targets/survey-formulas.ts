import {
  computeIndices,
  MIN_RESPONSES,
  sampleSize,
  type IndexFactorDef,
  type IndexQuestionDef,
} from '../indices/engine.js';
import { hasClosed } from '../campaign-state.js';
import type { FailingItem, Measure } from './types.js';
import { ratio } from './types.js';

export { sampleSize };

/** MOET's target for parents' satisfaction (2034/QĐ-BGDĐT): a questionnaire declaring none. */
export { MOET_SATISFACTION_TARGET as DEFAULT_QUESTIONNAIRE_TARGET } from './sources.js';

/** What the index engine needs of a questionnaire. */
export interface IndexDef {
  factors: IndexFactorDef[];
  /** The likert5 questions and the factor each counts towards. */
  questions: IndexQuestionDef[];
}

export interface CoverageUnit {
  id: string;
  name: string;
  /**
   * Each campaign of the period the unit is in: its frozen N there, the responses received, and
   * when it closes (optional: without it the campaign is judged as closed).
   */
  campaigns: { name: string; eligible: number; responses: number; closesAt?: string }[];
}

/**
 * Units that reached their sample size in every campaign of the period that includes them ÷
 * those units. Each campaign is judged on its own, with the population N it froze for the unit:
 * responses to different questionnaires are never added. A campaign without a declared N cannot
 * show it reached anything. A campaign still open at `nowIso` that has not reached its sample
 * yet may still do so: the unit is pending (neither counted nor failing) unless a closed
 * campaign already failed it.
 */
export function surveyCoverage(units: readonly CoverageUnit[], nowIso?: string): Measure {
  let numerator = 0;
  let pending = 0;
  const failing: FailingItem[] = [];
  for (const u of units) {
    const vi: string[] = [];
    const en: string[] = [];
    let open = false;
    for (const c of u.campaigns) {
      const stillOpen = !!nowIso && !!c.closesAt && !hasClosed(c.closesAt, nowIso);
      if (stillOpen && (c.eligible <= 0 || c.responses < sampleSize(c.eligible))) {
        open = true;
        continue;
      }
      if (c.eligible <= 0) {
        vi.push(`${c.name}: chưa khai báo số đối tượng khảo sát`);
        en.push(`${c.name}: no eligible count declared`);
        continue;
      }
      const need = sampleSize(c.eligible);
      if (c.responses >= need) continue;
      vi.push(`${c.name}: ${c.responses}/${need} phiếu, thiếu ${need - c.responses}`);
      en.push(`${c.name}: ${c.responses}/${need} responses, ${need - c.responses} short`);
    }
    if (vi.length === 0 && open) pending++;
    else if (vi.length === 0) numerator++;
    else
      failing.push({
        id: u.id,
        label: u.name,
        kind: 'unit',
        detail: vi.join('; '),
        detailEn: en.join('; '),
      });
  }
  const denominator = units.length - pending;
  return { numerator, denominator, value: ratio(numerator, denominator), pending, failing };
}

/** One unit's own figure in one campaign, with its questionnaire's own target. */
export interface CampaignFigure {
  campaignId: string;
  campaignName: string;
  /** The questionnaire's title, named in failing items. */
  surveyTitle: string;
  /** The questionnaire's own target in percent (its declared one, else MOET's 85). */
  target: number;
  unitId: string;
  unitName: string;
  /** The unit's population N frozen by this campaign (0: not declared). */
  eligible: number;
  responses: number;
  /** The unit's own overall index in this campaign, null without a valid answer. */
  index: number | null;
}

/** A unit's own overall index from its own counts (question id → value → n). */
export function ownIndex(
  def: IndexDef,
  counts: ReadonlyMap<string, Record<string, number>>,
): number | null {
  return computeIndices(def.factors, def.questions, counts).overall.index;
}

// One decimal always, as everywhere else a percentage is shown ("88,0%", not "88%").
const ONE = { minimumFractionDigits: 1, maximumFractionDigits: 1 };
const pct = (x: number) => x.toLocaleString('vi-VN', ONE);
const pctEn = (x: number) => x.toLocaleString('en', ONE);

/**
 * Surveyed units meeting their questionnaire's target ÷ surveyed units judged, one judgement per
 * campaign × unit: each figure against its own questionnaire's target (MOET's 85% for a
 * parents' form, the plan's 100% for SIPAS), never against the strictest in the subtree. A unit
 * with fewer than MIN_RESPONSES responses in a campaign shows no index of its own, so it is not
 * judged there. Failing items name the campaign and the questionnaire, and say when the figure
 * is below that campaign's sample size (from the N it froze).
 */
export function satisfactionIndex(figures: readonly CampaignFigure[]): Measure {
  let numerator = 0;
  let denominator = 0;
  const failing: FailingItem[] = [];
  for (const f of figures) {
    if (f.index === null || f.responses < MIN_RESPONSES) continue;
    denominator++;
    if (f.index >= f.target) {
      numerator++;
      continue;
    }
    const short = f.eligible > 0 && f.responses < sampleSize(f.eligible);
    failing.push({
      id: f.unitId,
      label: f.unitName,
      kind: 'unit',
      detail:
        `${f.campaignName} (${f.surveyTitle}): ${pct(f.index)}% < ${f.target}% · ` +
        `${f.responses} phiếu${short ? ' (chưa đủ cỡ mẫu)' : ''}`,
      detailEn:
        `${f.campaignName} (${f.surveyTitle}): ${pctEn(f.index)}% < ${f.target}% · ` +
        `${f.responses} responses${short ? ' (below sample size)' : ''}`,
    });
  }
  return { numerator, denominator, value: ratio(numerator, denominator), pending: 0, failing };
}
