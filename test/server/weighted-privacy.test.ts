import { describe, expect, test } from 'vitest';
import { createTestApp } from '../helpers/app.js';
import { addCounts, createSurvey, oneQuestion } from '../helpers/index-fixtures.js';
import { createCampaign as createCampaignViaApi } from '../helpers/campaigns.js';

const DONGTHAI = 'HN-TAYHO-THCS-DONGTHAI'; // 640 families
const NHATTAN = 'HN-TAYHO-TH-NHATTAN'; // 870 families
const QUANGAN = 'HN-TAYHO-MN-QUANGAN'; // 280 families

/** `satisfied` of `n` respondents scoring 1, the rest 0. */
function answered(n: number, satisfied: number) {
  const scores = { n, s: satisfied, ss: satisfied };
  return [{ q: { '5': satisfied, '1': n - satisfied } }, 0, { a: scores, '*': scores }] as const;
}

describe('the weighted index and small groups', () => {
  test('withheld schools form one stratum, so the weighted figure cannot be solved for one of them', async () => {
    const t = await createTestApp();
    await createSurvey(t.handle.db, oneQuestion);
    const c = await createCampaignViaApi(t, {
      surveyId: 'one-question',
      unitIds: [DONGTHAI, NHATTAN, QUANGAN],
    });
    // Quảng An has 3 responses (withheld); Nhật Tân, the smallest other, is its complement.
    await addCounts(t.handle.db, c.id, DONGTHAI, 20, ...answered(20, 20));
    await addCounts(t.handle.db, c.id, NHATTAN, 10, ...answered(10, 0));
    await addCounts(t.handle.db, c.id, QUANGAN, 3, ...answered(3, 3));
    const res = await t.req(`/api/indices?campaignId=${c.id}&unitId=HN-TAYHO`, {
      cookie: c.cookie,
    });
    const body = (await res.json()) as { weighted: { index: number } | null };

    // Per school it would be (640·100 + 870·0 + 280·100) / 1790 = 51.4%: with Đông Thái's
    // index and the populations shown, Quảng An's own 100% follows. Merged, Nhật Tân and
    // Quảng An count as one group of 13 (3 satisfied, 23.1%) of 870 + 280 families.
    const merged = (640 * 100 + (870 + 280) * ((3 / 13) * 100)) / 1790;
    expect(body.weighted!.index).toBeCloseTo(merged, 8);
    expect(body.weighted!.index).not.toBeCloseTo((640 * 100 + 280 * 100) / 1790, 1);
  });
});
