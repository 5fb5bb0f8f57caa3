import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createCampaign, submit, thcsAnswers } from '../helpers/campaigns.js';

/**
 * The privacy threshold at its edge (DOMAIN.md, "Small groups"): a unit shows figures of its own
 * from 5 responses on, and nothing at 4. Counted through the real submission route and read
 * through the staff API, so a threshold of `<= 5` (or `< 4`) anywhere on that path fails here.
 */

const DONGTHAI = 'HN-TAYHO-THCS-DONGTHAI';
const TULIEN = 'HN-TAYHO-THCS-TULIEN';

/** Đông Thái with `n` responses, every answer 1 (far below the target), each with a suggestion. */
async function schoolWith(n: number) {
  const t = await createTestApp();
  const { id: campaignId, links } = await createCampaign(t, { unitIds: [DONGTHAI, TULIEN] });
  const code = (unitId: string) => links.find((l) => l.unitId === unitId)!.code;
  const send = async (unitId: string, value: number) => {
    const answers = { ...thcsAnswers(value), gop_y: `Ý kiến ở ${unitId}` };
    const res = await submit(t, code(unitId), { clientId: randomUUID(), answers });
    expect(res.status).toBe(201);
  };
  // A sibling well past the threshold, so that Đông Thái's figures are the only ones in question.
  for (let i = 0; i < 6; i++) await send(TULIEN, 5);
  for (let i = 0; i < n; i++) await send(DONGTHAI, 1);
  return { t, campaignId };
}

async function read(t: TestApp, path: string) {
  const res = await t.req(path, { cookie: await t.login('tayho@demo.vn') });
  expect(res.status).toBe(200);
  return res.json();
}

const indicesOf = (t: TestApp, campaignId: string) =>
  read(t, `/api/indices?campaignId=${campaignId}&unitId=${DONGTHAI}`);

describe('a unit at the privacy threshold', () => {
  test('with exactly 5 responses shows its own index, factors and questions on GET /api/indices', async () => {
    const { t, campaignId } = await schoolWith(5);
    const body = await indicesOf(t, campaignId);
    expect(body.responses).toBe(5);
    expect(body.suppressed).toBe(false);
    expect(body.overall.index).toBe(0);
    expect(body.factors.length).toBeGreaterThan(0);
    const q = body.questions.find((x: { id: string }) => x.id === 'tc1');
    expect(q).toMatchObject({ valid: 5, satisfied: 0, distribution: { '1': 5 } });
  });

  test('with 4 responses shows no figure of its own on GET /api/indices', async () => {
    const { t, campaignId } = await schoolWith(4);
    const body = await indicesOf(t, campaignId);
    expect(body.suppressed).toBe(true);
    expect(body.overall).toEqual({ index: null, mean: null, moe: null, low: null, high: null });
    expect(body.factors).toEqual([]);
    expect(body.questions).toEqual([]);
    expect(JSON.stringify(body)).not.toContain('"distribution"');
  });

  test("in its office's ranking: an index at 5 responses, none at 4", async () => {
    const five = await schoolWith(5);
    const ranked = await read(
      five.t,
      `/api/indices/children?campaignId=${five.campaignId}&unitId=HN-TAYHO`,
    );
    const shown = ranked.children.find((c: { id: string }) => c.id === DONGTHAI);
    expect(shown).toMatchObject({ responses: 5, suppressed: false, index: 0 });

    const four = await schoolWith(4);
    const hidden = (
      await read(four.t, `/api/indices/children?campaignId=${four.campaignId}&unitId=HN-TAYHO`)
    ).children.find((c: { id: string }) => c.id === DONGTHAI);
    expect(hidden).toMatchObject({ suppressed: true, index: null, mean: null, moe: null });
  });

  test('its open answers are listed at 5 responses, not at 4', async () => {
    const five = await schoolWith(5);
    const shown = await read(
      five.t,
      `/api/indices/suggestions?campaignId=${five.campaignId}&unitId=${DONGTHAI}`,
    );
    expect(shown).toMatchObject({ suppressed: false, total: 5 });
    expect(shown.items[0].text).toBe(`Ý kiến ở ${DONGTHAI}`);

    const four = await schoolWith(4);
    const hidden = await read(
      four.t,
      `/api/indices/suggestions?campaignId=${four.campaignId}&unitId=${DONGTHAI}`,
    );
    expect(hidden).toMatchObject({ suppressed: true, total: 0, items: [] });
  });

  test('the satisfaction target names it as failing at 5 responses, never at 4', async () => {
    const failingOf = async (t: TestApp) => {
      const list = (await read(t, '/api/targets?unitId=HN-TAYHO')) as {
        id: string;
        failing: { id: string }[];
      }[];
      return list.find((x) => x.id === 'satisfaction_index')!.failing.map((f) => f.id);
    };
    expect(await failingOf((await schoolWith(5)).t)).toContain(DONGTHAI);
    expect(await failingOf((await schoolWith(4)).t)).not.toContain(DONGTHAI);
  });

  test('the periodic report gives its index at 5 responses and leaves the cell empty at 4', async () => {
    const indexCell = async (t: TestApp) => {
      const res = await t.req(
        '/api/reports?unitId=HN-TAYHO&from=2026-10-01&to=2026-12-31&format=csv',
        {
          cookie: await t.login('tayho@demo.vn'),
        },
      );
      expect(res.status).toBe(200);
      const rows = parse((await res.text()).replace(/^\uFEFF/, ''), {
        relaxColumnCount: true,
      }) as string[][];
      const row = rows.find((r) => r[1] === DONGTHAI)!;
      return { responses: row[3], index: row[6] };
    };
    expect(await indexCell((await schoolWith(5)).t)).toEqual({
      responses: '5',
      index: '0,0% (0,0–50,4)',
    });
    expect((await indexCell((await schoolWith(4)).t)).index).toBe('');
  });
});
