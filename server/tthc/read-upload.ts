import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { parse, CsvError } from 'csv-parse';
import ExcelJS from 'exceljs';
import type { Cell } from './rows.js';

/**
 * The uploaded file list read one line at a time, never whole: CSV through csv-parse's stream,
 * XLSX through exceljs's streaming reader (first sheet). Each line comes with its row number as a
 * spreadsheet shows it (the header is row 1); blank lines are skipped but keep their numbers.
 */

export interface UploadLine {
  row: number;
  cells: Cell[];
}

/** The file cannot be read at all (not a CSV or XLSX, a broken quote): said to the office. */
export class UnreadableFile extends Error {
  constructor(
    readonly row: number,
    readonly vi: string,
    readonly en: string,
  ) {
    super(en);
  }
}

/** XLSX by its name or its zip signature ('PK'); anything else is read as CSV. */
export async function isXlsx(file: Blob & { name?: string }): Promise<boolean> {
  if (file.name && /\.xlsx$/i.test(file.name)) return true;
  if (file.name && /\.(csv|txt)$/i.test(file.name)) return false;
  const head = new Uint8Array(await file.slice(0, 2).arrayBuffer());
  return head[0] === 0x50 && head[1] === 0x4b;
}

function nodeStream(file: Blob): Readable {
  return Readable.fromWeb(file.stream() as unknown as WebReadableStream<Uint8Array>);
}

const blank = (cells: readonly Cell[]) =>
  cells.every((c) => c === null || c === undefined || (typeof c === 'string' && !c.trim()));

/**
 * The separator of the header line: Excel in a Vietnamese locale writes ';' (the comma is the
 * decimal mark), copies from a sheet carry tabs, everything else ','. Chosen once, from the header,
 * so a comma inside an unquoted procedure name in a ';' file stays text.
 */
export async function csvDelimiter(file: Blob): Promise<string> {
  const head = (await file.slice(0, 64 * 1024).text()).split(/\r?\n/, 1)[0] ?? '';
  const outside = head.replace(/"[^"]*"/g, '');
  const count = (d: string) => outside.split(d).length - 1;
  return [';', '\t'].reduce((best, d) => (count(d) > count(best) ? d : best), ',');
}

export async function* csvLines(file: Blob): AsyncGenerator<UploadLine> {
  const parser = nodeStream(file).pipe(
    parse({
      bom: true,
      delimiter: await csvDelimiter(file),
      relax_column_count: true,
      skip_empty_lines: false,
      trim: true,
    }),
  );
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row++;
      if (!blank(record)) yield { row, cells: record };
    }
  } catch (e) {
    if (e instanceof CsvError) {
      throw new UnreadableFile(
        row + 1,
        'Không đọc được tệp CSV từ dòng này (dấu ngoặc kép không đóng hoặc số cột sai).',
        `Unreadable CSV from this row: ${e.message}`,
      );
    }
    throw e;
  }
}

/** A cell of exceljs as text, a date or a number (rich text, formulas and links unwrapped). */
function cellValue(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || v instanceof Date) return v;
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'object') {
    const o = v as {
      richText?: { text: string }[];
      result?: unknown;
      text?: unknown;
      error?: unknown;
    };
    if (o.richText) return o.richText.map((r) => r.text).join('');
    if ('result' in o) return cellValue(o.result);
    if ('text' in o) return cellValue(o.text);
  }
  return null;
}

export async function* xlsxLines(file: Blob): AsyncGenerator<UploadLine> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(nodeStream(file), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  try {
    for await (const sheet of reader) {
      for await (const r of sheet) {
        const values = Array.isArray(r.values) ? r.values.slice(1) : [];
        const cells = Array.from(values, cellValue);
        if (!blank(cells)) yield { row: r.number, cells };
      }
      return; // the first sheet only: the list the one-stop system exports
    }
  } catch (e) {
    if (e instanceof UnreadableFile) throw e;
    throw new UnreadableFile(
      1,
      'Không đọc được tệp Excel (.xlsx): hãy lưu lại tệp bằng Excel rồi tải lên lại.',
      `Unreadable XLSX file: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}

/** The file's lines, CSV or XLSX. */
export async function* uploadLines(file: Blob & { name?: string }): AsyncGenerator<UploadLine> {
  yield* (await isXlsx(file)) ? xlsxLines(file) : csvLines(file);
}
