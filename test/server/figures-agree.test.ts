import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { DEMO_CAMPAIGNS } from '../../cli/seed/campaigns.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

/**
 * One unit, one period, every place a person reads a figure: the overview (GET /api/indices), the
 * targets page (GET /api/targets), each sheet of the XLSX report, the CSV and the print copy.
 * For the demo data at Phòng GDĐT Tây Hồ they must say the same number for the same school.
 */
const OFFICE = 'HN-TAYHO';
const vi1 = (x: number) =>
  x.toLocaleString('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

interface Figure {
  responses: number;
  sample: number;
  index: string;
}

async function json<T>(t: TestApp, cookie: string, path: string): Promise<T> {
  const res = await t.req(path, { cookie });
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}

/** The units-table rows of a report, by school name: from the XLSX, the CSV or the print copy. */
function unitRows(rows: string[][], nameCol: number): Map<string, Figure> {
  const out = new Map<string, Figure>();
  for (const r of rows) {
    const idx = r[nameCol + 4]?.match(/^([\d,]+)%/);
    if (!r[nameCol]?.startsWith('Trường') || !idx) continue;
    out.set(r[nameCol]!, {
      responses: Number(String(r[nameCol + 1]).replace(/\./g, '')),
      sample: Number(String(r[nameCol + 3]).replace(/\./g, '')),
      index: idx[1]!,
    });
  }
  return out;
}

async function xlsxRows(t: TestApp, cookie: string, q: string): Promise<string[][]> {
  const res = await t.req(`/api/reports?unitId=${OFFICE}&${q}&format=xlsx`, { cookie });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  const sheet = wb.getWorksheet('Đơn vị')!;
  return Array.from({ length: sheet.rowCount }, (_, i) =>
    (sheet.getRow(i + 1).values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v))),
  );
}

async function csvRows(t: TestApp, cookie: string, q: string): Promise<string[][]> {
  const res = await t.req(`/api/reports?unitId=${OFFICE}&${q}&format=csv`, { cookie });
  return parse(await res.text(), { relaxColumnCount: true, bom: true }) as string[][];
}

/** The print copy's table rows as cell texts (it has no unit-code column). */
async function printRows(t: TestApp, cookie: string, q: string): Promise<string[][]> {
  const res = await t.req(`/api/reports?unitId=${OFFICE}&${q}&format=html`, { cookie });
  const html = await res.text();
  const text = (s: string) =>
    s
      .replace(/<[^>]+>/g, '')
      .replace(/&amp;/g, '&')
      .trim();
  return [...html.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) =>
    [...m[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => text(c[1]!)),
  );
}

interface Target {
  id: string;
  failing: { label: string; detail?: string }[];
}

/** The overview, the targets and every report format agree on each school of the office. */
async function schoolsAgree(t: TestApp, cookie: string) {
  // The spring campaigns of the parents' forms close in this half-year.
  const q = 'from=2026-04-01&to=2026-06-30';

  const overview = new Map<string, Figure & { target: number }>();
  const names = new Map(
    (await json<{ id: string; name: string }[]>(t, cookie, '/api/units')).map((u) => [
      u.id,
      u.name,
    ]),
  );
  for (const campaignId of Object.values(DEMO_CAMPAIGNS.previous)) {
    const kids = await json<{
      children: { id: string; responses: number; sampleSize: number; index: number | null }[];
    }>(t, cookie, `/api/indices/children?campaignId=${campaignId}&unitId=${OFFICE}`);
    for (const rank of kids.children) {
      const unitId = rank.id;
      const d = await json<{
        responses: number;
        sampleSize: number;
        target: number;
        overall: { index: number | null };
      }>(t, cookie, `/api/indices?campaignId=${campaignId}&unitId=${unitId}`);
      if (d.overall.index === null) continue;
      // The overview's ranking row and the school's own overview say the same.
      expect(rank, unitId).toMatchObject({
        responses: d.responses,
        sampleSize: d.sampleSize,
        index: d.overall.index,
      });
      overview.set(names.get(unitId)!, {
        responses: d.responses,
        sample: d.sampleSize,
        index: vi1(d.overall.index),
        target: d.target,
      });
    }
  }
  expect(overview.size).toBeGreaterThanOrEqual(6);

  const targets = await json<Target[]>(t, cookie, `/api/targets?unitId=${OFFICE}&${q}`);
  const coverage = targets.find((x) => x.id === 'survey_coverage')!;
  const satisfaction = targets.find((x) => x.id === 'satisfaction_index')!;

  const xlsx = unitRows(await xlsxRows(t, cookie, q), 2);
  const csv = unitRows(await csvRows(t, cookie, q), 2);
  const print = unitRows(await printRows(t, cookie, q), 1);

  for (const [name, o] of overview) {
    for (const [where, sheet] of [
      ['XLSX', xlsx],
      ['CSV', csv],
      ['print', print],
    ] as const) {
      expect(sheet.get(name), `${where}: ${name}`).toEqual({
        responses: o.responses,
        sample: o.sample,
        index: o.index,
      });
    }
    // The coverage target names a school short of its sample with the same counts.
    const short = coverage.failing.find((f) => f.label === name);
    if (short) expect(short.detail, name).toContain(`${o.responses}/${o.sample} phiếu`);
    else expect(o.responses, name).toBeGreaterThanOrEqual(o.sample);
    // The satisfaction target judges the same index against the overview's own target.
    const below = satisfaction.failing.find((f) => f.label === name);
    const idx = Number(o.index.replace(',', '.'));
    if (below) expect(below.detail, name).toContain(`: ${o.index}% < ${o.target}%`);
    else expect(idx, name).toBeGreaterThanOrEqual(o.target);
  }
}

/** A period in which a campaign runs but does not close lists the same schools in every sheet. */
async function runningCampaignListed(t: TestApp, cookie: string) {
  // April: the spring campaigns run, and close in May.
  const q = 'from=2026-04-01&to=2026-04-30';
  const targets = await json<Target[]>(t, cookie, `/api/targets?unitId=${OFFICE}&${q}`);
  const coverage = targets.find((x) => x.id === 'survey_coverage')!;
  expect(coverage.failing.length).toBeGreaterThan(0);
  const xlsx = unitRows(await xlsxRows(t, cookie, q), 2);
  for (const f of coverage.failing) {
    const [, got, need] = f.detail!.match(/(\d+)\/(\d+) phiếu/)!;
    // Never "0 phiếu" in the units sheet and "82/329" in the failing sheet.
    expect(xlsx.get(f.label), f.label).toMatchObject({
      responses: Number(got),
      sample: Number(need),
    });
  }
}

/** The overview judges the parents' form against MOET 85% and SIPAS against the plan's 100%. */
async function sameTargets(t: TestApp, cookie: string) {
  const d = await json<{ target: number }>(
    t,
    cookie,
    `/api/indices?campaignId=${DEMO_CAMPAIGNS.previous.THCS}&unitId=${OFFICE}`,
  );
  expect(d.target).toBe(85);
  const sipas = await json<{ target: number }>(
    t,
    cookie,
    `/api/indices?campaignId=${DEMO_CAMPAIGNS.open}&unitId=${OFFICE}`,
  );
  expect(sipas.target).toBe(100);
}

describe('one source for every figure', () => {
  // One demo database for the three checks: seeding it takes minutes on PostgreSQL.
  test('each school has the same responses, sample, index and target in the overview, the targets, the XLSX, the CSV and the print copy', async () => {
    const t = await createTestApp({ seed: 'full' });
    const cookie = await t.login('admin@demo.vn');
    await schoolsAgree(t, cookie);
    await runningCampaignListed(t, cookie);
    await sameTargets(t, cookie);
  }, 300_000);
});
