import { describe, expect, test } from 'vitest';
import { getUnit } from '../../db/repositories/units.js';
import {
  computeIndices,
  sampleSize,
  wilsonHalfWidth,
  isRepresentative,
} from '../../server/indices/engine.js';
import { loadCampaignFor, unitIndices, childrenRanking } from '../../server/indices/service.js';
import { createTestApp } from '../helpers/app.js';
import { addCounts, createCampaign, createSurvey, smallSurvey } from '../helpers/index-fixtures.js';

const FACTORS = [{ id: 'a', weight: 2 }, { id: 'b' }, { id: 'c' }];
const QUESTIONS = [
  { id: 'q1', factor: 'a' },
  { id: 'q2', factor: 'a' },
  { id: 'q3', factor: 'b' },
  { id: 'q4', factor: 'c' },
];
/**
 * Hand-computed case:
 * q1: 1,1,1,2 of 1..5 + 3 N/A → valid 10, satisfied 6 → 60 %, mean 35/10 = 3.5
 * q2: three 4s, one 5, one N/A → valid 4, satisfied 4 → 100 %, mean 17/4 = 4.25
 * q3: one 2, one 4 → 50 %, mean 3
 * q4: only N/A → no valid answer, so factor c has no index at all
 * factor a = (60 + 100) / 2 = 80 (not pooled 10/14), mean (3.5 + 4.25) / 2 = 3.875
 * overall = (2·80 + 1·50) / 3 = 70, mean (2·3.875 + 3) / 3 = 3.58333…
 */
const COUNTS = new Map<string, Record<string, number>>([
  ['q1', { '1': 1, '2': 1, '3': 2, '4': 4, '5': 2, na: 3 }],
  ['q2', { '4': 3, '5': 1, na: 1 }],
  ['q3', { '2': 1, '4': 1 }],
  ['q4', { na: 5 }],
]);

describe('index arithmetic', () => {
  const result = computeIndices(FACTORS, QUESTIONS, COUNTS);
  const q = (id: string) => result.questions.find((x) => x.id === id)!;
  const f = (id: string) => result.factors.find((x) => x.id === id)!;

  test('a question counts 4–5 over valid answers and keeps N/A out of both', () => {
    expect(q('q1')).toMatchObject({
      valid: 10,
      satisfied: 6,
      na: 3,
      distribution: { '1': 1, '2': 1, '3': 2, '4': 4, '5': 2 },
    });
    expect(q('q1').index).toBeCloseTo(60, 10);
    expect(q('q1').mean).toBeCloseTo(3.5, 10);
    expect(q('q2').index).toBeCloseTo(100, 10);
    expect(q('q2').mean).toBeCloseTo(4.25, 10);
  });

  test('a question answered only "not applicable" has no index, and its factor none either', () => {
    expect(q('q4')).toMatchObject({ valid: 0, na: 5, index: null, mean: null, moe: null });
    expect(f('c')).toMatchObject({ index: null, mean: null, moe: null, questions: 0 });
  });

  test('a factor is the mean of its question indices, not of pooled answers', () => {
    expect(f('a').index).toBeCloseTo(80, 10);
    expect(f('a').mean).toBeCloseTo(3.875, 10);
    expect(f('a').questions).toBe(2);
    expect(f('b').index).toBeCloseTo(50, 10);
  });

  test('the overall index weighs factors and leaves out the one without answers', () => {
    expect(result.overall.index).toBeCloseTo(70, 10);
    expect(result.overall.mean).toBeCloseTo(10.75 / 3, 10);
    const unweighted = computeIndices([{ id: 'a' }, { id: 'b' }, { id: 'c' }], QUESTIONS, COUNTS);
    expect(unweighted.overall.index).toBeCloseTo(65, 10);
  });

  test('a summary factor (overall satisfaction) is reported but kept out of the overall index', () => {
    const withSummary = computeIndices(
      [{ id: 'a', weight: 2 }, { id: 'b', summary: true }, { id: 'c' }],
      QUESTIONS,
      COUNTS,
    );
    expect(withSummary.factors.find((x) => x.id === 'b')!.index).toBeCloseTo(50, 10);
    expect(withSummary.overall.index).toBeCloseTo(80, 10);
  });

  test('a question carries its Wilson 95% bounds, and the margin is the larger distance to one', () => {
    // 6/10: centre (0.6 + z²/20)/(1 + z²/10) = 0.57225, half-width 0.25957 → 31.27–83.18.
    expect(q('q1').low).toBeCloseTo(31.267, 2);
    expect(q('q1').high).toBeCloseTo(83.182, 2);
    expect(q('q1').moe).toBeCloseTo(60 - 31.267, 2);
    // 4/4: 51.0–100, not 100 ± 24.5 — a 100 % index still carries a margin, below it only.
    expect(q('q2').low).toBeCloseTo(51.01, 1);
    expect(q('q2').high).toBe(100);
    expect(q('q2').moe).toBeCloseTo(48.99, 1);
    expect(wilsonHalfWidth(0, 0)).toBeNull();
  });

  test('a factor without per-respondent score counters has an index but no interval', () => {
    expect(f('a')).toMatchObject({ low: null, high: null, moe: null });
  });

  test('the sample size is N/(1+N·0.05²) rounded up, and decides representativeness', () => {
    expect(sampleSize(640)).toBe(247); // 640 / 2.6 = 246.15
    expect(sampleSize(100)).toBe(80);
    expect(sampleSize(0)).toBe(0);
    expect(isRepresentative(246, 640)).toBe(false);
    expect(isRepresentative(247, 640)).toBe(true);
    expect(isRepresentative(10, 0)).toBeNull();
  });
});

describe('indices over a subtree', () => {
  async function setup() {
    const t = await createTestApp();
    const db = t.handle.db;
    const survey = smallSurvey();
    await createSurvey(db, survey);
    const campaignId = await createCampaign(db, {
      survey,
      ownerUnitId: 'HN',
      unitIds: ['HN-TAYHO-THCS-DONGTHAI', 'HN-TAYHO-TH-NHATTAN', 'HN-TAYHO-MN-QUANGAN'],
    });
    // Đông Thái: q1 one of one satisfied (100 %); Nhật Tân: q1 one of nine (11.1 %).
    await addCounts(db, campaignId, 'HN-TAYHO-THCS-DONGTHAI', 1, { q1: { '5': 1 } });
    await addCounts(db, campaignId, 'HN-TAYHO-TH-NHATTAN', 9, { q1: { '4': 1, '2': 8 } });
    // Quảng An: 3 responses, all dissatisfied.
    await addCounts(db, campaignId, 'HN-TAYHO-MN-QUANGAN', 3, { q1: { '1': 3 } });
    const root = (await getUnit(db, 'HN'))!;
    // The app's own services: its tally settles before the counters are read.
    const deps = { db, ...t.services };
    const loaded = await loadCampaignFor(deps, root, campaignId);
    return { db, deps, loaded };
  }

  test('pools the counts of every school (counts summed, not school indices averaged)', async () => {
    const { db, deps, loaded } = await setup();
    const office = await unitIndices(deps, loaded, (await getUnit(db, 'HN-TAYHO'))!);
    const q1 = office.questions.find((q) => q.id === 'q1')!;
    // (1 + 1) satisfied of (1 + 9 + 3) valid = 15.38 %, not (100 + 11.1 + 0) / 3 = 37 %.
    expect(q1).toMatchObject({ valid: 13, satisfied: 2 });
    expect(q1.index).toBeCloseTo((2 / 13) * 100, 10);
    expect(office.responses).toBe(13);
    expect(office.eligible).toBe(640 + 870 + 280);
    // The sample is judged per school: each needs its own, 247 + 275 + 165, not ⌈1790/5.475⌉ = 327.
    expect(office.sampleSize).toBe(sampleSize(640) + sampleSize(870) + sampleSize(280));
    expect(office.representative).toBe(false);
  });

  test('a unit with fewer than 5 responses shows no breakdown, but counts in its parent', async () => {
    const { db, deps, loaded } = await setup();
    const school = await unitIndices(deps, loaded, (await getUnit(db, 'HN-TAYHO-MN-QUANGAN'))!);
    expect(school).toMatchObject({ responses: 3, suppressed: true, questions: [], factors: [] });
    expect(school.overall).toEqual({ index: null, mean: null, moe: null, low: null, high: null });
    const ranking = await childrenRanking(deps, loaded, (await getUnit(db, 'HN-TAYHO'))!);
    const quangan = ranking.find((r) => r.id === 'HN-TAYHO-MN-QUANGAN')!;
    expect(quangan).toMatchObject({ suppressed: true, index: null, responses: 3 });
    // Đông Thái (1) and Quảng An (3) make only 4 together: Tây Hồ minus Nhật Tân would give them
    // away, so Nhật Tân (9) is withheld as their complement (server/indices/suppression.ts).
    const nhattan = ranking.find((r) => r.id === 'HN-TAYHO-TH-NHATTAN')!;
    expect(nhattan).toMatchObject({
      suppressed: true,
      suppression: 'complement',
      index: null,
      responses: 9,
    });
    const office = (await childrenRanking(deps, loaded, (await getUnit(db, 'HN'))!)).find(
      (r) => r.id === 'HN-TAYHO',
    )!;
    expect(office.responses).toBe(13);
  });
});
