import {
  childAnswerCounts,
  childScores,
  childTotals,
  listChildren,
  pooledAnswerCounts,
  pooledEligible,
  pooledResponseTotals,
  pooledScores,
  type CountRow,
  type ScoreRow,
} from '../../db/repositories/indices.js';
import { campaignStrata } from '../../db/repositories/indices-sampling.js';
import type { ScoreTotals, WeightedIndex } from './intervals.js';
import {
  knownPopulation,
  samplePerUnit,
  scoresByScope,
  subtreeWeighted,
  type SampleJudgement,
} from './sampling.js';
import type { Campaign, Unit } from '../../db/schema.js';
import type { TSurveyDefinition, TText } from '../../surveys/schema.js';
import { getCampaignInScope } from '../../db/repositories/campaigns.js';
import { notFound } from '../errors.js';

import { answerItems, likertItems } from '../../surveys/items.js';
import {
  computeIndices,
  isRepresentative,
  MIN_RESPONSES,
  sampleSize,
  type Distribution,
  type IndexQuestionDef,
  type ValueCounts,
} from './engine.js';
import type { SuppressionReason } from './suppression.js';
import { campaignSuppression } from './withheld.js';
import type { CountReader } from '../services.js';
import { questionnaireTarget } from '../targets/sources.js';

/**
 * The indices service: loads counters through the repository, runs the engine, shapes the DTOs
 * the API returns. Takes a database and plain values, so a benchmark can call it without HTTP.
 */

export interface LoadedCampaign {
  campaign: Campaign;
  definition: TSurveyDefinition;
}

/** The campaign if a user rooted at `root` may see it (the campaigns' scope rule), else 404. */
export async function loadCampaignFor(
  deps: CountReader,
  root: Unit,
  campaignId: string,
): Promise<LoadedCampaign> {
  const { db } = deps;
  const campaign = await getCampaignInScope(db, root.path, campaignId);
  if (!campaign) throw notFound();
  const definition = await deps.surveys.get(campaign.survey_id, campaign.survey_version);
  if (!definition) throw notFound();
  return { campaign, definition };
}

function likertQuestions(def: TSurveyDefinition): IndexQuestionDef[] {
  return likertItems(def);
}

function groupCounts(rows: readonly CountRow[]): Map<string, Record<string, number>> {
  const byQuestion = new Map<string, Record<string, number>>();
  for (const r of rows) {
    const counts = byQuestion.get(r.question_id) ?? {};
    counts[r.value] = (counts[r.value] ?? 0) + r.n;
    byQuestion.set(r.question_id, counts);
  }
  return byQuestion;
}

export interface QuestionDto {
  id: string;
  factor: string;
  text: TText;
  index: number | null;
  mean: number | null;
  moe: number | null;
  low: number | null;
  high: number | null;
  valid: number;
  satisfied: number;
  distribution: Distribution;
  na: number;
}

export interface ChoiceDto {
  id: string;
  type: 'single' | 'multi';
  text: TText;
  options: { value: string; label: TText; n: number }[];
}

export interface IndicesDto {
  campaignId: string;
  unitId: string;
  responses: number;
  fast: number;
  eligible: number;
  sampleSize: number;
  representative: boolean | null;
  /** Fewer than MIN_RESPONSES responses: no breakdown is shown for this unit. */
  suppressed: boolean;
  /** Why: `small` (fewer than MIN_RESPONSES), `complement` (withheld so a small one cannot be computed). */
  suppression: SuppressionReason | null;
  convention: TSurveyDefinition['convention'];
  target: number | null;
  overall: {
    index: number | null;
    mean: number | null;
    moe: number | null;
    low: number | null;
    high: number | null;
  };
  factors: {
    id: string;
    title: TText;
    weight: number;
    index: number | null;
    mean: number | null;
    moe: number | null;
    low: number | null;
    high: number | null;
    questions: number;
  }[];
  questions: QuestionDto[];
  /**
   * The subtree's index with each unit weighted by its frozen population N; null when any of the
   * campaign's units in the subtree lacks N (or none has an index).
   */
  weighted: WeightedIndex | null;
  /** Closed single/multi-choice questions (e.g. the improvements parents expect). */
  choices: ChoiceDto[];
}

/** Totals of a subtree: responses, and the campaign's frozen populations of its units. */
export interface SubtreeTotals {
  responses: number;
  fast: number;
  eligible: number;
  /** Units of the subtree in the campaign without a declared N (their N is not in `eligible`). */
  unknown?: number;
}

const NO_FIGURE = { index: null, mean: null, moe: null, low: null, high: null };

/** Indices of one unit's subtree from counts already pooled over it. */
export function indicesFromCounts(
  loaded: LoadedCampaign,
  unitId: string,
  counts: ReadonlyMap<string, ValueCounts>,
  subtree: SubtreeTotals,
  scores: ReadonlyMap<string, ScoreTotals> = new Map(),
  weighted: WeightedIndex | null = null,
  sample?: SampleJudgement,
  withheld: SuppressionReason | null = null,
): IndicesDto {
  const def = loaded.definition;
  const { unknown: _unknown, ...totals } = subtree;
  const suppression = totals.responses < MIN_RESPONSES ? 'small' : withheld;
  const suppressed = suppression !== null;
  const base = {
    campaignId: loaded.campaign.id,
    unitId,
    ...totals,
    sampleSize: sample?.sampleSize ?? sampleSize(totals.eligible),
    representative: sample
      ? sample.representative
      : isRepresentative(totals.responses, totals.eligible),
    suppressed,
    suppression,
    convention: def.convention,
    // The same target the targets and the reports judge this questionnaire against.
    target: questionnaireTarget(def),
  };
  if (suppressed) {
    return { ...base, overall: NO_FIGURE, factors: [], questions: [], choices: [], weighted: null };
  }
  const result = computeIndices(def.factors, likertQuestions(def), counts, {
    scores,
    population: knownPopulation(subtree),
  });
  const questions = answerItems(def);
  const textOf = new Map(questions.map((q) => [q.id, q.text]));
  const titleOf = new Map(def.factors.map((f) => [f.id, f.title]));
  return {
    ...base,
    weighted,
    overall: result.overall,
    factors: result.factors.map((f) => ({ ...f, title: titleOf.get(f.id)! })),
    questions: result.questions.map((q) => ({ ...q, text: textOf.get(q.id)! })),
    choices: questions.flatMap((q) =>
      (q.type === 'single' || q.type === 'multi' || q.type === 'dropdown') && q.options
        ? [
            {
              id: q.id,
              // A dropdown is one choice from a list: counted and shown as a single choice.
              type: q.type === 'multi' ? ('multi' as const) : ('single' as const),
              text: q.text,
              options: q.options.map((o) => ({ ...o, n: counts.get(q.id)?.[o.value] ?? 0 })),
            },
          ]
        : [],
    ),
  };
}

/** GET /api/indices: the unit's whole subtree pooled (counts summed, not unit indices averaged). */
export async function unitIndices(
  deps: CountReader,
  loaded: LoadedCampaign,
  unit: Unit,
  opts: { weighted?: boolean; channel?: IndicesChannel } = {},
): Promise<IndicesDto> {
  const { db } = deps;
  await deps.tally.settle(); // resolves at once: every acknowledged response is counted
  const id = loaded.campaign.id;
  const channels = opts.channel ? CHANNELS[opts.channel] : undefined;
  const [rows, totals, eligible, scores, strata, withheld, all] = await Promise.all([
    pooledAnswerCounts(db, id, unit, channels),
    pooledResponseTotals(db, id, unit, channels),
    pooledEligible(db, id, unit),
    pooledScores(db, id, unit, channels),
    campaignStrata(db, id, unit),
    campaignSuppression(deps, id),
    channels ? pooledResponseTotals(db, id, unit) : null,
  ]);
  const subtree = { ...totals, ...eligible };
  // One channel's figures beside the whole's: the rest (whole − channel) must not be a small
  // group either, or subtracting the two would show it.
  const rest = all ? all.responses - totals.responses : 0;
  const complement: SuppressionReason | null =
    rest > 0 && rest < MIN_RESPONSES ? 'complement' : null;
  // The weighted index weighs each unit's own responses, all channels: not for one channel.
  const weighted =
    !channels &&
    opts.weighted !== false &&
    eligible.unknown === 0 &&
    totals.responses >= MIN_RESPONSES
      ? await subtreeWeighted(deps, loaded, unit, strata, withheld.own)
      : null;
  return indicesFromCounts(
    loaded,
    unit.id,
    groupCounts(rows),
    subtree,
    scoresByScope(scores),
    weighted,
    samplePerUnit(strata),
    withheld.units.get(unit.id) ?? complement,
  );
}

/**
 * The channels GET /api/indices?channel= may name, and the stored channels each reads: `link`
 * is every submission through a link (the JSON form and the no-JavaScript form).
 */
export const CHANNELS = {
  link: ['api', 'form'],
  api: ['api'],
  form: ['form'],
  kiosk: ['kiosk'],
  seed: ['seed'],
} as const satisfies Record<string, readonly string[]>;
export type IndicesChannel = keyof typeof CHANNELS;

export interface ChildRankDto {
  id: string;
  name: string;
  kind: string;
  responses: number;
  eligible: number;
  sampleSize: number;
  representative: boolean | null;
  suppressed: boolean;
  suppression: SuppressionReason | null;
  /** Whether the campaign surveys this unit or a unit below it (a ranking lists only those). */
  inCampaign: boolean;
  index: number | null;
  mean: number | null;
  moe: number | null;
  low: number | null;
  high: number | null;
}

/** The unit's direct children, each pooled over its own subtree, best index first. */
export async function childrenRanking(
  deps: CountReader,
  loaded: LoadedCampaign,
  unit: Unit,
): Promise<ChildRankDto[]> {
  const { db } = deps;
  await deps.tally.settle(); // the counters read below include every acknowledged response
  const id = loaded.campaign.id;
  const [children, rows, totals, scores, strata, withheld] = await Promise.all([
    listChildren(db, unit.id),
    childAnswerCounts(db, id, unit.id),
    childTotals(db, id, unit.id),
    childScores(db, id, unit.id),
    campaignStrata(db, id, unit),
    campaignSuppression(deps, id),
  ]);
  const rowsByChild = new Map<string, CountRow[]>();
  for (const r of rows) rowsByChild.set(r.child_id, [...(rowsByChild.get(r.child_id) ?? []), r]);
  const scoresByChild = new Map<string, ScoreRow[]>();
  for (const r of scores)
    scoresByChild.set(r.child_id, [...(scoresByChild.get(r.child_id) ?? []), r]);
  const totalsByChild = new Map(totals.map((t) => [t.child_id, t]));
  const ranked = children.map((child): ChildRankDto => {
    const t = totalsByChild.get(child.id) ?? { responses: 0, fast: 0, eligible: 0, unknown: 0 };
    const dto = indicesFromCounts(
      loaded,
      child.id,
      groupCounts(rowsByChild.get(child.id) ?? []),
      t,
      scoresByScope(scoresByChild.get(child.id) ?? []),
      null,
      samplePerUnit(strata.filter((u) => u.path.startsWith(child.path))),
      withheld.units.get(child.id) ?? null,
    );
    return {
      id: child.id,
      name: child.name,
      kind: child.kind,
      responses: dto.responses,
      eligible: dto.eligible,
      sampleSize: dto.sampleSize,
      representative: dto.representative,
      suppressed: dto.suppressed,
      suppression: dto.suppression,
      inCampaign: strata.some((u) => u.path.startsWith(child.path)),
      ...dto.overall,
    };
  });
  return ranked.sort((a, b) => (b.index ?? -1) - (a.index ?? -1) || a.name.localeCompare(b.name));
}
