import { computeIndices, MIN_RESPONSES, sampleSize, type IndexFactorDef, type IndexQuestionDef } from '../indices/engine.js';
import type { FailingItem, Measure } from './types.js';
import { ratio } from './types.js';

export { sampleSize };

/** What the index engine needs of a questionnaire. */
export interface IndexDef {
  factors: IndexFactorDef[];
  /** The likert5 questions and the factor each counts towards. */
  questions: IndexQuestionDef[];
}

export interface CoverageUnit {
  id: string;
  name: string;
  eligible: number;
  /** Each campaign of the period the unit is in, with the responses it has received. */
  campaigns: { name: string; responses: number }[];
}

/**
 * Units that reached their sample size in every campaign of the period that includes them ÷
 * those units. A unit without a declared eligible count cannot show it reached anything.
 */
export function surveyCoverage(units: readonly CoverageUnit[]): Measure {
  let numerator = 0;
  const failing: FailingItem[] = [];
  for (const u of units) {
    if (u.eligible <= 0) {
      failing.push({ id: u.id, label: u.name, kind: 'unit', detail: 'Chưa khai báo số đối tượng khảo sát', detailEn: 'No eligible count declared' });
      continue;
    }
    const need = sampleSize(u.eligible);
    const short = u.campaigns.filter((c) => c.responses < need);
    if (short.length === 0) {
      numerator++;
      continue;
    }
    const vi = short.map((c) => `${c.name}: ${c.responses}/${need} phiếu, thiếu ${need - c.responses}`).join('; ');
    const en = short.map((c) => `${c.name}: ${c.responses}/${need} responses, ${need - c.responses} short`).join('; ');
    failing.push({ id: u.id, label: u.name, kind: 'unit', detail: vi, detailEn: en });
  }
  return { numerator, denominator: units.length, value: ratio(numerator, units.length), pending: 0, failing };
}

/** Pooled counters of one questionnaire version over the period's campaigns. */
export interface SurveyCounts {
  def: IndexDef;
  /** One row per unit × question × value, summed over the campaigns using this questionnaire. */
  rows: { unit_id: string; question_id: string; value: string; n: number }[];
  responsesByUnit: ReadonlyMap<string, number>;
}

export interface IndexFigures {
  index: number | null;
  satisfied: number;
  valid: number;
  responses: number;
}

/**
 * The overall index over the units kept by `keep`: per questionnaire the counts are pooled (summed)
 * and indexed, then questionnaires are combined weighted by their responses.
 */
export function pooledIndex(surveys: readonly SurveyCounts[], keep: (unitId: string) => boolean = () => true): IndexFigures {
  let weighted = 0;
  let weights = 0;
  let satisfied = 0;
  let valid = 0;
  let responses = 0;
  for (const s of surveys) {
    const counts = new Map<string, Record<string, number>>();
    for (const r of s.rows) {
      if (!keep(r.unit_id)) continue;
      const c = counts.get(r.question_id) ?? {};
      c[r.value] = (c[r.value] ?? 0) + r.n;
      counts.set(r.question_id, c);
    }
    let n = 0;
    for (const [unit, k] of s.responsesByUnit) if (keep(unit)) n += k;
    const o = computeIndices(s.def.factors, s.def.questions, counts);
    for (const q of o.questions) {
      satisfied += q.satisfied;
      valid += q.valid;
    }
    responses += n;
    if (o.overall.index !== null) {
      weighted += o.overall.index * Math.max(n, 1);
      weights += Math.max(n, 1);
    }
  }
  return { index: weights > 0 ? weighted / weights : null, satisfied, valid, responses };
}

/**
 * The subtree's overall index against the target; numerator/denominator are the satisfied and
 * valid answers behind it. Failing: each surveyed unit whose own index is below the target (units
 * with fewer than MIN_RESPONSES responses are left out, as the indices page suppresses them).
 */
export function satisfactionIndex(
  surveys: readonly SurveyCounts[],
  units: readonly { id: string; name: string; eligible: number }[],
  target: number,
): Measure {
  const all = pooledIndex(surveys);
  const failing: FailingItem[] = [];
  for (const u of units) {
    const own = pooledIndex(surveys, (id) => id === u.id);
    // A unit with too few responses shows no index of its own (privacy), not even as failing.
    if (own.index === null || own.index >= target || own.responses < MIN_RESPONSES) continue;
    const few = own.responses < sampleSize(u.eligible) ? ' (chưa đủ cỡ mẫu)' : '';
    const fewEn = own.responses < sampleSize(u.eligible) ? ' (below sample size)' : '';
    failing.push({
      id: u.id,
      label: u.name,
      kind: 'unit',
      detail: `${own.index.toFixed(1)}% < ${target}% · ${own.responses} phiếu${few}`,
      detailEn: `${own.index.toFixed(1)}% < ${target}% · ${own.responses} responses${fewEn}`,
    });
  }
  return { numerator: all.satisfied, denominator: all.valid, value: all.valid > 0 ? all.index : null, pending: 0, failing };
}
