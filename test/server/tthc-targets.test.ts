import { describe, expect, test } from 'vitest';
import { getUnit } from '../../db/repositories/units.js';
import { tthcOnTimeForMonth } from '../../server/tthc/monthly.js';
import { BASE_STEP, seedDemo } from '../../cli/seed/demo.js';
import { TTHC_STEP } from '../../cli/seed/tthc.js';
import { createTestApp, DEMO_PASSWORD, TEST_SCRYPT, type TestApp } from '../helpers/app.js';

async function importCsv(t: TestApp, cookie: string, lines: string[]) {
  const form = new FormData();
  const text = ['code,procedure,unitId,receivedAt,dueAt,returnedAt', ...lines].join('\n');
  form.append('file', new File([text], 'ho-so.csv'));
  const res = await t.req('/api/tthc/import', { body: form, cookie });
  expect(res.status).toBe(200);
  expect(((await res.json()) as { rejected: unknown[] }).rejected).toEqual([]);
}

async function target(t: TestApp, cookie: string, from: string, to: string) {
  const res = await t.req(`/api/targets?from=${from}&to=${to}`, { cookie });
  const list = (await res.json()) as {
    id: string;
    numerator: number;
    denominator: number;
    pending: number;
    target: number;
    met: boolean;
    failing: { label: string; detail?: string }[];
  }[];
  return list.find((x) => x.id === 'tthc_on_time')!;
}

describe('tthc_on_time', () => {
  test('a file returned at 23:59:59.5 on its due day is on time; at 00:00 the next day it is late', async () => {
    const t = await createTestApp();
    const cookie = await t.login('tayho@demo.vn');
    await importCsv(t, cookie, [
      'B-1,Cấp bản sao văn bằng,HN-TAYHO,2026-11-02,2026-11-10,2026-11-10T23:59:59.500+07:00',
      'B-2,Cấp bản sao văn bằng,HN-TAYHO,2026-11-02,2026-11-10,2026-11-11T00:00:00+07:00',
      // The same instant written in UTC: 16:59:59.5Z is 23:59:59.5 in Vietnam.
      'B-3,Cấp bản sao văn bằng,HN-TAYHO,2026-11-02,2026-11-10,2026-11-10T16:59:59.500Z',
    ]);
    const x = await target(t, cookie, '2026-11-01', '2026-11-30');
    expect(x).toMatchObject({ numerator: 2, denominator: 3, target: 99, met: false });
    expect(x.failing.map((f) => f.label)).toEqual(['B-2']);
  });

  test('an open file is pending through 24:00 of its due day and counts against from 00:00', async () => {
    const t = await createTestApp();
    const cookie = await t.login('tayho@demo.vn');
    await importCsv(t, cookie, [
      'O-1,Thành lập nhóm trẻ độc lập,HN-TAYHO,2026-11-02,2026-11-22,',
      'O-2,Chuyển trường đối với học sinh trung học cơ sở,HN-TAYHO,2026-11-02,2026-11-10,2026-11-09',
    ]);
    t.clock.set('2026-11-22T16:59:59.999Z'); // 23:59:59.999 on 22/11 in Vietnam
    expect(await target(t, cookie, '2026-11-01', '2026-11-30')).toMatchObject({
      numerator: 1,
      denominator: 1,
      pending: 1,
      met: true,
      failing: [],
    });
    t.clock.set('2026-11-22T17:00:00.000Z'); // 00:00 on 23/11
    const late = await target(t, cookie, '2026-11-01', '2026-11-30');
    expect(late).toMatchObject({ numerator: 1, denominator: 2, pending: 0, met: false });
    expect(late.failing.map((f) => f.label)).toEqual(['O-1']);
  });

  test('a file belongs to the month it is due in; the monthly figure is the same arithmetic', async () => {
    const t = await createTestApp();
    t.clock.set('2026-12-05T02:00:00.000Z');
    const cookie = await t.login('tayho@demo.vn');
    await importCsv(t, cookie, [
      // Due on 30/11 (Vietnam), returned a day late: November's file, not December's.
      'M-1,Cấp bản sao văn bằng,HN-TAYHO,2026-11-25,2026-11-30,2026-12-01T08:00:00',
      'M-2,Cấp bản sao văn bằng,HN-TAYHO-THCS-DONGTHAI,2026-11-25,2026-12-01,2026-12-01T08:00:00',
    ]);
    const tayho = (await getUnit(t.handle.db, 'HN-TAYHO'))!;
    const nov = await tthcOnTimeForMonth(t.handle.db, tayho, '2026-11', t.clock());
    expect(nov).toMatchObject({ id: 'tthc_on_time', numerator: 0, denominator: 1, value: 0 });
    expect(nov.failing.map((f) => f.label)).toEqual(['M-1']);
    const dec = await tthcOnTimeForMonth(t.handle.db, tayho, '2026-12', t.clock());
    expect(dec).toMatchObject({ numerator: 1, denominator: 1, value: 100, met: true });
    // A school sees only its own files.
    const dongthai = await t.login('dongthai@demo.vn');
    const res = await t.req('/api/tthc/monthly?month=2026-11', { cookie: dongthai });
    expect(await res.json()).toMatchObject({ denominator: 0, value: null, status: 'no_data' });
    const other = await t.req('/api/tthc/monthly?month=2026-11&unitId=HN-TAYHO', {
      cookie: dongthai,
    });
    expect(other.status).toBe(404);
  });
});

describe('the sample file list (test/fixtures/tthc-ho-so-mau.csv)', () => {
  test('imports whole and names its late and open-overdue files', async () => {
    const { readFile } = await import('node:fs/promises');
    const t = await createTestApp();
    const cookie = await t.login('tayho@demo.vn');
    const text = await readFile(new URL('../fixtures/tthc-ho-so-mau.csv', import.meta.url), 'utf8');
    const form = new FormData();
    form.append('file', new File([text], 'tthc-ho-so-mau.csv'));
    const res = await t.req('/api/tthc/import', { body: form, cookie });
    expect(await res.json()).toMatchObject({ imported: 8, updated: 0, rejected: [] });
    // 23/11 09:00: the file due on 17/11 is open past its date; the one due on 24/11 is not yet.
    const x = await target(t, cookie, '2026-11-01', '2026-11-30');
    expect(x).toMatchObject({ numerator: 4, denominator: 6, pending: 1 });
    expect(x.failing.map((f) => f.label)).toEqual(['H26.74-261105-0004', 'H26.74-261110-0005']);
  });
});

describe('the demo data', () => {
  test("Tây Hồ's file list has late files and one open past its due date, all named", async () => {
    // The units, the accounts and the files: the rest of the demo plays no part here.
    const t = await createTestApp({ seed: false });
    const ctx = { db: t.handle.db, clock: t.clock, password: DEMO_PASSWORD, scrypt: TEST_SCRYPT };
    await seedDemo(ctx, () => {}, [BASE_STEP, TTHC_STEP]);
    const cookie = await t.login('tayho@demo.vn');
    // The clock stands at 23/11/2026: the demo files were received in the 40 days before.
    const x = await target(t, cookie, '2026-10-01', '2026-11-30');
    expect(x.denominator).toBe(20);
    expect(x.pending).toBe(1); // the other open file is due in December
    expect(x.failing).toHaveLength(4);
    expect(x.failing.filter((f) => f.label.startsWith('H26.74-'))).toHaveLength(4);
    const details = x.failing.map((f) => f.detail ?? '');
    expect(details.filter((d) => d.includes('quá hạn, chưa trả'))).toHaveLength(1);
    expect(details.some((d) => d.includes('Thành lập nhóm trẻ độc lập'))).toBe(true);
  });
});

describe('GET /api/reports with administrative files', () => {
  test('the periodic report has the files target and names each late file', async () => {
    const t = await createTestApp();
    const cookie = await t.login('tayho@demo.vn');
    await importCsv(t, cookie, [
      'R-1,Cấp bản sao văn bằng,HN-TAYHO,2026-11-02,2026-11-05,2026-11-05',
      'R-2,Chuyển trường đối với học sinh trung học cơ sở,HN-TAYHO,2026-11-02,2026-11-05,2026-11-07',
    ]);
    const res = await t.req('/api/reports?from=2026-10-01&to=2026-12-31&format=csv', { cookie });
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).toMatch(/Hồ sơ thủ tục hành chính được trả đúng hạn,50(\.0)?,99,/);
    expect(body).toContain(
      'Hồ sơ thủ tục hành chính được trả đúng hạn,R-2,Chuyển trường đối với học sinh trung học cơ sở · Phòng GDĐT quận Tây Hồ · trả muộn 2 ngày',
    );
  });
});
