import ExcelJS from 'exceljs';
import { BOM, csvLine } from './csv.js';
import type { ReportModel } from './model.js';
import { reportHeading, reportTables } from './tables.js';

/** XLSX: a cover sheet, then one sheet per section with bold Vietnamese headers; numbers stay numbers. */
export async function reportXlsx(m: ReportModel): Promise<ArrayBuffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Hài Lòng';
  wb.created = new Date(m.generatedAt);
  const cover = wb.addWorksheet('Thông tin');
  reportHeading(m).forEach((line, i) => (cover.getCell(i + 1, 1).value = line));
  cover.getCell(1, 1).font = { bold: true, size: 14 };
  cover.getColumn(1).width = 90;

  for (const t of reportTables(m)) {
    const sheet = wb.addWorksheet(t.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.addRow(t.headers);
    const head = sheet.getRow(1);
    head.font = { bold: true };
    head.alignment = { wrapText: true, vertical: 'middle' };
    head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    for (const r of t.rows) sheet.addRow(r);
    // Below the table, so the header stays row 1 (frozen, and read by scripts).
    if (t.note) {
      sheet.addRow([]);
      sheet.addRow([t.note]);
    }
    t.headers.forEach((h, i) => {
      const col = sheet.getColumn(i + 1);
      const longest = Math.max(h.length, ...t.rows.map((r) => String(r[i] ?? '').length));
      col.width = Math.min(60, Math.max(10, longest + 2));
      const fmt = t.formats[i];
      if (fmt) col.numFmt = fmt;
    });
  }
  const buf = new Uint8Array(await wb.xlsx.writeBuffer());
  return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
}

/** CSV: UTF-8 with BOM (Excel then reads the diacritics), the sections one after another. */
export function reportCsv(m: ReportModel): string {
  let out = BOM;
  for (const line of reportHeading(m)) out += csvLine([line]);
  for (const t of reportTables(m)) {
    out += '\r\n' + csvLine([t.title]) + (t.note ? csvLine([t.note]) : '') + csvLine(t.headers);
    for (const r of t.rows) out += csvLine(r);
  }
  return out;
}
