import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { Db } from '../db/index.js';
import { SCHOOL_LEVELS, ZUnitKind } from './domain/staff.js';
import {
  listAllUnits,
  UnitTreeCycle,
  upsertUnits,
  type UnitInput,
} from '../db/repositories/units.js';

export const UNIT_ID_RE = /^[A-Za-z0-9.-]{1,64}$/;

export const ZUnitRow = z.object({
  id: z.string().trim().regex(UNIT_ID_RE, 'id: 1–64 letters, digits, "." or "-"'),
  parent_id: z
    .string()
    .trim()
    .transform((v) => v || null),
  name: z.string().trim().min(1, 'name is empty').max(200),
  kind: ZUnitKind,
  level: z
    .string()
    .trim()
    .transform((v) => v.toUpperCase())
    .pipe(z.enum(['', ...SCHOOL_LEVELS]))
    .transform((v) => (v === '' ? null : v)),
  eligible: z
    .string()
    .trim()
    .transform((v) => v || '0')
    .pipe(z.string().regex(/^\d+$/, 'eligible must be a whole number ≥ 0'))
    .transform(Number),
});

export const UNIT_CSV_COLUMNS = ['id', 'parent_id', 'name', 'kind', 'level', 'eligible'] as const;

export interface ImportError {
  line: number;
  message: string;
}

export type ImportResult = { ok: true; count: number } | { ok: false; errors: ImportError[] };

type Checked = { rows: UnitInput[]; errors: ImportError[] };

/** Each data line checked on its own: its fields, and an id not seen on an earlier line. */
function checkLines(cols: string[], body: string[][]): Checked & { lineOf: Map<string, number> } {
  const rows: UnitInput[] = [];
  const errors: ImportError[] = [];
  const lineOf = new Map<string, number>();
  body.forEach((rec, i) => {
    const line = i + 2;
    const obj = Object.fromEntries(cols.map((c, j) => [c, rec[j] ?? '']));
    const parsed = ZUnitRow.safeParse(obj);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        errors.push({ line, message: `${issue.path.join('.') || 'row'}: ${issue.message}` });
      }
      return;
    }
    const row = parsed.data;
    const first = lineOf.get(row.id);
    if (first !== undefined) {
      errors.push({ line, message: `id ${row.id} is repeated (first on line ${first})` });
      return;
    }
    lineOf.set(row.id, line);
    rows.push(row);
  });
  return { rows, errors, lineOf };
}

/** Every parent named must be in the file or already known, and never the unit itself. */
function checkParents(
  rows: UnitInput[],
  lineOf: Map<string, number>,
  existingIds: Set<string>,
): ImportError[] {
  const errors: ImportError[] = [];
  for (const row of rows) {
    const line = lineOf.get(row.id)!;
    if (row.parent_id && !lineOf.has(row.parent_id) && !existingIds.has(row.parent_id)) {
      errors.push({ line, message: `parent_id ${row.parent_id} is not a known unit` });
    }
    if (row.parent_id === row.id) errors.push({ line, message: 'a unit cannot be its own parent' });
  }
  return errors;
}

/** Reads and checks a unit CSV; returns every problem with its line number, or the rows. */
export function parseUnitsCsv(text: string, existingIds: Set<string>): Checked {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), {
      skip_empty_lines: true,
      relax_column_count: true,
    });
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { rows: [], errors: [{ line: 0, message: `not a readable CSV file: ${why}` }] };
  }
  const [header, ...body] = records;
  const cols = (header ?? []).map((h) => h.trim().toLowerCase());
  const missing = UNIT_CSV_COLUMNS.filter((c) => !cols.includes(c));
  if (missing.length)
    return { rows: [], errors: [{ line: 1, message: `missing columns: ${missing.join(', ')}` }] };
  const { rows, errors, lineOf } = checkLines(cols, body);
  errors.push(...checkParents(rows, lineOf, existingIds));
  errors.sort((a, b) => a.line - b.line);
  return { rows, errors };
}

/** Imports or updates a unit tree from CSV: all lines or none. */
export async function importUnitsCsv(db: Db, text: string, now: string): Promise<ImportResult> {
  const existing = new Set((await listAllUnits(db)).map((u) => u.id));
  const { rows, errors } = parseUnitsCsv(text, existing);
  if (errors.length) return { ok: false, errors };
  try {
    await db.transaction().execute((trx) => upsertUnits(trx, rows, now));
  } catch (e) {
    // Only a cycle is the file's fault; a database error is not a bad file and goes up as is.
    if (!(e instanceof UnitTreeCycle)) throw e;
    return { ok: false, errors: [{ line: 0, message: e.message }] };
  }
  return { ok: true, count: rows.length };
}
