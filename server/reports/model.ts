import type { Db } from '../../db/index.js';
import {
  campaignUnitsIn,
  feedbackByInstant,
  type FeedbackTargetRow,
} from '../../db/repositories/targets.js';
import { listSubtree } from '../../db/repositories/units.js';
import type { Unit } from '../../db/schema.js';
import { categoryLabel } from '../feedback/categories.js';
import { inResolutionRemit, resolution } from '../targets/feedback-formulas.js';
import type { Period } from '../targets/period.js';
import { computeTargets } from '../targets/service.js';
import { loadSurveyData } from '../targets/survey-data.js';
import { MIN_RESPONSES } from '../indices/engine.js';
import { pooledIndex, sampleSize } from '../targets/survey-formulas.js';
import type { TargetResult } from '../targets/types.js';
import { shownInAll } from '../indices/suppression.js';
import { suppressionsFor } from '../indices/withheld.js';

/** Everything a periodic report shows, computed once and rendered as XLSX, CSV or HTML. */
export interface ReportModel {
  unit: { id: string; name: string };
  period: { from: string; to: string };
  generatedAt: string;
  children: ChildRow[];
  targets: TargetResult[];
  feedback: { total: FeedbackStats; byCategory: FeedbackStats[]; byKind: FeedbackStats[] };
}

export interface ChildRow {
  id: string;
  name: string;
  responses: number;
  eligible: number;
  sample: number;
  index: number | null;
  /** The index is withheld to keep a small group of parents anonymous (not merely missing). */
  withheld: boolean;
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

export async function buildReport(db: Db, unit: Unit, p: Period, now: Date): Promise<ReportModel> {
  const span = { rootPath: unit.path, startIso: p.startIso, endIso: p.endIso };
  const [targets, received, due, closing, subtree] = await Promise.all([
    computeTargets(db, unit, p, now),
    feedbackByInstant(db, 'received_at', span),
    feedbackByInstant(db, 'due_at', span),
    campaignUnitsIn(db, span, true),
    listSubtree(db, unit.id),
  ]);
  const surveys = (await loadSurveyData(db, closing, unit.path)).surveys;
  const withheld = [
    ...(
      await suppressionsFor(
        db,
        closing.map((r) => r.campaign_id),
      )
    ).values(),
  ];
  const kids = subtree.filter((u) => u.parent_id === unit.id);
  const children = (kids.length ? kids : [unit]).map((child): ChildRow => {
    const inChild = closing.filter((r) => r.unit_path.startsWith(child.path));
    const ids = new Set(inChild.map((r) => r.unit_id));
    const units = new Map(inChild.map((r) => [r.unit_id, r.eligible]));
    const eligible = [...units.values()].reduce((a, b) => a + b, 0);
    const figures = pooledIndex(surveys, (id) => ids.has(id));
    const responses = inChild.reduce((a, r) => a + r.responses, 0);
    const withheldHere =
      responses > 0 && (responses < MIN_RESPONSES || !shownInAll(withheld, child.id));
    return {
      id: child.id,
      name: child.name,
      responses,
      eligible,
      sample: [...units.values()].reduce((a, n) => a + sampleSize(n), 0),
      // Withheld in any campaign of the period (small groups: server/indices/suppression.ts), or
      // fewer than MIN_RESPONSES in all: no index of its own, as on the indices page.
      index: figures.valid > 0 && !withheldHere ? figures.index : null,
      withheld: withheldHere,
    };
  });
  const nowIso = now.toISOString();
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
