import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { createTestApp, ORIGIN, type TestApp } from '../helpers/app.js';
import { createCampaign, submit, thcsAnswers } from '../helpers/campaigns.js';

/**
 * "Fast" at its edge: a response is implausibly fast when it took less than 2 s per answered
 * question from `startedAt` to the server's receipt. Every response here answers the 22 required
 * questions of the THCS form, so the edge is 44 000 ms: 43 999 is fast, 44 000 and 44 001 are not.
 * The clock is fixed, so the duration is exactly what the test sends.
 */

/** 22 answered questions × 2 s. */
const EDGE_MS = 44_000;

async function setup() {
  const t = await createTestApp();
  const { id: campaignId, links } = await createCampaign(t, {
    unitIds: ['HN-TAYHO-THCS-DONGTHAI'],
  });
  const code = links[0]!.code;
  const cookie = await t.login('tayho@demo.vn');
  // Five responses without a start time (never fast), so that the unit shows its figures.
  for (let i = 0; i < 5; i++) {
    expect(
      (await submit(t, code, { clientId: randomUUID(), answers: thcsAnswers(4) })).status,
    ).toBe(201);
  }
  const figures = async () => {
    const indices = await (await t.req(`/api/indices?campaignId=${campaignId}`, { cookie })).json();
    const quality = await (
      await t.req(`/api/indices/quality?campaignId=${campaignId}`, { cookie })
    ).json();
    return {
      responses: indices.responses,
      fast: indices.fast,
      qualityFast: quality.fast,
      share: quality.fastShare,
    };
  };
  return { t, code, figures };
}

/** A JSON submission that started `ms` before the (fixed) time of its receipt. */
function submitTaking(t: TestApp, code: string, ms: number) {
  const startedAt = new Date(t.clock().getTime() - ms).toISOString();
  return submit(t, code, { clientId: randomUUID(), answers: thcsAnswers(4), startedAt });
}

describe('an implausibly fast response (under 2 s per answered question)', () => {
  test('1 ms under the edge counts as fast on GET /api/indices and /quality', async () => {
    const { t, code, figures } = await setup();
    expect((await submitTaking(t, code, EDGE_MS - 1)).status).toBe(201);
    expect(await figures()).toEqual({
      responses: 6,
      fast: 1,
      qualityFast: 1,
      share: (1 / 6) * 100,
    });
  });

  test('exactly at the edge is not fast', async () => {
    const { t, code, figures } = await setup();
    expect((await submitTaking(t, code, EDGE_MS)).status).toBe(201);
    expect(await figures()).toEqual({ responses: 6, fast: 0, qualityFast: 0, share: 0 });
  });

  test('1 ms over the edge is not fast', async () => {
    const { t, code, figures } = await setup();
    expect((await submitTaking(t, code, EDGE_MS + 1)).status).toBe(201);
    expect(await figures()).toEqual({ responses: 6, fast: 0, qualityFast: 0, share: 0 });
  });

  test('the no-JavaScript form is judged the same way, from the start time the page carried', async () => {
    const { t, code, figures } = await setup();
    const post = (ms: number) => {
      const form = new URLSearchParams({
        _clientId: randomUUID(),
        _startedAt: new Date(t.clock().getTime() - ms).toISOString(),
      });
      for (const [k, v] of Object.entries(thcsAnswers(4))) form.append(k, String(v));
      return t.req(`/s/${code}`, {
        body: form.toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN },
      });
    };
    expect((await post(EDGE_MS)).status).toBe(200);
    expect((await figures()).fast).toBe(0);
    expect((await post(EDGE_MS - 1)).status).toBe(200);
    expect(await figures()).toMatchObject({ responses: 7, fast: 1, qualityFast: 1 });
  });
});
