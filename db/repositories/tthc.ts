import type { Db } from '../index.js';
import type { NewTthcFile } from '../schema.js';
import { pathInSubtree } from './subtree.js';

/** Rows per statement: 10 columns × 500 stays far below SQLite's and PostgreSQL's limits. */
const BATCH = 500;

/** Which of `codes` the scope already holds (a re-import updates those). */
export async function codesInScope(
  db: Db,
  scopeUnitId: string,
  codes: readonly string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < codes.length; i += BATCH) {
    const rows = await db
      .selectFrom('tthc_files')
      .select('code')
      .where('scope_unit_id', '=', scopeUnitId)
      .where('code', 'in', codes.slice(i, i + BATCH))
      .execute();
    for (const r of rows) found.add(r.code);
  }
  return found;
}

/** Inserts the files, or updates them where the scope already has their code. */
export async function upsertTthcFiles(trx: Db, rows: readonly NewTthcFile[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    await trx
      .insertInto('tthc_files')
      .values(rows.slice(i, i + BATCH))
      .onConflict((oc) =>
        oc.columns(['scope_unit_id', 'code']).doUpdateSet((eb) => ({
          procedure: eb.ref('excluded.procedure'),
          unit_id: eb.ref('excluded.unit_id'),
          received_at: eb.ref('excluded.received_at'),
          due_at: eb.ref('excluded.due_at'),
          returned_at: eb.ref('excluded.returned_at'),
          imported_by: eb.ref('excluded.imported_by'),
          imported_at: eb.ref('excluded.imported_at'),
        })),
      )
      .execute();
  }
}

export interface TthcTargetRow {
  id: string;
  code: string;
  procedure: string;
  unit_id: string;
  unit_name: string;
  received_at: string;
  due_at: string;
  returned_at: string | null;
  imported_at: string;
}

/** The subtree's files due in [startIso, endIso), by due date then code. */
export async function tthcFilesDueIn(
  db: Db,
  s: { rootPath: string; startIso: string; endIso: string },
): Promise<TthcTargetRow[]> {
  return db
    .selectFrom('tthc_files as f')
    .innerJoin('units as u', 'u.id', 'f.unit_id')
    .select([
      'f.id',
      'f.code',
      'f.procedure',
      'f.unit_id',
      'u.name as unit_name',
      'f.received_at',
      'f.due_at',
      'f.returned_at',
      'f.imported_at',
    ])
    .where(pathInSubtree(db, 'u.path', s.rootPath))
    .where('f.due_at', '>=', s.startIso)
    .where('f.due_at', '<', s.endIso)
    .orderBy('f.due_at')
    .orderBy('f.code')
    .execute();
}
