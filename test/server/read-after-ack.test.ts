import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createTestApp } from '../helpers/app.js';
import { createCampaign, submit, thcsAnswers } from '../helpers/campaigns.js';

/**
 * "Indices read after an acknowledgement include it" (README, Questionnaires): the response is
 * stored uncounted and the background tally counts it a few milliseconds later, so only the
 * settle the indices service asks of the app's tally (server/counting/tally.ts) can make a read
 * that follows at once include it.
 * The background tally is held back here by taking over the timer it waits on (setTimeout):
 * the database, the routes and the tally itself are the real ones.
 */

afterEach(() => {
  vi.useRealTimers();
});

describe('GET /api/indices right after a submission is acknowledged', () => {
  test('counts the acknowledged response before the background tally has run', async () => {
    const t = await createTestApp();
    const { id: campaignId, links } = await createCampaign(t, {
      unitIds: ['HN-TAYHO-THCS-DONGTHAI'],
    });
    const code = links[0]!.code;
    const cookie = await t.login('tayho@demo.vn');
    const read = async () =>
      (await t.req(`/api/indices?campaignId=${campaignId}`, { cookie })).json();
    for (let i = 0; i < 5; i++) {
      expect(
        (await submit(t, code, { clientId: randomUUID(), answers: thcsAnswers(4) })).status,
      ).toBe(201);
    }
    expect((await read()).responses).toBe(5);

    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const res = await submit(t, code, { clientId: randomUUID(), answers: thcsAnswers(1) });
    expect(res.status).toBe(201);
    const body = await read();
    expect(body.responses).toBe(6);
    const tc1 = body.questions.find((q: { id: string }) => q.id === 'tc1');
    expect(tc1.distribution).toEqual({ '1': 1, '2': 0, '3': 0, '4': 5, '5': 0 });
    // The tally was indeed waiting: letting it run now finds nothing left to count.
    await vi.runOnlyPendingTimersAsync();
    expect((await read()).responses).toBe(6);
  });
});
