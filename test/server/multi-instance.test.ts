import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { createTestApp, fixedClock } from '../helpers/app.js';
import { createCampaign, storedCounters, submit, thcsAnswers } from '../helpers/campaigns.js';
import { createTestDb, testDialect } from '../helpers/db.js';

const dir = mkdtempSync(join(tmpdir(), 'hl-multi-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Two app instances, each with its own connection pool, on one shared database. */
async function twoInstances() {
  const clock = fixedClock();
  const first = await createTestDb({ sqlitePath: join(dir, `${randomUUID()}.db`) });
  const a = await createTestApp({ handle: first, clock });
  const b = await createTestApp({ handle: first.reopen(), clock, seed: false });
  return { a, b };
}

describe(`two server instances on one ${testDialect} database`, () => {
  test('the same clientId sent to both at once is stored once, with one id for every answer', async () => {
    const { a, b } = await twoInstances();
    const campaign = await createCampaign(a);
    const code = campaign.links[0]!.code;
    for (let round = 0; round < 5; round++) {
      const body = { clientId: randomUUID(), answers: thcsAnswers((round % 5) + 1) };
      const all = await Promise.all([a, b, a, b].map((t) => submit(t, code, body)));
      expect(all.map((r) => r.status).sort()).toEqual([200, 200, 200, 201]);
      const ids = new Set(await Promise.all(all.map(async (r) => (await r.json()).id)));
      expect(ids.size).toBe(1);
    }
    const stored = await a.handle.db
      .selectFrom('responses')
      .select('id')
      .where('campaign_id', '=', campaign.id)
      .execute();
    expect(stored).toHaveLength(5);
    const counters = await storedCounters(b.handle.db, campaign.id);
    expect(counters.responses['HN-TAYHO-THCS-DONGTHAI']![0]).toBe(5);
    expect(counters.answers['HN-TAYHO-THCS-DONGTHAI|tc1|1']).toBe(1);
  });

  test('a one-time token used through both at once accepts exactly one response', async () => {
    const { a, b } = await twoInstances();
    const campaign = await createCampaign(a, { access: 'token' });
    const res = await a.req(`/api/campaigns/${campaign.id}/tokens`, {
      cookie: campaign.cookie,
      body: { unitId: 'HN-TAYHO-THCS-DONGTHAI', count: 1 },
    });
    const token = ((await res.json()) as { tokens: { code: string }[] }).tokens[0]!.code;
    const all = await Promise.all(
      [a, b, a, b].map((t) =>
        submit(t, token, { clientId: randomUUID(), answers: thcsAnswers(4) }),
      ),
    );
    expect(all.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
    const stored = await b.handle.db
      .selectFrom('responses')
      .select('id')
      .where('campaign_id', '=', campaign.id)
      .execute();
    expect(stored).toHaveLength(1);
  });
});
