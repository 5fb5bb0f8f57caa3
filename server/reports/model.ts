import {
  campaignUnitsIn,
  type CampaignUnitRow,
  type FeedbackTargetRow,
} from '../../db/repositories/targets.js';
import { getCampaign } from '../../db/repositories/campaigns.js';
import { hasClosed } from '../campaign-state.js';
import { listSubtree } from '../../db/repositories/units.js';
import type { Unit } from '../../db/schema.js';
import { categoryLabel } from '../feedback/categories.js';
import { inResolutionRemit, resolution } from '../targets/feedback-formulas.js';
import type { Period } from '../targets/period.js';
import { computeTargets } from '../targets/service.js';
import { feedbackRows } from '../targets/feedback-rows.js';
import { waitReturns } from '../feedback/waits.js';
import { unitIndices, type LoadedCampaign } from '../indices/service.js';
import type { WeightedIndex } from '../indices/intervals.js';
import { sampleSize } from '../targets/survey-formulas.js';
import type { TargetResult } from '../targets/types.js';
import type { CountReader } from '../services.js';

/** Everything a periodic report shows, computed once and rendered as XLSX, CSV or HTML. */
export interface ReportModel {
  unit: { id: string; name: string };
  period: { from: string; to: string };
  generatedAt: string;
  children: ChildRow[];
  targets: TargetResult[];
  feedback: { total: FeedbackStats; byCategory: FeedbackStats[]; byKind: FeedbackStats[] };
}

/** One child unit in one campaign of the period (a child surveyed by none has one empty row). */
export interface ChildRow {
  campaign: string | null;
  id: string;
  name: string;
  responses: number;
  /** The campaign's frozen populations N of the child's units. */
  eligible: number;
  /** Σ of each unit's own sample size: the sample is reached per school, never pooled. */
  sample: number;
  /** Every unit of the child reached its own sample size; null when a unit's N is unknown. */
  reached: boolean | null;
  /** The pooled index and its 95% interval (null when suppressed or without answers). */
  index: number | null;
  /** The index is withheld to keep a small group of parents anonymous (not merely missing). */
  withheld: boolean;
  low: number | null;
  high: number | null;
  /** Each school weighted by its population N. */
  weighted: WeightedIndex | null;
  /** The campaign is still open when the report is made: its figures may still change. */
  open: boolean;
}

export interface FeedbackStats {
  key: string;
  label: string;
  /** Received in the period. */
  received: number;
  /** Of the items due in the period (within the resolution remit): */
  resolvedOnTime: number;
  resolvedLate: number;
  openOverdue: number;
  published: number;
}

const KIND_LABELS: Record<string, string> = {
  feedback: 'Phản ánh, kiến nghị',
  complaint: 'Khiếu nại',
  denunciation: 'Tố cáo',
};

export async function buildReport(
  deps: CountReader,
  unit: Unit,
  p: Period,
  now: Date,
): Promise<ReportModel> {
  const { db } = deps;
  await deps.tally.settle(); // the counters read below include every acknowledged response
  const span = { rootPath: unit.path, startIso: p.startIso, endIso: p.endIso };
  // One view of the ended waits for every table (read, never swept here: a read never writes).
  const returns = await waitReturns(db, now, { rootPath: unit.path });
  // The units table lists the same campaigns as the coverage target (every campaign open at some
  // time in the period), so a school is never "0 phiếu" in one sheet and "82/329" in another.
  const [targets, received, due, overlapping, subtree] = await Promise.all([
    computeTargets(deps, unit, p, now, returns),
    feedbackRows(db, 'received_at', span, returns),
    feedbackRows(db, 'due_at', span, returns),
    campaignUnitsIn(db, span),
    listSubtree(db, unit.id),
  ]);
  const kids = subtree.filter((u) => u.parent_id === unit.id);
  const loaded = await loadCampaigns(deps, overlapping);
  const nowIso = now.toISOString();
  const children: ChildRow[] = [];
  for (const child of kids.length ? kids : [unit]) {
    const inChild = overlapping.filter((r) => r.unit_path.startsWith(child.path));
    const campaigns = [...new Set(inChild.map((r) => r.campaign_id))];
    const empty = {
      responses: 0,
      eligible: 0,
      sample: 0,
      reached: null,
      index: null,
      low: null,
      high: null,
      weighted: null,
      withheld: false,
      open: false,
    };
    if (!campaigns.length)
      children.push({ campaign: null, id: child.id, name: child.name, ...empty });
    for (const id of campaigns) {
      const l = loaded.get(id);
      if (!l) continue;
      const rows = inChild.filter((r) => r.campaign_id === id);
      // The indices page's own figures (pooled, weighted, intervals, suppression).
      const d = await unitIndices(deps, l, child);
      children.push({
        campaign: l.campaign.name,
        id: child.id,
        name: child.name,
        responses: d.responses,
        eligible: rows.reduce((a, r) => a + r.eligible, 0),
        sample: rows.reduce((a, r) => a + sampleSize(r.eligible), 0),
        reached: rows.some((r) => r.eligible <= 0)
          ? null
          : rows.every((r) => r.responses >= sampleSize(r.eligible)),
        index: d.overall.index,
        low: d.overall.low,
        high: d.overall.high,
        weighted: d.weighted,
        withheld: d.suppressed && d.responses > 0,
        open: !hasClosed(l.campaign.closes_at, nowIso),
      });
    }
  }
  return {
    unit: { id: unit.id, name: unit.name },
    period: { from: p.from, to: p.to },
    generatedAt: nowIso,
    children,
    targets,
    feedback: {
      total: stats('all', 'Tổng số', received, due, nowIso),
      byCategory: groups(received, due, (f) => f.category, categoryLabel, nowIso),
      byKind: groups(
        received,
        due,
        (f) => f.kind,
        (k) => KIND_LABELS[k] ?? k,
        nowIso,
      ),
    },
  };
}

function groups(
  received: readonly FeedbackTargetRow[],
  due: readonly FeedbackTargetRow[],
  keyOf: (f: FeedbackTargetRow) => string,
  labelOf: (key: string) => string,
  nowIso: string,
): FeedbackStats[] {
  const keys = [...new Set([...received, ...due].map(keyOf))].sort();
  return keys.map((k) =>
    stats(
      k,
      labelOf(k),
      received.filter((f) => keyOf(f) === k),
      due.filter((f) => keyOf(f) === k),
      nowIso,
    ),
  );
}

function stats(
  key: string,
  label: string,
  received: readonly FeedbackTargetRow[],
  due: readonly FeedbackTargetRow[],
  nowIso: string,
): FeedbackStats {
  const remit = due.filter(inResolutionRemit);
  const count = (p: (f: FeedbackTargetRow) => boolean) => remit.filter(p).length;
  return {
    key,
    label,
    received: received.length,
    // The targets' rule (24:00 of the due date; a paused item judged like an open one).
    resolvedOnTime: count((f) => f.answered_at !== null && resolution(f, nowIso) === 'on_time'),
    resolvedLate: count((f) => f.answered_at !== null && resolution(f, nowIso) === 'late'),
    openOverdue: count((f) => f.answered_at === null && resolution(f, nowIso) === 'late'),
    published: count((f) => f.published_at !== null),
  };
}

/** The questionnaire behind each campaign of the period. */
async function loadCampaigns(
  deps: CountReader,
  rows: readonly CampaignUnitRow[],
): Promise<Map<string, LoadedCampaign>> {
  const out = new Map<string, LoadedCampaign>();
  for (const r of rows) {
    if (out.has(r.campaign_id)) continue;
    const campaign = await getCampaign(deps.db, r.campaign_id);
    const definition =
      campaign && (await deps.surveys.get(campaign.survey_id, campaign.survey_version));
    if (campaign && definition) out.set(r.campaign_id, { campaign, definition });
  }
  return out;
}
