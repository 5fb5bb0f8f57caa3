import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { streamCampaignCsv } from '../../server/reports/export-stream.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createCampaign, createSurvey, smallSurvey } from '../helpers/index-fixtures.js';
import { addRawResponse } from '../helpers/target-fixtures.js';

const DONGTHAI = 'HN-TAYHO-THCS-DONGTHAI';
const NHATTAN = 'HN-TAYHO-TH-NHATTAN';
const survey = smallSurvey();

async function withResponses(t: TestApp) {
  const db = t.handle.db;
  await createSurvey(db, survey);
  const campaignId = await createCampaign(db, {
    survey,
    ownerUnitId: 'HN-TAYHO',
    unitIds: [DONGTHAI, NHATTAN],
  });
  const at = '2026-11-10T03:00:00.000Z';
  await addRawResponse(db, {
    campaignId,
    unitId: DONGTHAI,
    submittedAt: at,
    answers: {
      q1: 4,
      q2: null,
      expect: ['food', 'yard'],
      ideas: 'Cần thêm cây xanh, "sân chơi" rộng hơn',
    },
  });
  await addRawResponse(db, {
    campaignId,
    unitId: DONGTHAI,
    submittedAt: at,
    answers: { q1: 1, ideas: '=1+1' },
  });
  await addRawResponse(db, {
    campaignId,
    unitId: DONGTHAI,
    submittedAt: '2026-11-11T03:00:00.000Z',
    answers: { q1: 5 },
  });
  await addRawResponse(db, {
    campaignId,
    unitId: NHATTAN,
    submittedAt: at,
    answers: { q3: 3, ideas: 'Bữa trưa ngon, cảm ơn cô giáo' },
  });
  await addRawResponse(db, { campaignId, unitId: NHATTAN, submittedAt: at, answers: { q3: 2 } });
  return campaignId;
}

async function csvRows(res: Response): Promise<{ bytes: Uint8Array; rows: string[][] }> {
  const bytes = new Uint8Array(await res.arrayBuffer());
  const rows = parse(new TextDecoder().decode(bytes.subarray(3)), {
    relaxColumnCount: false,
  }) as string[][];
  return { bytes, rows };
}

describe('GET /api/campaigns/:id/export', () => {
  test('CSV starts with a BOM and carries codes, labels and Vietnamese text intact', async () => {
    const t = await createTestApp();
    const id = await withResponses(t);
    const res = await t.req(`/api/campaigns/${id}/export?format=csv`, {
      cookie: await t.login('tayho@demo.vn'),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toContain("filename*=UTF-8''");
    const { bytes, rows } = await csvRows(res);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...data] = rows;
    expect(header!.slice(0, 6)).toEqual([
      'Mã phiếu',
      'Mã đơn vị',
      'Đơn vị',
      'Thời điểm nộp (UTC)',
      'Thời gian trả lời (giây)',
      'Kênh',
    ]);
    expect(data).toHaveLength(5);
    const col = (name: string) => header!.indexOf(name);
    const first = data.find((r) => r[col('ideas: Góp ý')]!.startsWith('Cần'))!;
    expect(first[col('Đơn vị')]).toBe('Trường THCS Đông Thái');
    expect([first[col('q1')], first[col('q1: Câu 1')]]).toEqual(['4', 'Hài lòng']);
    expect([first[col('q2')], first[col('q2: Câu 2')]]).toEqual([
      'na',
      'Không ý kiến / không áp dụng',
    ]);
    expect([first[col('expect')], first[col('expect: Mong đợi')]]).toEqual([
      'food; yard',
      'Bữa ăn; Sân chơi',
    ]);
    expect(first[col('ideas: Góp ý')]).toBe('Cần thêm cây xanh, "sân chơi" rộng hơn');
    expect(data.map((r) => r[col('ideas: Góp ý')])).toContain('Bữa trưa ngon, cảm ơn cô giáo');
    // A formula typed by a respondent is shown, never run by the spreadsheet.
    expect(data.map((r) => r[col('ideas: Góp ý')])).toContain("'=1+1");
  });

  test('a school manager exports only its own responses', async () => {
    const t = await createTestApp();
    const id = await withResponses(t);
    const { rows } = await csvRows(
      await t.req(`/api/campaigns/${id}/export`, { cookie: await t.login('dongthai@demo.vn') }),
    );
    expect(rows.slice(1).map((r) => r[1])).toEqual([DONGTHAI, DONGTHAI, DONGTHAI]);
  });

  test('small pages return every response once, in the same order as one big page', async () => {
    const t = await createTestApp();
    const campaignId = await withResponses(t);
    const read = async (pageSize: number) =>
      new TextDecoder().decode(
        new Uint8Array(
          await new Response(
            streamCampaignCsv(t.handle.db, {
              campaignId,
              definition: survey,
              rootPath: '/HN/',
              pageSize,
            }),
          ).arrayBuffer(),
        ),
      );
    const whole = await read(1000);
    expect(await read(2)).toBe(whole);
    expect(await read(1)).toBe(whole);
  });

  test('XLSX opens in exceljs with headers and numbers as numbers', async () => {
    const t = await createTestApp();
    const id = await withResponses(t);
    const res = await t.req(`/api/campaigns/${id}/export?format=xlsx&unitId=${NHATTAN}`, {
      cookie: await t.login('tayho@demo.vn'),
    });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const sheet = wb.getWorksheet('Phiếu trả lời')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 3)).toEqual(['Mã phiếu', 'Mã đơn vị', 'Đơn vị']);
    expect(sheet.rowCount).toBe(3);
    const q3 = header.indexOf('q3') + 1;
    const codes = [sheet.getRow(2).getCell(q3).value, sheet.getRow(3).getCell(q3).value];
    expect(codes.sort()).toEqual([2, 3]);
    const texts = [2, 3].map(
      (r) => sheet.getRow(r).getCell(header.indexOf('ideas: Góp ý') + 1).value,
    );
    expect(texts).toContain('Bữa trưa ngon, cảm ơn cô giáo');
  });

  test("another office's campaign is not found, and an unknown format is refused", async () => {
    const t = await createTestApp();
    await createSurvey(t.handle.db, survey);
    const other = await createCampaign(t.handle.db, {
      survey,
      ownerUnitId: 'HN-BADINH',
      unitIds: ['HN-BADINH-TH-KIMDONG'],
    });
    const cookie = await t.login('tayho@demo.vn');
    expect((await t.req(`/api/campaigns/${other}/export`, { cookie })).status).toBe(404);
    const mine = await createCampaign(t.handle.db, {
      survey,
      ownerUnitId: 'HN-TAYHO',
      unitIds: [DONGTHAI],
    });
    expect((await t.req(`/api/campaigns/${mine}/export?format=pdf`, { cookie })).status).toBe(400);
  });
});
