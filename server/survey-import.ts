import type { Counting } from './counting/tally.js';
import type { Clock } from '../db/clock.js';
import type { Db } from '../db/index.js';
import { getLibraryEntry, listVersionRows } from '../db/repositories/survey-library.js';
import { ZSurveyDefinition } from '../surveys/schema.js';
import type { StaffScope } from './context.js';
import { AppError, invalid } from './errors.js';
import { createSurvey, updateSurvey, type SaveResult } from './survey-library.js';
import { readSurveyXlsx, type RowProblem } from './survey-xlsx.js';
import { fieldErrors, nulPaths } from './validate.js';

const IMPORT_FAILED = {
  vi: 'Tệp bảng hỏi có lỗi, chưa nhập gì: xem từng dòng được nêu.',
  en: 'The questionnaire file has errors; nothing was imported: see each row named.',
};

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b;
}

/** A JSON file's definition draft, or the reason it is not one. */
function readJson(bytes: Uint8Array): Record<string, unknown> {
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw invalid(
      [{ path: 'file', message: 'Tệp không phải JSON hợp lệ, cũng không phải tệp .xlsx.' }],
      IMPORT_FAILED,
    );
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    throw invalid(
      [{ path: 'file', message: 'Tệp JSON phải chứa một bảng hỏi (một đối tượng).' }],
      IMPORT_FAILED,
    );
  return raw as Record<string, unknown>;
}

/** An XLSX file's draft; every bad row (cells and schema alike) named at once, or nothing. */
async function readXlsx(bytes: Uint8Array): Promise<Record<string, unknown>> {
  const { draft, problems, locate } = await readSurveyXlsx(bytes.slice().buffer);
  const parsed = ZSurveyDefinition.safeParse({ ...draft, version: 1 });
  const errors = parsed.success ? [] : fieldErrors(parsed.error);
  const schema: RowProblem[] = errors.map((e) => {
    const at = locate(e.path);
    const where = at.column ? `cột "${at.column}": ` : '';
    const message = at.row ? `Dòng ${at.row}: ${where}${e.message}` : e.message;
    return { sheet: at.sheet, row: at.row, path: e.path, message };
  });
  // A cell the reader already named is not named again by the schema.
  const named = new Set(problems.map((p) => `${p.sheet}#${p.row}`));
  const all = [
    ...problems,
    ...schema.filter((p) => p.row === null || !named.has(`${p.sheet}#${p.row}`)),
  ];
  if (all.length) throw invalid(all, IMPORT_FAILED);
  return draft;
}

/**
 * POST /api/surveys/import: a JSON or XLSX file, stored as POST (a new id) or PUT (an existing
 * id this user may edit) would store it. Nothing is stored unless the whole file is valid.
 */
export async function importSurvey(
  deps: { db: Db; clock: Clock; tally: Counting },
  staff: StaffScope,
  file: File,
): Promise<SaveResult & { created: boolean }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const draft = isZip(bytes) ? await readXlsx(bytes) : readJson(bytes);
  const nul = nulPaths(draft);
  if (nul.length) throw invalid(nul.map((path) => ({ path, message: 'contains a NUL character' })));
  const id = typeof draft.id === 'string' ? draft.id : undefined;
  const exists =
    id !== undefined &&
    (!!(await getLibraryEntry(deps.db, id)) || (await listVersionRows(deps.db, id)).length > 0);
  try {
    if (exists) return { ...(await updateSurvey(deps, staff, id, draft)), created: false };
    return { ...(await createSurvey(deps, staff, draft)), created: true };
  } catch (e) {
    if (e instanceof AppError && e.code === 'validation_failed')
      throw invalid(e.details, IMPORT_FAILED);
    throw e;
  }
}
