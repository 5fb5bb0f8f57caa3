import { describe, expect, test } from 'vitest';
import {
  fpc,
  moeOf,
  scoreInterval,
  weightedIndex,
  wilsonInterval,
  Z95,
} from '../../server/indices/intervals.js';
import { importUnitsCsv } from '../../server/units-import.js';
import { createTestApp } from '../helpers/app.js';
import { addCounts, createSurvey, oneQuestion } from '../helpers/index-fixtures.js';
import { createCampaign as createCampaignViaApi } from '../helpers/campaigns.js';

const DONGTHAI = 'HN-TAYHO-THCS-DONGTHAI'; // 640 families
const NHATTAN = 'HN-TAYHO-TH-NHATTAN'; // 870 families

describe('question intervals (Wilson score, finite-population corrected)', () => {
  test('at 100% the interval lies below the index: 4 of 4 satisfied is about 51–100%', () => {
    const i = wilsonInterval(4, 4)!;
    // Centre (1 + z²/8)/(1 + z²/4) = 0.7550, half-width z/(1+z²/4)·√(z²/64) = 0.2450.
    expect(i.low).toBeCloseTo(51.01, 1);
    expect(i.high).toBe(100);
    expect(moeOf(100, i)).toBeCloseTo(48.99, 1);
  });

  test('at 0% it lies above it: 0 of 4 is 0–49%', () => {
    const i = wilsonInterval(0, 4)!;
    expect(i.low).toBe(0);
    expect(i.high).toBeCloseTo(48.99, 1);
  });

  test('a census of 9 — all 9 of the population answered — has no sampling error', () => {
    expect(wilsonInterval(7, 9, 9)).toEqual({ low: (7 / 9) * 100, high: (7 / 9) * 100 });
    // 9 of a population of 10: the correction (10 − 9)/(10 − 1) = 1/9 narrows it to a third.
    const open = wilsonInterval(7, 9)!;
    const nearCensus = wilsonInterval(7, 9, 10)!;
    expect(nearCensus.high - nearCensus.low).toBeLessThan((open.high - open.low) / 2.5);
    expect(fpc(9, 10)).toBeCloseTo(1 / 9, 12);
    // N unknown (0): no correction at all.
    expect(wilsonInterval(7, 9, 0)).toEqual(open);
  });

  test('more answers than the frozen N mean N is wrong: no correction, never a point', () => {
    // 12 answers from a population said to be 10 (parents answering twice, or N out of date).
    expect(fpc(12, 10)).toBe(1);
    expect(wilsonInterval(9, 12, 10)).toEqual(wilsonInterval(9, 12));
  });

  test('without a valid answer there is no interval', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
  });
});

describe('factor and overall intervals (per-respondent scores)', () => {
  // Four respondents scoring 1, ½, ½, 0: Σs = 2, Σs² = 1.5, variance (1.5 − 2²/4)/3 = 1/6.
  const four = { n: 4, s: 2, ss: 1.5 };

  test('are centred as Agresti–Coull: z²/2 pseudo-respondents at 0 and at 1, then ± z·SE', () => {
    // k = z² = 3.8415 pseudo-respondents: n' = 7.8415, mean (2 + k/2)/n' = ½,
    // variance (1.5 + k/2 − n'·¼)/(n' − 1) = 0.21346, half-width z·√(0.21346/n') = 32.34 points.
    const i = scoreInterval(50, four)!;
    expect(i.low).toBeCloseTo(50 - 32.34, 2);
    expect(i.high).toBeCloseTo(50 + 32.34, 2);
  });
  test('five respondents who all scored 0 still have an interval: about 0–49%, never 0–0%', () => {
    const i = scoreInterval(0, { n: 5, s: 0, ss: 0 })!;
    expect(i.low).toBe(0);
    expect(i.high).toBeGreaterThan(40);
    expect(i.high).toBeLessThan(55);
  });
  test('are narrowed by the correction where N is known, and closed for a census', () => {
    // N = 8: f = (8 − 4)/(8 − 1) = 4/7, k = z²·f = 2.195, n' = 6.195, variance 0.2019,
    // half-width z·√(0.2019·f/n') = 26.75 points.
    const i = scoreInterval(50, four, 8)!;
    expect(i.low).toBeCloseTo(50 - 26.75, 2);
    expect(i.high).toBeCloseTo(50 + 26.75, 2);
    expect(scoreInterval(50, four, 4)).toEqual({ low: 50, high: 50 });
  });
  test('are clipped to 0–100, and the margin is the larger distance to a bound', () => {
    // Centre (95·4 + 50·k)/n' = 72.96, ± 32.34: 40.62 to 105.3, clipped to 100.
    const i = scoreInterval(95, four)!;
    expect(i.high).toBe(100);
    expect(i.low).toBeCloseTo(40.62, 1);
    expect(moeOf(95, i)).toBeCloseTo(95 - 40.62, 1);
  });
});

/** Variance of a mean score by hand: Agresti–Coull pseudo-respondents, then the correction f. */
function acMeanVariance(n: number, s: number, ss: number, f: number): number {
  const k = Z95 * Z95 * f;
  const m = n + k;
  const mean = (s + k / 2) / m;
  return (((ss + k / 2 - m * mean * mean) / (m - 1)) * f) / m;
}

describe('GET /api/indices: pooled and population-weighted', () => {
  async function twoSchools() {
    const t = await createTestApp();
    await createSurvey(t.handle.db, oneQuestion);
    // Through the API, so the population is frozen as the app freezes it.
    const c = await createCampaignViaApi(t, {
      surveyId: 'one-question',
      unitIds: [DONGTHAI, NHATTAN],
    });
    // Đông Thái: 90 of 100 satisfied. Nhật Tân: 5 of 10. Each respondent scores 1 or 0.
    await addCounts(t.handle.db, c.id, DONGTHAI, 100, { q: { '5': 90, '2': 10 } }, 0, {
      a: { n: 100, s: 90, ss: 90 },
      '*': { n: 100, s: 90, ss: 90 },
    });
    await addCounts(t.handle.db, c.id, NHATTAN, 10, { q: { '4': 5, '1': 5 } }, 0, {
      a: { n: 10, s: 5, ss: 5 },
      '*': { n: 10, s: 5, ss: 5 },
    });
    const read = async () => {
      const res = await t.req(`/api/indices?campaignId=${c.id}&unitId=HN-TAYHO`, {
        cookie: c.cookie,
      });
      expect(res.status).toBe(200);
      return (await res.json()) as {
        eligible: number;
        sampleSize: number;
        overall: { index: number; low: number; high: number; moe: number };
        weighted: { index: number; low: number; high: number } | null;
      };
    };
    return { t, c, read };
  }

  test('the pooled index lets the school that answered most dominate; the weighted one counts each by its size', async () => {
    const { read } = await twoSchools();
    const body = await read();
    // Pooled: (90 + 5) / (100 + 10) = 86.36%.
    expect(body.overall.index).toBeCloseTo((95 / 110) * 100, 10);
    // Weighted: (640·90 + 870·50) / (640 + 870) = 66.95%.
    expect(body.weighted!.index).toBeCloseTo((640 * 90 + 870 * 50) / 1510, 10);
    // Stratified variance: Σ W²·s²/n·(N − n)/(N − 1), each school's s² from its own scores.
    const varA = acMeanVariance(100, 90, 90, 540 / 639);
    const varB = acMeanVariance(10, 5, 5, 860 / 869);
    const half = Z95 * Math.sqrt((640 / 1510) ** 2 * varA + (870 / 1510) ** 2 * varB) * 100;
    expect(body.weighted!.low).toBeCloseTo(body.weighted!.index - half, 8);
    expect(body.weighted!.high).toBeCloseTo(body.weighted!.index + half, 8);
    expect(half).toBeCloseTo(16.1, 0);
  });

  test('a unit edited later keeps the population its campaign froze; a correction by staff changes it', async () => {
    const { t, c, read } = await twoSchools();
    const before = await read();
    // Each school's own sample (247 + 275), never the pooled one of 1510 (317).
    expect([before.eligible, before.sampleSize]).toEqual([1510, 247 + 275]);
    const csv = `id,parent_id,name,kind,level,eligible\n${NHATTAN},HN-TAYHO,Trường Tiểu học Nhật Tân,school,TH,10\n`;
    expect((await importUnitsCsv(t.handle.db, csv, '2026-11-23T02:00:00.000Z')).ok).toBe(true);
    expect(await read()).toEqual(before);

    // Nhật Tân's campaign N corrected to 10: its 10 answers are a census, no sampling error of its own.
    const res = await t.req(`/api/campaigns/${c.id}/units/${NHATTAN}`, {
      method: 'PATCH',
      cookie: c.cookie,
      body: { eligible: 10 },
    });
    expect(res.status).toBe(200);
    const after = await read();
    expect(after.eligible).toBe(650);
    const varA = acMeanVariance(100, 90, 90, 540 / 639);
    expect(after.weighted!.index).toBeCloseTo((640 * 90 + 10 * 50) / 650, 10);
    expect(after.weighted!.high - after.weighted!.index).toBeCloseTo(
      Z95 * Math.sqrt((640 / 650) ** 2 * varA) * 100,
      8,
    );
  });

  test('there is no weighted index when a school of the campaign lacks its population', async () => {
    const { t, c, read } = await twoSchools();
    await t.req(`/api/campaigns/${c.id}/units/${NHATTAN}`, {
      method: 'PATCH',
      cookie: c.cookie,
      body: { eligible: 0 },
    });
    const body = await read();
    expect(body.weighted).toBeNull();
    // Nor a correction of the pooled interval: one N missing leaves the population unknown.
    expect(body.overall.low).toBeGreaterThan(0);
  });
});

describe('weightedIndex', () => {
  test('leaves out the units without an index, and is null when none has one', () => {
    const w = weightedIndex([
      { population: 100, index: 80, scores: { n: 10, s: 8, ss: 8 } },
      { population: 900, index: null, scores: undefined },
    ])!;
    expect(w.index).toBe(80);
    expect(weightedIndex([{ population: 100, index: null, scores: undefined }])).toBeNull();
  });
});

describe('the sample of a subtree', () => {
  test("is reached only when every school reached its own: one school's many answers do not cover another's none", async () => {
    const t = await createTestApp();
    await createSurvey(t.handle.db, oneQuestion);
    const c = await createCampaignViaApi(t, {
      surveyId: 'one-question',
      unitIds: [DONGTHAI, NHATTAN],
    });
    // 600 answers at Đông Thái alone exceed the pooled sample of 1510 (317), not Nhật Tân's 275.
    await addCounts(t.handle.db, c.id, DONGTHAI, 600, { q: { '5': 600 } });
    const read = async (unitId: string) => {
      const res = await t.req(`/api/indices?campaignId=${c.id}&unitId=${unitId}`, {
        cookie: c.cookie,
      });
      return (await res.json()) as { sampleSize: number; representative: boolean | null };
    };
    expect(await read('HN-TAYHO')).toMatchObject({ sampleSize: 522, representative: false });
    expect(await read(DONGTHAI)).toMatchObject({ sampleSize: 247, representative: true });
    await addCounts(t.handle.db, c.id, NHATTAN, 275, { q: { '4': 275 } });
    expect(await read('HN-TAYHO')).toMatchObject({ representative: true });
  });
});
