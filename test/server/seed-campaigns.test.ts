import { describe, expect, test } from 'vitest';
import { DEMO_CAMPAIGNS } from '../../cli/seed/campaigns.js';
import { createTestApp } from '../helpers/app.js';
import { recount, storedCounters } from '../helpers/campaigns.js';

describe('the demo campaigns', () => {
  test('a finished campaign of last school year and an open one, with counters that match their answers', async () => {
    const t = await createTestApp({ seed: 'full' });
    const cookie = await t.login('tayho@demo.vn');
    const list = (await (await t.req('/api/campaigns', { cookie })).json()) as {
      id: string;
      state: string;
    }[];
    const state = Object.fromEntries(list.map((c) => [c.id, c.state]));
    expect(state[DEMO_CAMPAIGNS.previous.THCS]).toBe('closed');
    expect(state[DEMO_CAMPAIGNS.open]).toBe('open');

    let total = 0;
    for (const id of [...Object.values(DEMO_CAMPAIGNS.previous), DEMO_CAMPAIGNS.open]) {
      const stored = await storedCounters(t.handle.db, id);
      expect(stored).toEqual(await recount(t.handle.db, id));
      total += Object.values(stored.responses).reduce((n, [k]) => n + k, 0);
    }
    expect(total).toBeGreaterThan(1500);

    const burst = await t.handle.db
      .selectFrom('responses')
      .select((eb) => ['fingerprint', eb.fn.countAll<number>().as('n')])
      .where('campaign_id', '=', DEMO_CAMPAIGNS.open)
      .where('unit_id', '=', 'HN-TAYHO-TH-XUANLA')
      .groupBy('fingerprint')
      .orderBy('n', 'desc')
      .executeTakeFirstOrThrow();
    expect(Number(burst.n)).toBeGreaterThanOrEqual(24);
  });
});
