import { pooledResponseTotals } from '../../db/repositories/indices.js';
import { listTextAnswers, repeatedSubmissions } from '../../db/repositories/indices-signals.js';
import type { Unit } from '../../db/schema.js';
import { isCampaignOpen } from '../campaign-state.js';
import { foldText } from '../domain/text.js';
import { MIN_RESPONSES } from './engine.js';
import { detectBursts, fastShare, type Burst, type BurstRules } from './quality.js';
import type { LoadedCampaign } from './service.js';
import { campaignSuppression } from './withheld.js';
import type { CountReader } from '../services.js';
import { listTapsInScope } from '../../db/repositories/kiosks.js';
import {
  DEFAULT_DEVICE_BURST_RULES,
  detectDeviceBursts,
  type DeviceBurst,
  type DeviceBurstRules,
} from '../kiosks/bursts.js';

/** Everything beside the indices: open suggestions, quality flags, the live counter. */

export interface SuggestionsDto {
  total: number;
  suppressed: boolean;
  items: { questionId: string; unitId: string; text: string; submittedAt: string }[];
}

/** Open-ended answers of the subtree, newest first, filtered by a folded substring search. */
export async function suggestions(
  deps: CountReader,
  loaded: LoadedCampaign,
  unit: Unit,
  opts: { q?: string; limit: number; offset: number },
): Promise<SuggestionsDto> {
  const { db } = deps;
  await deps.tally.settle(); // the counters read below include every acknowledged response
  const [{ responses }, withheld] = await Promise.all([
    pooledResponseTotals(db, loaded.campaign.id, unit),
    campaignSuppression(deps, loaded.campaign.id),
  ]);
  if (responses < MIN_RESPONSES || withheld.units.has(unit.id))
    return { total: 0, suppressed: true, items: [] };
  // A shown unit's list leaves out the answers of units below it whose own responses are withheld.
  const rows = (await listTextAnswers(db, loaded.campaign.id, unit)).filter(
    (r) => !withheld.own.has(r.unit_id),
  );
  const needle = opts.q ? foldText(opts.q.trim()) : '';
  const matching = needle ? rows.filter((r) => foldText(r.text).includes(needle)) : rows;
  return {
    total: matching.length,
    suppressed: false,
    items: matching.slice(opts.offset, opts.offset + opts.limit).map((r) => ({
      questionId: r.question_id,
      unitId: r.unit_id,
      text: r.text,
      submittedAt: r.submitted_at,
    })),
  };
}

export interface QualityDto {
  responses: number;
  fast: number;
  /** Percent of responses completed implausibly fast. */
  fastShare: number | null;
  rules: BurstRules;
  bursts: (Omit<Burst, 'fingerprint'> & { fingerprint: string })[];
  /** Counter devices (kiosks) tapped faster than a queue of visitors can (server/kiosks/bursts.ts). */
  deviceRules: DeviceBurstRules;
  deviceBursts: DeviceBurst[];
}

export async function qualitySignals(
  deps: CountReader,
  loaded: LoadedCampaign,
  unit: Unit,
  rules: BurstRules,
): Promise<QualityDto> {
  const { db } = deps;
  await deps.tally.settle(); // the counters read below include every acknowledged response
  const id = loaded.campaign.id;
  const [totals, all, withheld, taps] = await Promise.all([
    pooledResponseTotals(db, id, unit),
    repeatedSubmissions(db, id, unit, rules.minRepeats),
    campaignSuppression(deps, id),
    listTapsInScope(db, id, unit.path),
  ]);
  // Identical answer sets tell something of the answers: none from a withheld group.
  const repeated = all.filter((r) => !withheld.own.has(r.unit_id));
  const bursts = detectBursts(
    repeated.map((r) => ({
      unitId: r.unit_id,
      fingerprint: r.fingerprint,
      submittedAt: r.submitted_at,
    })),
    rules,
  );
  return {
    ...totals,
    fastShare: fastShare(totals.fast, totals.responses),
    rules,
    // A short prefix is enough to tell bursts apart on screen.
    bursts: bursts.map((b) => ({ ...b, fingerprint: b.fingerprint.slice(0, 8) })),
    deviceRules: DEFAULT_DEVICE_BURST_RULES,
    // A tap count tells how many responses a unit has: none of a withheld group.
    deviceBursts: detectDeviceBursts(
      taps.filter((t) => !withheld.own.has(t.unit_id)),
      DEFAULT_DEVICE_BURST_RULES,
    ),
  };
}

export interface LiveDto {
  campaignId: string;
  unitId: string;
  responses: number;
  open: boolean;
  at: string;
}

/** The response counter the dashboard polls during an open campaign (counters only: cheap). */
export async function liveCount(
  deps: CountReader,
  loaded: LoadedCampaign,
  unit: Unit,
  now: Date,
): Promise<LiveDto> {
  const { db } = deps;
  await deps.tally.settle(); // the counters read below include every acknowledged response
  const { responses } = await pooledResponseTotals(db, loaded.campaign.id, unit);
  const at = now.toISOString();
  return {
    campaignId: loaded.campaign.id,
    unitId: unit.id,
    responses,
    open: isCampaignOpen(loaded.campaign, at),
    at,
  };
}
