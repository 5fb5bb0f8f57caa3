import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { draft, json } from '../helpers/surveys.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function upload(t: TestApp, cookie: string, data: BlobPart, name: string) {
  const form = new FormData();
  form.set('file', new File([data], name));
  return t.req('/api/surveys/import', { cookie, body: form });
}

/** A workbook in the export's layout, built the way a Department's Excel file would be. */
async function workbook(questions: unknown[][]): Promise<ArrayBuffer> {
  const wb = new ExcelJS.Workbook();
  const q = wb.addWorksheet('Câu hỏi');
  q.addRow([
    'Phần',
    'Mã câu hỏi',
    'Loại',
    'Nội dung',
    'Nội dung (tiếng Anh)',
    'Nhóm tiêu chí',
    'Lựa chọn',
    'Bắt buộc',
    'Điều kiện hiển thị',
    'Thuộc tính khác (JSON)',
  ]);
  for (const r of questions) q.addRow(r);
  const s = wb.addWorksheet('Phần');
  s.addRow(['Mã phần', 'Tiêu đề', 'Tiêu đề (tiếng Anh)', 'Mô tả', 'Mô tả (tiếng Anh)']);
  s.addRow(['a', 'Phần A: Tiếp cận thông tin']);
  const f = wb.addWorksheet('Nhóm tiêu chí');
  f.addRow(['Mã nhóm', 'Tên nhóm', 'Tên nhóm (tiếng Anh)', 'Trọng số', 'Tổng hợp']);
  f.addRow(['tc', 'Tiếp cận thông tin', '', '', 'Không']);
  const g = wb.addWorksheet('Thông tin chung');
  g.addRow(['Thuộc tính', 'Giá trị']);
  g.addRow(['Mã bảng hỏi', 'thpt-excel']);
  g.addRow(['Loại', 'Giáo dục (cha mẹ học sinh)']);
  g.addRow(['Cấp học', 'THPT']);
  g.addRow(['Tiêu đề', 'Phiếu khảo sát THPT (từ Excel)']);
  g.addRow(['Chỉ tiêu (%)', 85]);
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer;
}

const GOOD_ROWS = [
  ['a', 'tc1', 'Thang 5 mức', 'Nhà trường công khai thông tin.', '', 'tc', '', 'Có'],
  [
    'a',
    'kenh',
    'Một lựa chọn',
    'Kênh thông tin?',
    '',
    '',
    'zalo=Nhóm Zalo\nhop=Họp phụ huynh',
    'Không',
  ],
  ['a', 'gopy', 'Văn bản', 'Góp ý', 'Comments', '', '', 'Không', 'kenh = hop', '{"maxLength":500}'],
];

describe('POST /api/surveys/import', () => {
  test('an XLSX in the export layout becomes a new questionnaire, as POST would store it', async () => {
    const t = await createTestApp();
    const cookie = await t.login('tayho@demo.vn');
    const res = await upload(t, cookie, await workbook(GOOD_ROWS), 'thpt.xlsx');
    expect(res.status).toBe(201);
    expect(await json(res)).toMatchObject({ id: 'thpt-excel', version: 1, created: true });
    const def = (await json(await t.req('/api/surveys/thpt-excel', { cookie }))).definition;
    expect(def.level).toBe('THPT');
    expect(def.sections[0].questions).toEqual([
      {
        id: 'tc1',
        type: 'likert5',
        text: { vi: 'Nhà trường công khai thông tin.' },
        factor: 'tc',
        required: true,
      },
      {
        id: 'kenh',
        type: 'single',
        text: { vi: 'Kênh thông tin?' },
        required: false,
        options: [
          { value: 'zalo', label: { vi: 'Nhóm Zalo' } },
          { value: 'hop', label: { vi: 'Họp phụ huynh' } },
        ],
      },
      {
        id: 'gopy',
        type: 'text',
        text: { vi: 'Góp ý', en: 'Comments' },
        required: false,
        showIf: { question: 'kenh', in: ['hop'] },
        maxLength: 500,
      },
    ]);
  });

  test('two bad rows are both named by their row number, and nothing is imported', async () => {
    const t = await createTestApp();
    const cookie = await t.login('tayho@demo.vn');
    const rows = [
      ...GOOD_ROWS,
      ['a', 'q5', 'Thang 5 mức', 'Câu thiếu nhóm tiêu chí', '', 'khong-co', '', 'Có'],
      ['a', 'q6', 'Một lựa chọn', 'Câu có lựa chọn sai', '', '', 'chỉ-một-nhãn', 'Không'],
    ];
    const res = await upload(t, cookie, await workbook(rows), 'thpt.xlsx');
    expect(res.status).toBe(400);
    const body = await json(res);
    expect(body.error.code).toBe('validation_failed');
    const messages: string[] = body.error.details.map((d: { message: string }) => d.message);
    expect(messages.some((m) => m.startsWith('Dòng 5: '))).toBe(true);
    expect(messages.some((m) => m.startsWith('Dòng 6: '))).toBe(true);
    expect(messages.every((m) => /^Dòng [56]: /.test(m))).toBe(true);
    expect(body.error.details.map((d: { row: number }) => d.row).sort()).toEqual([5, 6]);
    expect((await t.req('/api/surveys/thpt-excel', { cookie })).status).toBe(404);
  });

  test('a JSON file is stored as POST would, and again over the same id as PUT would', async () => {
    const t = await createTestApp();
    const cookie = await t.login('tayho@demo.vn');
    const first = await upload(t, cookie, JSON.stringify(draft()), 'thpt.json');
    expect(first.status).toBe(201);
    expect(await json(first)).toMatchObject({ id: 'thpt-thu', version: 1, created: true });
    const d = draft();
    d.title = { vi: 'Tên đã sửa' };
    const second = await upload(t, cookie, JSON.stringify(d), 'thpt.json');
    expect(second.status).toBe(200);
    expect(await json(second)).toMatchObject({ version: 2, created: false, changed: true });
    const bad = await upload(t, cookie, '{ không phải json', 'x.json');
    expect(bad.status).toBe(400);
    // The Department's form, imported over by a district: refused.
    const official = await upload(t, cookie, JSON.stringify(draft('edu-thcs')), 'edu-thcs.json');
    expect(official.status).toBe(403);
  });
});

describe('GET /api/surveys/:id/export', () => {
  test('the XLSX has Vietnamese headers and reads back as the same questionnaire', async () => {
    const t = await createTestApp();
    const admin = await t.login('admin@demo.vn');
    const res = await t.req('/api/surveys/edu-thcs/export?format=xlsx', { cookie: admin });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(XLSX);
    expect(res.headers.get('content-disposition')).toMatch(/edu-thcs-v1\.xlsx/);
    const data = await res.arrayBuffer();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(data);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Câu hỏi',
      'Phần',
      'Nhóm tiêu chí',
      'Thông tin chung',
    ]);
    const q = wb.getWorksheet('Câu hỏi')!;
    expect(q.getRow(1).getCell(2).text).toBe('Mã câu hỏi');
    const types = new Set<string>();
    q.eachRow((r, n) => n > 1 && types.add(r.getCell(3).text));
    const names = ['Thang 5 mức', 'Một lựa chọn', 'Nhiều lựa chọn', 'Văn bản'];
    expect([...types].filter((x) => !names.includes(x))).toEqual([]);
    expect(types.has('Thang 5 mức')).toBe(true);

    const back = await upload(t, admin, data, 'edu-thcs.xlsx');
    expect(await json(back)).toMatchObject({
      id: 'edu-thcs',
      version: 1,
      created: false,
      changed: false,
    });
  });

  test('the JSON is the definition, and reads back unchanged', async () => {
    const t = await createTestApp();
    const admin = await t.login('admin@demo.vn');
    const res = await t.req('/api/surveys/sipas/export?format=json', { cookie: admin });
    expect(res.headers.get('content-disposition')).toMatch(/sipas-v1\.json/);
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({ id: 'sipas', version: 1 });
    const back = await upload(t, admin, text, 'sipas.json');
    expect(await json(back)).toMatchObject({ id: 'sipas', version: 1, changed: false });
  });
});
