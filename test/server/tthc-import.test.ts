import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';

// The fixed clock stands at 2026-11-23 09:00 in Vietnam.
const PERIOD = 'from=2026-11-01&to=2026-11-30';

function csvForm(text: string, name = 'ho-so.csv'): FormData {
  const form = new FormData();
  form.append('file', new File([text], name, { type: 'text/csv' }));
  return form;
}

async function importCsv(t: TestApp, cookie: string, text: string) {
  const res = await t.req('/api/tthc/import', { body: csvForm(text), cookie });
  return { status: res.status, body: (await res.json()) as ImportBody };
}

interface ImportBody {
  imported: number;
  updated: number;
  checked: number;
  rejected: { row: number; reason: string; reasonEn: string }[];
}

interface TargetBody {
  id: string;
  value: number | null;
  numerator: number;
  denominator: number;
  pending: number;
  failing: { label: string; detail?: string }[];
}

async function tthcTarget(t: TestApp, cookie: string, query = PERIOD) {
  const res = await t.req(`/api/targets?${query}`, { cookie });
  expect(res.status).toBe(200);
  const list = (await res.json()) as TargetBody[];
  return list.find((x) => x.id === 'tthc_on_time')!;
}

const ENGLISH = [
  'code,procedure,unitId,receivedAt,dueAt,returnedAt',
  'TH-001,"Cấp bản sao văn bằng, chứng chỉ",HN-TAYHO,2026-11-02,2026-11-05,2026-11-05T16:30:00+07:00',
  'TH-002,Chuyển trường đối với học sinh trung học cơ sở,HN-TAYHO-THCS-DONGTHAI,2026-11-03,2026-11-06,2026-11-09',
  'TH-003,Thành lập nhóm trẻ độc lập,HN-TAYHO,2026-11-02,2026-11-20,',
].join('\n');

describe('POST /api/tthc/import', () => {
  test('imports a list with English headers; the late and the open overdue files fail the target', async () => {
    const t = await createTestApp();
    const cookie = await t.login('tayho@demo.vn');
    const { status, body } = await importCsv(t, cookie, ENGLISH);
    expect(status).toBe(200);
    expect(body).toMatchObject({ imported: 3, updated: 0, rejected: [], checked: 3 });
    const target = await tthcTarget(t, cookie);
    expect(target).toMatchObject({ numerator: 1, denominator: 3, pending: 0 });
    expect(target.value).toBeCloseTo(100 / 3, 6);
    expect(target.failing.map((f) => f.label)).toEqual(['TH-002', 'TH-003']);
    expect(target.failing[0]!.detail).toContain('Chuyển trường đối với học sinh trung học cơ sở');
    expect(target.failing[0]!.detail).toContain('trả muộn 3 ngày');
    expect(target.failing[1]!.detail).toContain('quá hạn, chưa trả');
  });

  test('reads Vietnamese headers in any case, with or without diacritics, and dd/mm/yyyy dates', async () => {
    const t = await createTestApp();
    const cookie = await t.login('tayho@demo.vn');
    const csv = [
      '\uFEFFNGÀY TRẢ;Mã hồ sơ;thu tuc;Mã Đơn Vị;Ngày nhận;Hạn trả',
      '04/11/2026 10:15;VN-1;Cấp bản sao văn bằng, chứng chỉ;HN-TAYHO;02/11/2026;05/11/2026',
      ';VN-2;Thành lập nhóm trẻ độc lập;HN-TAYHO;20/11/2026;27/11/2026',
    ].join('\r\n');
    const { body } = await importCsv(t, cookie, csv);
    expect(body).toMatchObject({ imported: 2, rejected: [] });
    expect(await tthcTarget(t, cookie)).toMatchObject({ numerator: 1, denominator: 1, pending: 1 });
  });

  test('reads an XLSX list with Vietnamese headers and date cells', async () => {
    const t = await createTestApp();
    const cookie = await t.login('tayho@demo.vn');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Danh sách hồ sơ');
    ws.addRow(['Mã hồ sơ', 'Thủ tục', 'Mã đơn vị', 'Ngày nhận', 'Hạn trả', 'Ngày trả']);
    // Excel holds wall-clock times: 11/11 00:30 in Vietnam is one day late for a 10/11 limit.
    const wall = (y: number, m: number, d: number, h = 0, mi = 0) =>
      new Date(Date.UTC(y, m - 1, d, h, mi));
    ws.addRow([
      'X-1',
      'Cấp bản sao văn bằng, chứng chỉ',
      'HN-TAYHO',
      wall(2026, 11, 2),
      wall(2026, 11, 10),
      wall(2026, 11, 10, 23, 59),
    ]);
    ws.addRow([
      'X-2',
      'Cấp bản sao văn bằng, chứng chỉ',
      'HN-TAYHO',
      wall(2026, 11, 2),
      wall(2026, 11, 10),
      wall(2026, 11, 11, 0, 30),
    ]);
    const form = new FormData();
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    form.append('file', new File([bytes], 'ho-so.xlsx'));
    const res = await t.req('/api/tthc/import', { body: form, cookie });
    expect(await res.json()).toMatchObject({ imported: 2, updated: 0, rejected: [] });
    const target = await tthcTarget(t, cookie);
    expect(target).toMatchObject({ numerator: 1, denominator: 2 });
    expect(target.failing.map((f) => f.label)).toEqual(['X-2']);
  });

  test('names every bad row with its number and a Vietnamese reason, and writes nothing', async () => {
    const t = await createTestApp();
    const cookie = await t.login('tayho@demo.vn');
    const csv = [
      'Mã hồ sơ,Thủ tục,Mã đơn vị,Ngày nhận,Hạn trả,Ngày trả',
      'OK-1,Cấp bản sao văn bằng,HN-TAYHO,2026-11-02,2026-11-05,2026-11-04',
      ',Cấp bản sao văn bằng,HN-TAYHO,2026-11-02,2026-11-05,',
      '',
      'BAD-3,Chuyển trường,HN-TAYHO,2026-11-02,31/02/2026,',
      'BAD-4,Chuyển trường,HN-TAYHO,2026-11-10,2026-11-05,',
      'OK-1,Chuyển trường,HN-TAYHO,2026-11-02,2026-11-05,',
      'BAD-6,Chuyển trường,HN-TAYHO,2026-11-02,2026-11-05,2026-12-01',
    ].join('\n');
    const { status, body } = await importCsv(t, cookie, csv);
    expect(status).toBe(200);
    expect(body.imported).toBe(0);
    expect(body.updated).toBe(0);
    expect(body.rejected.map((r) => r.row)).toEqual([3, 5, 6, 7, 8]);
    const [empty, badDate, dueFirst, repeated, future] = body.rejected.map((r) => r.reason);
    expect(empty).toContain('Thiếu Mã hồ sơ');
    expect(badDate).toContain('Hạn trả "31/02/2026" không phải là ngày');
    expect(dueFirst).toContain('Hạn trả 05/11/2026 trước Ngày nhận 10/11/2026');
    expect(repeated).toContain('trùng với dòng 2');
    expect(future).toContain('Ngày trả 01/12/2026 ở tương lai');
    // Nothing half-imported: the good first line is not written either.
    expect((await tthcTarget(t, cookie)).denominator).toBe(0);
  });

  test('a list without one of the columns is refused on its header row', async () => {
    const t = await createTestApp();
    const cookie = await t.login('tayho@demo.vn');
    const { body } = await importCsv(
      t,
      cookie,
      'Mã hồ sơ,Thủ tục,Ngày nhận,Hạn trả\nA,B,2026-11-01,2026-11-02\n',
    );
    expect(body.rejected).toEqual([
      expect.objectContaining({
        row: 1,
        reason: expect.stringContaining('Thiếu cột: Mã đơn vị, Ngày trả'),
      }),
    ]);
  });

  test('a re-import of the same codes updates them instead of adding files', async () => {
    const t = await createTestApp();
    const cookie = await t.login('tayho@demo.vn');
    await importCsv(t, cookie, ENGLISH);
    const again = [
      'code,procedure,unitId,receivedAt,dueAt,returnedAt',
      'TH-003,Thành lập nhóm trẻ độc lập,HN-TAYHO,2026-11-02,2026-11-20,2026-11-19',
      'TH-004,"Cấp bản sao văn bằng, chứng chỉ",HN-TAYHO,2026-11-16,2026-11-19,2026-11-18',
    ].join('\n');
    const { body } = await importCsv(t, cookie, again);
    expect(body).toMatchObject({ imported: 1, updated: 1, rejected: [] });
    const target = await tthcTarget(t, cookie);
    expect(target).toMatchObject({ numerator: 3, denominator: 4 });
    expect(target.failing.map((f) => f.label)).toEqual(['TH-002']);
  });

  test("refuses files of units outside the importer's subtree, in the words used for unknown units", async () => {
    const t = await createTestApp();
    const cookie = await t.login('dongthai@demo.vn');
    const csv = [
      'code,procedure,unitId,receivedAt,dueAt,returnedAt',
      'S-1,Chuyển trường đối với học sinh trung học cơ sở,HN-TAYHO-THCS-DONGTHAI,2026-11-02,2026-11-05,2026-11-05',
      'S-2,Chuyển trường đối với học sinh trung học cơ sở,HN-TAYHO-TH-NHATTAN,2026-11-02,2026-11-05,2026-11-05',
      'S-3,Chuyển trường đối với học sinh trung học cơ sở,HN-NOWHERE,2026-11-02,2026-11-05,2026-11-05',
    ].join('\n');
    const { body } = await importCsv(t, cookie, csv);
    expect(body.imported).toBe(0);
    expect(body.rejected.map((r) => r.row)).toEqual([3, 4]);
    expect(body.rejected[0]!.reason).toBe(
      'Mã đơn vị "HN-TAYHO-TH-NHATTAN" không thuộc phạm vi quản lý của bạn.',
    );
    expect(body.rejected[1]!.reason).toBe(
      'Mã đơn vị "HN-NOWHERE" không thuộc phạm vi quản lý của bạn.',
    );
    const tayho = await t.login('tayho@demo.vn');
    expect((await tthcTarget(t, tayho)).denominator).toBe(0);
  });

  test('a list of several thousand files, larger than other bodies may be, is written whole', async () => {
    const t = await createTestApp();
    const cookie = await t.login('tayho@demo.vn');
    const lines = ['code,procedure,unitId,receivedAt,dueAt,returnedAt'];
    for (let i = 1; i <= 3000; i++) {
      const late = i % 1000 === 0;
      lines.push(
        `000.00.19.H26-261102-${String(i).padStart(4, '0')},"Cấp bản sao văn bằng, chứng chỉ từ sổ gốc",HN-TAYHO,2026-11-02T08:00:00,2026-11-05,${late ? '2026-11-06T08:00:00' : '2026-11-05T17:00:00'}`,
      );
    }
    const text = lines.join('\n');
    expect(text.length).toBeGreaterThan(256 * 1024);
    const { status, body } = await importCsv(t, cookie, text);
    expect(status).toBe(200);
    expect(body).toMatchObject({ imported: 3000, updated: 0, rejected: [] });
    const target = await tthcTarget(t, cookie);
    expect(target).toMatchObject({ numerator: 2997, denominator: 3000 });
    expect(target.failing).toHaveLength(3);
  });

  test('a request without a file is refused as validation_failed, and one without a session as unauthenticated', async () => {
    const t = await createTestApp();
    const cookie = await t.login('tayho@demo.vn');
    const res = await t.req('/api/tthc/import', { body: { file: 'x' }, cookie });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
      'validation_failed',
    );
    const anon = await t.req('/api/tthc/import', { body: csvForm(ENGLISH) });
    expect(anon.status).toBe(401);
  });
});
