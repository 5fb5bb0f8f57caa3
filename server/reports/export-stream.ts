import { once, type EventEmitter } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import type { Db } from '../../db/index.js';
import { responsePage, type ExportCursor, type ExportRow } from '../../db/repositories/exports.js';
import type { TSurveyDefinition } from '../../surveys/schema.js';
import { BOM, csvLine } from './csv.js';
import { exportColumns, parseAnswers, type ExportColumn } from './export-columns.js';

/**
 * The raw export of a campaign's responses, streamed: responses are read in keyset pages and
 * written out as the client reads, so memory stays flat however many rows there are, and each
 * page is a short query that lets other requests run in between. Callable without HTTP (bench/).
 */

export interface ExportInput {
  campaignId: string;
  definition: TSurveyDefinition;
  /** Only responses at units under this path ('/HN/' for everything). */
  rootPath: string;
  pageSize?: number;
  /** Units whose rows are withheld (small groups), and the note that says so at the file's end. */
  withheld?: { unitIds: string[]; note: string };
}

/** The responses page by page, in (unit, submission time, id) order. */
export async function* responsePages(db: Db, input: ExportInput): AsyncGenerator<ExportRow[]> {
  const limit = input.pageSize ?? 1000;
  let after: ExportCursor | null = null;
  for (;;) {
    const rows = await responsePage(db, {
      campaignId: input.campaignId,
      rootPath: input.rootPath,
      after,
      limit,
      excludeUnitIds: input.withheld?.unitIds,
    });
    if (rows.length > 0) yield rows;
    if (rows.length < limit) return;
    // Let waiting requests run between pages: a fast reader otherwise keeps pulling page after
    // page in microtasks and submissions wait for the whole export (bench/, export benchmark).
    await new Promise((resolve) => setImmediate(resolve));
    const last = rows[rows.length - 1]!;
    after = { unitId: last.unit_id, submittedAt: last.submitted_at, id: last.id };
  }
}

function cells(columns: readonly ExportColumn[], row: ExportRow) {
  const answers = parseAnswers(row.answers);
  return columns.map((c) => c.cell(row, answers));
}

/** CSV (UTF-8 with BOM), one page of responses per chunk, pulled by the reader. */
export function streamCampaignCsv(db: Db, input: ExportInput): ReadableStream<Uint8Array> {
  const columns = exportColumns(input.definition);
  const pages = responsePages(db, input);
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(BOM + csvLine(columns.map((c) => c.header))));
    },
    async pull(controller) {
      const next = await pages.next();
      if (next.done) {
        // The note is a last line, after the rows, so the header stays the first line; padded to
        // the header's width so the file still parses as a table.
        const note = input.withheld && [input.withheld.note, ...columns.slice(1).map(() => null)];
        if (note) controller.enqueue(encoder.encode(csvLine(note)));
        return controller.close();
      }
      controller.enqueue(
        encoder.encode(next.value.map((r) => csvLine(cells(columns, r))).join('')),
      );
    },
    async cancel() {
      await pages.return(undefined);
    },
  });
}

/** The zip's input stream (readable-stream's, not node's: read its state duck-typed). */
type ZipInput = EventEmitter & { _writableState?: { length?: number; highWaterMark?: number } };

/**
 * Waits until the zip has taken what the sheet wrote and the reader has taken what the zip made.
 * exceljs 4.4 pipes the sheet's buffer into the zip's deflater without heeding its backpressure
 * (and buffers while the zip has not started the entry), so rows would pile up in memory faster
 * than they are compressed; this paces the reads to the deflater and to the client.
 */
async function caughtUp(sheet: unknown, out: PassThrough): Promise<void> {
  const buf = (sheet as { stream?: { pipes?: ZipInput[]; buffers?: unknown[] } }).stream;
  for (let i = 0; i < 10_000 && !out.destroyed; i++) {
    const pipe = buf?.pipes?.[0];
    if (
      pipe &&
      (pipe._writableState?.length ?? 0) > (pipe._writableState?.highWaterMark ?? 16_384)
    ) {
      await Promise.race([once(pipe, 'drain'), once(out, 'close')]);
    } else if (out.writableNeedDrain) {
      await Promise.race([once(out, 'drain'), once(out, 'close')]);
    } else if (!pipe && (buf?.buffers?.length ?? 0) > 16) {
      await new Promise((r) => setTimeout(r, 5));
    } else return;
  }
}

/** XLSX through exceljs's streaming writer: rows are committed and flushed page by page. */
export function streamCampaignXlsx(db: Db, input: ExportInput): ReadableStream<Uint8Array> {
  const columns = exportColumns(input.definition);
  const out = new PassThrough({ highWaterMark: 1 << 20 });
  void (async () => {
    // Loaded on the first XLSX export only: a CSV export (and its worker) never needs it.
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: out,
      useStyles: true,
      useSharedStrings: false,
    });
    const sheet = workbook.addWorksheet('Phiếu trả lời', {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    sheet.columns = columns.map((c) => ({
      header: c.header,
      width: Math.min(40, Math.max(10, c.header.length)),
    }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    for await (const page of responsePages(db, input)) {
      if (out.destroyed) return;
      for (const r of page) sheet.addRow(cells(columns, r)).commit();
      await caughtUp(sheet, out);
    }
    sheet.commit();
    if (input.withheld) {
      const notes = workbook.addWorksheet('Ghi chú');
      notes.getColumn(1).width = 120;
      notes.addRow([input.withheld.note]).commit();
      notes.commit();
    }
    await workbook.commit();
  })().catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}
