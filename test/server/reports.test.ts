import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { addCounts, createCampaign, createSurvey, smallSurvey } from '../helpers/index-fixtures.js';
import { addFeedback } from '../helpers/target-fixtures.js';

// Clock: 2026-11-23 09:00 in Vietnam. The report covers Q4 2026.
const DONGTHAI = 'HN-TAYHO-THCS-DONGTHAI';
const NHATTAN = 'HN-TAYHO-TH-NHATTAN';
const OPEN_NOTE = 'Đợt khảo sát chưa kết thúc: số liệu tạm tính đến lúc lập báo cáo';
const Q4 = 'from=2026-10-01&to=2026-12-31';

async function fixture(t: TestApp) {
  const db = t.handle.db;
  await addFeedback(db, {
    unitId: DONGTHAI,
    status: 'answered',
    due: '2026-11-10',
    receivedAt: '2026-10-20T02:00:00.000Z',
    answeredAt: '2026-11-09T03:00:00.000Z',
  });
  await addFeedback(db, {
    unitId: DONGTHAI,
    status: 'published',
    due: '2026-11-12',
    receivedAt: '2026-10-21T02:00:00.000Z',
    answeredAt: '2026-11-10T03:00:00.000Z',
    publishDue: '2026-11-12',
    publishedAt: '2026-11-11T03:00:00.000Z',
  });
  const overdue = await addFeedback(db, {
    unitId: NHATTAN,
    status: 'in_progress',
    due: '2026-11-20',
    receivedAt: '2026-10-22T02:00:00.000Z',
    kind: 'complaint',
    category: 'thu_phi',
  });
  const survey = smallSurvey();
  await createSurvey(db, survey);
  const campaignId = await createCampaign(db, {
    survey,
    ownerUnitId: 'HN-TAYHO',
    unitIds: [DONGTHAI, NHATTAN],
  });
  // Per-respondent overall scores: Đông Thái 250 with mean 0.9, Σs² 215; Nhật Tân 100 with mean 0.5, Σs² 30.
  await addCounts(
    db,
    campaignId,
    DONGTHAI,
    250,
    { q1: { '5': 9, '2': 1 }, q2: { '4': 10 }, q3: { '4': 9, '1': 1 }, q4: { '5': 8, '3': 2 } },
    0,
    {
      '*': { n: 250, s: 225, ss: 215 },
    },
  );
  await addCounts(
    db,
    campaignId,
    NHATTAN,
    100,
    { q1: { '4': 5, '2': 5 }, q2: { '4': 5, '1': 5 }, q3: { '3': 10 }, q4: { '4': 10 } },
    0,
    {
      '*': { n: 100, s: 50, ss: 30 },
    },
  );
  return { overdue };
}

const rowValues = (sheet: ExcelJS.Worksheet, n: number) =>
  (sheet.getRow(n).values as unknown[]).slice(1);

describe('GET /api/reports', () => {
  test('the XLSX has one sheet per section with Vietnamese headers and numbers as numbers', async () => {
    const t = await createTestApp();
    const { overdue } = await fixture(t);
    const res = await t.req(`/api/reports?unitId=HN-TAYHO&${Q4}&format=xlsx`, {
      cookie: await t.login('tayho@demo.vn'),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(
      'bao-cao-HN-TAYHO-2026-10-01-2026-12-31.xlsx',
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(wb.worksheets.map((s) => s.name)).toEqual([
      'Thông tin',
      'Chỉ tiêu',
      'Không đạt',
      'Đơn vị',
      'Phản ánh kiến nghị',
    ]);
    expect(wb.getWorksheet('Thông tin')!.getCell('A2').value).toBe(
      'Đơn vị: Phòng GDĐT quận Tây Hồ',
    );

    const targets = wb.getWorksheet('Chỉ tiêu')!;
    expect(rowValues(targets, 1)).toEqual([
      'Chỉ tiêu',
      'Kết quả (%)',
      'Chỉ tiêu (%)',
      'Đánh giá',
      'Tử số',
      'Mẫu số',
      'Chưa đến hạn tính',
      'Căn cứ chỉ tiêu',
    ]);
    const onTime = rowValues(targets, 2);
    // People read labels and rounded figures, never internal codes or 66.66666666666666.
    expect(onTime).toEqual([
      'Phản ánh, kiến nghị được giải quyết đúng hạn',
      66.7,
      100,
      'Không đạt',
      2,
      3,
      0,
      'Kế hoạch CCHC của Sở GDĐT: 100% phản ánh, kiến nghị được giải quyết đúng hạn',
    ]);
    expect(targets.getCell('B2').numFmt).toBe('0.0');
    expect(wb.getWorksheet('Thông tin')!.getCell('A4').value).toBe('Lập lúc: 23/11/2026 09:00');

    const failing = wb.getWorksheet('Không đạt')!;
    const failingRows = Array.from({ length: failing.rowCount - 1 }, (_, i) =>
      rowValues(failing, i + 2),
    );
    expect(failingRows).toContainEqual([
      'Phản ánh, kiến nghị được giải quyết đúng hạn',
      overdue.trackingCode,
      'Quá hạn, chưa trả lời: 3 ngày',
    ]);
    expect(failingRows.map((r) => r[1])).toContain('Trường Tiểu học Nhật Tân');

    const units = wb.getWorksheet('Đơn vị')!;
    expect(rowValues(units, 1)).toEqual([
      'Đợt khảo sát',
      'Mã đơn vị',
      'Đơn vị',
      'Số phiếu',
      'Số đối tượng',
      'Cỡ mẫu cần đạt',
      'Chỉ số gộp (khoảng tin cậy 95%)',
      'Chỉ số theo quy mô trường (khoảng tin cậy 95%)',
      'Đủ cỡ mẫu',
      'Ghi chú',
    ]);
    const unitRows = Array.from({ length: units.rowCount - 1 }, (_, i) =>
      rowValues(units, i + 2),
    ).filter((r) => r.length > 1);
    const byId = new Map(unitRows.map((r) => [r[1], r]));
    expect(byId.size).toBe(7);
    // 90 ± 1.96·√(0.0502·(390/639)/250) = 87.8–92.2: the interval's bounds, not "± 2.2".
    expect(byId.get(DONGTHAI)).toEqual([
      'Khảo sát 2026',
      DONGTHAI,
      'Trường THCS Đông Thái',
      250,
      640,
      247,
      '90,0% (87,4–91,9)',
      '90,0% (87,8–92,2)',
      'Có',
      // Still open at the report's time: the figures may change.
      OPEN_NOTE,
    ]);
    expect(byId.get(NHATTAN)).toEqual([
      'Khảo sát 2026',
      NHATTAN,
      'Trường Tiểu học Nhật Tân',
      100,
      870,
      275,
      '50,0% (45,7–54,3)',
      '50,0% (45,7–54,3)',
      'Không',
      OPEN_NOTE,
    ]);
    // Not surveyed in the period: no campaign, no responses, no eligible count, no index.
    expect(byId.get('HN-TAYHO-TH-XUANLA')!.slice(3)).toEqual([0, 0, 0]);
    // The sentence saying what each index means sits under the table.
    expect(units.getCell(units.rowCount, 1).value).toMatch(
      /^Chỉ số gộp: mỗi câu trả lời được tính một lần/,
    );

    const feedback = wb.getWorksheet('Phản ánh kiến nghị')!;
    expect(rowValues(feedback, 2)).toEqual(['Tổng số', 'Tổng số', 3, 2, 0, 1, 1]);
    expect(rowValues(feedback, 3)).toEqual(['Theo hình thức', 'Khiếu nại', 1, 0, 0, 1, 0]);
    expect(rowValues(feedback, 4)).toEqual([
      'Theo hình thức',
      'Phản ánh, kiến nghị',
      2,
      2,
      0,
      0,
      1,
    ]);
    expect(rowValues(feedback, 5)).toEqual(['Theo lĩnh vực', 'Cơ sở vật chất', 2, 2, 0, 0, 1]);
    expect(rowValues(feedback, 6)).toEqual(['Theo lĩnh vực', 'Các khoản thu, phí', 1, 0, 0, 1, 0]);
  });

  test('the CSV starts with a BOM and round-trips Vietnamese text', async () => {
    const t = await createTestApp();
    await fixture(t);
    const res = await t.req(`/api/reports?${Q4}&format=csv`, {
      cookie: await t.login('tayho@demo.vn'),
    });
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes), {
      relaxColumnCount: true,
    }) as string[][];
    expect(rows[1]).toEqual(['Đơn vị: Phòng GDĐT quận Tây Hồ']);
    expect(rows).toContainEqual([
      'Khảo sát 2026',
      DONGTHAI,
      'Trường THCS Đông Thái',
      '250',
      '640',
      '247',
      '90,0% (87,4–91,9)',
      '90,0% (87,8–92,2)',
      'Có',
      OPEN_NOTE,
    ]);
    expect(rows).toContainEqual(['Theo lĩnh vực', 'Các khoản thu, phí', '1', '0', '0', '1', '0']);
  });

  test('the print page is HTML with print styles, the tables and the signature block', async () => {
    const t = await createTestApp();
    await fixture(t);
    const res = await t.req(`/api/reports?${Q4}&format=html`, {
      cookie: await t.login('tayho@demo.vn'),
    });
    expect(res.headers.get('content-type')).toContain('text/html');
    const body = await res.text();
    expect(body).toContain('@media print');
    expect(body).toContain('Kỳ báo cáo: từ ngày 01/10/2026 đến ngày 31/12/2026');
    expect(body).toContain('<td class="">Trường THCS Đông Thái</td>');
    expect(body).toContain('<td class="">90,0% (87,4–91,9)</td>');
    expect(body).toContain('THỦ TRƯỞNG ĐƠN VỊ');
  });

  test("a school manager cannot download the office's report", async () => {
    const t = await createTestApp();
    const res = await t.req(`/api/reports?unitId=HN-TAYHO&format=csv`, {
      cookie: await t.login('dongthai@demo.vn'),
    });
    expect(res.status).toBe(404);
  });
});

describe('GET /api/reports/calendar', () => {
  test('names the next report due, its cumulative period and the days left', async () => {
    const t = await createTestApp();
    const next = async () => {
      const res = await t.req('/api/reports/calendar', { cookie: await t.login('tayho@demo.vn') });
      return ((await res.json()) as { next: Record<string, unknown> }).next;
    };
    expect(await next()).toMatchObject({
      id: 'year',
      label: 'Báo cáo năm 2026',
      dueDate: '2026-12-10',
      from: '2026-01-01',
      to: '2026-11-30',
      daysLeft: 17,
    });
    t.clock.set('2026-12-10T16:00:00.000Z'); // 23:00 on 10 December in Vietnam: still due today
    expect(await next()).toMatchObject({ id: 'year', daysLeft: 0 });
    t.clock.set('2026-12-10T17:00:00.000Z'); // midnight: the next one is next year's first quarter
    expect(await next()).toMatchObject({
      id: 'q1',
      label: 'Báo cáo quý I năm 2027',
      dueDate: '2027-03-10',
      to: '2027-02-28',
    });
  });
});
