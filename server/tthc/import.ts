import type { Db } from '../../db/index.js';
import { codesInScope, upsertTthcFiles } from '../../db/repositories/tthc.js';
import { newId } from '../../db/ids.js';
import { listSubtree } from '../../db/repositories/units.js';
import type { NewTthcFile, Unit } from '../../db/schema.js';
import { matchHeaders, TTHC_COLUMN_KEYS, type TthcColumn } from './columns.js';
import { UnreadableFile, type UploadLine } from './read-upload.js';
import { checkRow, type Cell, type FileRow } from './rows.js';

/**
 * POST /api/tthc/import: the one-stop system's file list, all of it or nothing. A list with a
 * rejected line writes nothing (the office corrects the file and imports it again, as a partial
 * import would leave the figures of the month wrong without anyone noticing); every rejected line
 * is named with its row number and why. A file code the importing scope already has is updated.
 */

export interface Rejected {
  row: number;
  reason: string;
  reasonEn: string;
}

export interface ImportResult {
  imported: number;
  updated: number;
  rejected: Rejected[];
  /** Data lines read (blank lines aside). */
  checked: number;
}

export interface ImportInput {
  lines: AsyncIterable<UploadLine>;
  /** The importer's unit: file codes are unique within it, and files name units of its subtree. */
  scope: Pick<Unit, 'id'>;
  userId: string;
  now: Date;
}

type Checked = { rows: FileRow[]; rejected: Rejected[]; checked: number };

const EMPTY_FILE: Rejected = {
  row: 1,
  reason: 'Tệp không có dòng nào: cần dòng tiêu đề cột rồi mỗi hồ sơ một dòng.',
  reasonEn: 'The file is empty: a header row, then one row per file.',
};

const asText = (c: Cell) => (c instanceof Date ? '' : String(c ?? '').trim());

/**
 * One data line: its own fields (rows.ts), its unit within the importer's subtree, and a code
 * not seen on an earlier line (`firstRowOf` remembers them). The problems, or the row.
 */
function checkLine(
  cells: Record<TthcColumn, Cell>,
  row: number,
  ctx: { nowIso: string; units: ReadonlySet<string>; firstRowOf: Map<string, number> },
): { ok: FileRow } | { rejected: Rejected } {
  const checked = checkRow(cells, ctx.nowIso);
  const vi = checked.problems.map((p) => p.vi);
  const en = checked.problems.map((p) => p.en);
  const unitId = asText(cells.unitId).slice(0, 100);
  if (unitId && !ctx.units.has(unitId)) {
    // The same words for a unit that does not exist and one outside the subtree: no probing.
    vi.push(`Mã đơn vị "${unitId}" không thuộc phạm vi quản lý của bạn`);
    en.push(`unit "${unitId}" is not in your units`);
  }
  const code = asText(cells.code).slice(0, 100);
  const first = code ? ctx.firstRowOf.get(code) : undefined;
  if (first !== undefined) {
    vi.push(`Mã hồ sơ "${code}" trùng với dòng ${first}`);
    en.push(`code "${code}" repeats row ${first}`);
  } else if (code) ctx.firstRowOf.set(code, row);
  if (vi.length || !checked.row)
    return { rejected: { row, reason: sentence(vi), reasonEn: sentence(en) } };
  return { ok: checked.row };
}

/** Every line of the upload checked, the header first; nothing is written here. */
async function checkLines(input: ImportInput, units: ReadonlySet<string>): Promise<Checked> {
  const ctx = { nowIso: input.now.toISOString(), units, firstRowOf: new Map<string, number>() };
  const rows: FileRow[] = [];
  const rejected: Rejected[] = [];
  let positions: Map<TthcColumn, number> | null = null;
  let checked = 0;
  for await (const line of input.lines) {
    if (!positions) {
      const m = matchHeaders(line.cells);
      if (!m.ok)
        return {
          rows,
          rejected: [{ row: line.row, reason: m.reason, reasonEn: m.reasonEn }],
          checked,
        };
      positions = m.positions;
      continue;
    }
    checked++;
    const at = positions;
    const cells = Object.fromEntries(
      TTHC_COLUMN_KEYS.map((c) => [c, line.cells[at.get(c)!]]),
    ) as Record<TthcColumn, Cell>;
    const r = checkLine(cells, line.row, ctx);
    if ('ok' in r) rows.push(r.ok);
    else rejected.push(r.rejected);
  }
  return positions ? { rows, rejected, checked } : { rows, rejected: [EMPTY_FILE], checked };
}

function sentence(parts: string[]): string {
  const s = parts.join('; ');
  return s.charAt(0).toUpperCase() + s.slice(1) + '.';
}

export async function importTthcFiles(db: Db, input: ImportInput): Promise<ImportResult> {
  let checked: Checked;
  try {
    const units = new Set((await listSubtree(db, input.scope.id)).map((u) => u.id));
    checked = await checkLines(input, units);
  } catch (e) {
    if (!(e instanceof UnreadableFile)) throw e;
    return {
      imported: 0,
      updated: 0,
      rejected: [{ row: e.row, reason: e.vi, reasonEn: e.en }],
      checked: 0,
    };
  }
  const { rows, rejected } = checked;
  if (rejected.length || !rows.length)
    return { imported: 0, updated: 0, rejected, checked: checked.checked };
  const at = input.now.toISOString();
  const stored: NewTthcFile[] = rows.map((r) => ({
    id: newId(),
    scope_unit_id: input.scope.id,
    code: r.code,
    procedure: r.procedure,
    unit_id: r.unitId,
    received_at: r.receivedAt,
    due_at: r.dueAt,
    returned_at: r.returnedAt,
    imported_by: input.userId,
    imported_at: at,
  }));
  const updated = await db.transaction().execute(async (trx) => {
    const known = await codesInScope(
      trx,
      input.scope.id,
      rows.map((r) => r.code),
    );
    await upsertTthcFiles(trx, stored);
    return known.size;
  });
  return { imported: rows.length - updated, updated, rejected: [], checked: checked.checked };
}
