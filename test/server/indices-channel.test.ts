import type { Kysely } from 'kysely';
import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import * as counters from '../../db/migrations/2026-11-30T1040-counters.js';
import { createTestApp, ORIGIN, type TestApp } from '../helpers/app.js';
import { createCampaign, storedCounters, submit, thcsAnswers } from '../helpers/campaigns.js';

/** What the migration's down restores: the old tally's flag, counters without a channel. */
interface BeforeChannels {
  responses: { id: string; counted: number };
  response_counts: { campaign_id: string; n: number };
}

/**
 * The channel dimension of the counters: GET /api/indices?channel= reads the responses of one
 * channel (`link` = the JSON form and the no-JavaScript form), and the migration that added it
 * splits the counters of a database stored before it by the channel of each response.
 */

const SCHOOL = 'HN-TAYHO-THCS-DONGTHAI';

async function withResponses(api: number, form: number) {
  const t = await createTestApp();
  const c = await createCampaign(t, { unitIds: [SCHOOL] });
  const code = c.links[0]!.code;
  for (let i = 0; i < api; i++)
    expect(
      (await submit(t, code, { clientId: randomUUID(), answers: thcsAnswers(5) })).status,
    ).toBe(201);
  for (let i = 0; i < form; i++) {
    const f = new URLSearchParams({ _clientId: randomUUID() });
    for (const [k, v] of Object.entries(thcsAnswers(2))) f.append(k, String(v));
    const res = await t.req(`/s/${code}`, {
      body: f.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN },
    });
    expect(res.status).toBe(200);
  }
  return { t, c };
}

async function indices(t: TestApp, c: { id: string; cookie: string }, channel?: string) {
  const q = `campaignId=${c.id}&unitId=${SCHOOL}${channel ? `&channel=${channel}` : ''}`;
  const res = await t.req(`/api/indices?${q}`, { cookie: c.cookie });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const overall = (b: Record<string, unknown>) => (b.overall as { index: number | null }).index;

describe('indices by channel', () => {
  test('each channel shows its own responses and figures; absent, all of them', async () => {
    const { t, c } = await withResponses(6, 5);
    const all = await indices(t, c);
    const api = await indices(t, c, 'api');
    const form = await indices(t, c, 'form');
    const link = await indices(t, c, 'link');
    expect([all.body.responses, api.body.responses, form.body.responses]).toEqual([11, 6, 5]);
    expect(link.body.responses).toBe(11);
    // Every API answer was 5 (satisfied), every form answer 2 (not).
    expect(overall(api.body)).toBe(100);
    expect(overall(form.body)).toBe(0);
    expect(overall(link.body)).toBe(overall(all.body));
    const kiosk = await indices(t, c, 'kiosk');
    expect(kiosk.body).toMatchObject({ responses: 0, suppressed: true });
  });

  test('one channel is withheld when the rest of the unit is a small group (whole − channel)', async () => {
    const { t, c } = await withResponses(6, 3);
    const api = await indices(t, c, 'api');
    expect(api.body).toMatchObject({ responses: 6, suppressed: true, suppression: 'complement' });
    expect(overall(api.body)).toBeNull();
    const form = await indices(t, c, 'form');
    expect(form.body).toMatchObject({ suppressed: true, suppression: 'small' });
  });

  test('an unknown channel → 400 naming it', async () => {
    const { t, c } = await withResponses(0, 0);
    const res = await indices(t, c, 'fax');
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('channel');
  });
});

describe('the counters migration', () => {
  test('splits the counters stored before it by channel, and counts what the old tally had not', async () => {
    const { t, c } = await withResponses(6, 5);
    const db = t.handle.db;
    const before = await storedCounters(db, c.id);
    // The database as it was before the migration: counters without a channel, and one response
    // stored but not yet counted by the old background tally.
    await counters.down(db);
    const last = await db
      .selectFrom('responses')
      .select('id')
      .where('channel', '=', 'form')
      .executeTakeFirstOrThrow();
    await (db as unknown as Kysely<BeforeChannels>)
      .updateTable('responses')
      .set({ counted: 0 })
      .where('id', '=', last.id)
      .execute();
    await (db as unknown as Kysely<BeforeChannels>)
      .updateTable('response_counts')
      .set({ n: 10 })
      .where('campaign_id', '=', c.id)
      .execute();
    await counters.up(db);

    expect(await storedCounters(db, c.id)).toEqual(before);
    const byChannel = await db
      .selectFrom('response_rollups')
      .select(['channel', 'n'])
      .where('campaign_id', '=', c.id)
      .where('unit_id', '=', 'HN')
      .orderBy('channel')
      .execute();
    expect(byChannel.map((r) => [r.channel, Number(r.n)])).toEqual([
      ['api', 6],
      ['form', 5],
    ]);
    expect((await indices(t, c, 'form')).body.responses).toBe(5);
  });
});
