import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, test } from 'vitest';
import { streamCampaignCsv, streamCampaignXlsx } from '../../server/reports/export-stream.js';
import { exportStream } from '../../server/reports/export-thread.js';
import { createTestApp } from '../helpers/app.js';
import { createTestDb } from '../helpers/db.js';
import { createCampaign, createSurvey, smallSurvey } from '../helpers/index-fixtures.js';
import { addRawResponse } from '../helpers/target-fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'hl-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DONGTHAI = 'HN-TAYHO-THCS-DONGTHAI';
const survey = smallSurvey();
const bytes = async (s: ReadableStream<Uint8Array>) =>
  new Uint8Array(await new Response(s).arrayBuffer());

async function sheetRows(data: Uint8Array): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data.buffer as ArrayBuffer);
  const rows: unknown[][] = [];
  wb.getWorksheet('Phiếu trả lời')!.eachRow(
    (r) => void rows.push((r.values as unknown[]).slice(1)),
  );
  return rows;
}

describe('the raw export in a worker thread', () => {
  test('reads the database named by its source, page by page, into the same bytes as in this thread', async () => {
    // The data lives in one database; the caller's own handle is another, empty one. Rows can
    // only come out if the worker opened the source itself.
    const t = await createTestApp({
      handle: await createTestDb({ sqlitePath: join(dir, `${randomUUID()}.db`) }),
    });
    const db = t.handle.db;
    await createSurvey(db, survey);
    const campaignId = await createCampaign(db, {
      survey,
      ownerUnitId: 'HN-TAYHO',
      unitIds: [DONGTHAI],
    });
    for (let i = 0; i < 25; i++) {
      const at = new Date(Date.UTC(2026, 10, 10, 3, i)).toISOString();
      await addRawResponse(db, {
        campaignId,
        unitId: DONGTHAI,
        submittedAt: at,
        answers: { q1: (i % 5) + 1, ideas: `Góp ý số ${i}, "trích dẫn"` },
      });
    }
    const empty = await createTestDb({ sqlitePath: join(dir, `${randomUUID()}.db`) });
    try {
      expect(t.handle.source).not.toBeNull();
      const input = { campaignId, definition: survey, rootPath: '/HN/', pageSize: 4 };
      const here = await bytes(streamCampaignCsv(db, input));
      const there = await bytes(
        exportStream({ db: empty.db, source: t.handle.source }, 'csv', input),
      );
      expect(new TextDecoder().decode(there)).toBe(new TextDecoder().decode(here));
      expect(new TextDecoder().decode(there).trim().split('\n')).toHaveLength(26);

      const xlsxHere = await sheetRows(await bytes(streamCampaignXlsx(db, input)));
      const xlsxThere = await sheetRows(
        await bytes(exportStream({ db: empty.db, source: t.handle.source }, 'xlsx', input)),
      );
      expect(xlsxThere).toEqual(xlsxHere);
      expect(xlsxThere).toHaveLength(26);
    } finally {
      await empty.close();
    }
  });

  test('a failure in the worker ends the download with an error, not a truncated success', async () => {
    const input = { campaignId: 'none', definition: survey, rootPath: '/HN/' };
    const broken = exportStream(
      {
        db: (await createTestDb()).db,
        source: { url: join(dir, 'missing-dir', 'nothing', 'x.db') },
      },
      'csv',
      input,
    );
    await expect(bytes(broken)).rejects.toThrow(/export/);
  });
});
