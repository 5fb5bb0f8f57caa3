import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { createTestApp } from '../helpers/app.js';
import { developerLines } from '../helpers/developer-text.js';

const UNITS = ['HN', 'HN-TAYHO', 'HN-TAYHO-THCS-DONGTHAI'];
const PERIODS = ['from=2026-01-01&to=2026-12-31', 'from=2026-10-01&to=2026-12-31'];

/** Every cell of every sheet, one line per row. */
async function xlsxText(buf: ArrayBuffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf);
  const lines: string[] = [];
  wb.eachSheet((sheet) => {
    lines.push(sheet.name);
    sheet.eachRow((row) => {
      const cells = (row.values as unknown[]).slice(1);
      lines.push(cells.map((c) => (c == null ? '' : String(c))).join(' | '));
    });
  });
  return lines.join('\n');
}

/** The print copy as a person sees it: no tags, no style sheet. */
const pageText = (html: string) =>
  html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<(tr|p|h\d|div|li)\b/g, '\n<$1')
    .replace(/<[^>]+>/g, ' ');

describe('the reports people read hold no developer text', () => {
  test('XLSX, CSV and the print copy for the Department, an office and a school, demo data; the print copy in Vietnamese only', async () => {
    const t = await createTestApp({ seed: 'full' });
    const cookie = await t.login('admin@demo.vn');
    const found: string[] = [];
    for (const unitId of UNITS) {
      for (const period of PERIODS) {
        const base = `/api/reports?unitId=${unitId}&${period}`;
        const xlsx = await t.req(`${base}&format=xlsx`, { cookie });
        expect(xlsx.status).toBe(200);
        const csv = await t.req(`${base}&format=csv`, { cookie });
        const html = await t.req(`${base}&format=html`, { cookie });
        const texts = {
          xlsx: await xlsxText(await xlsx.arrayBuffer()),
          // Cell by cell: a comma between two cells is not a decimal comma.
          csv: (parse(await csv.text(), { relaxColumnCount: true, bom: true }) as string[][])
            .map((r) => r.join(' | '))
            .join('\n'),
          print: pageText(await html.text()),
        };
        for (const [kind, text] of Object.entries(texts)) {
          expect(text.length, `${kind} ${base}`).toBeGreaterThan(200);
          found.push(...developerLines(text).map((l) => `${kind} ${base}: ${l}`));
        }
      }
    }
    expect(found).toEqual([]);

    // The print copy is in Vietnamese only and keeps the signature block.
    const html = await (
      await t.req(`/api/reports?unitId=HN-TAYHO&${PERIODS[1]}&format=html`, { cookie })
    ).text();
    const text = pageText(html);
    expect(text).not.toMatch(/\b(Use|Print|the|and|sign)\b/);
    expect(text).toContain('Dùng lệnh In của trình duyệt (Ctrl+P) để in và ký.');
    expect(text).toContain('NGƯỜI LẬP BIỂU');
    expect(text).toContain('THỦ TRƯỞNG ĐƠN VỊ');
    // The unit-code column is for spreadsheets; the signed copy names units only.
    expect(text).not.toContain('Mã đơn vị');
    expect(text).not.toContain('HN-TAYHO-');
  }, 300_000);
});
