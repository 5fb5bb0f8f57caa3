import type { Db } from '../db/index.js';
import {
  deleteSurvey,
  getLibraryEntry,
  insertLibraryEntry,
  insertNewVersion,
  listCampaignsOfSurvey,
  listVersionRows,
  updateLibraryEntry,
  usedOptionValues,
} from '../db/repositories/survey-library.js';
import { definitionHash } from '../surveys/load.js';
import { ZSurveyDefinition, type TSurveyDefinition } from '../surveys/schema.js';
import type { StaffScope } from './context.js';
import { conflict, forbidden, invalid } from './errors.js';
import type { Counting } from './counting/tally.js';
import { editableSurvey, readStored, type Deps } from './survey-access.js';
import { fieldErrors, type FieldError } from './validate.js';

/** Changing the questionnaire library: create, new versions, delete, archive. */

function parseDraft(body: Record<string, unknown>, id: string, version: number) {
  const parsed = ZSurveyDefinition.safeParse({ ...body, id, version });
  if (!parsed.success) throw invalid(fieldErrors(parsed.error));
  return parsed.data;
}

function draftId(body: Record<string, unknown>): string {
  if (typeof body.id !== 'string') {
    // Let the schema name every other bad field along with the id.
    const parsed = ZSurveyDefinition.safeParse({ ...body, version: 1 });
    const errors: FieldError[] = parsed.success ? [] : fieldErrors(parsed.error);
    if (!errors.some((e) => e.path === 'id'))
      errors.unshift({ path: 'id', message: 'Cần có mã bảng hỏi (id).' });
    throw invalid(errors);
  }
  return body.id;
}

export interface SurveyWarning {
  path: string;
  code: 'option_removed';
  message: { vi: string; en: string };
  values: string[];
}

export interface SaveResult {
  id: string;
  version: number;
  changed: boolean;
  warnings: SurveyWarning[];
}

/** POST /api/surveys: a new questionnaire owned by the user's unit, version 1. */
export async function createSurvey(
  deps: Deps,
  staff: StaffScope,
  body: Record<string, unknown>,
): Promise<SaveResult> {
  if (staff.user.role === 'viewer') throw forbidden();
  const id = draftId(body);
  const def = parseDraft(body, id, 1);
  if ((await getLibraryEntry(deps.db, id)) || (await listVersionRows(deps.db, id)).length) {
    throw conflict({
      vi: `Mã bảng hỏi "${id}" đã có trong thư viện: hãy chọn mã khác, hoặc sửa bảng hỏi đó.`,
      en: `A questionnaire with the id "${id}" already exists: choose another id, or edit that one.`,
    });
  }
  const now = deps.clock().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await insertNewVersion(trx, storedRow(def, staff.user.id, now));
    await insertLibraryEntry(trx, {
      id,
      unit_id: staff.root.id,
      archived: 0,
      created_by: staff.user.id,
      created_at: now,
      updated_by: staff.user.id,
      updated_at: now,
    });
  });
  return { id, version: 1, changed: true, warnings: [] };
}

function storedRow(def: TSurveyDefinition, userId: string, now: string) {
  return {
    id: def.id,
    version: def.version,
    title: def.title.vi,
    definition: JSON.stringify(def),
    hash: definitionHash(def),
    created_at: now,
    created_by: userId,
  };
}

/** PUT /api/surveys/:id: a changed definition becomes the next version; campaigns keep theirs. */
export async function updateSurvey(
  deps: Deps & { tally: Counting },
  staff: StaffScope,
  id: string,
  body: Record<string, unknown>,
): Promise<SaveResult> {
  if (staff.user.role === 'viewer') throw forbidden();
  const { rows } = await editableSurvey(deps, staff, id);
  if (body.id !== undefined && body.id !== id) {
    throw invalid([{ path: 'id', message: `Mã bảng hỏi phải là "${id}" (mã trong đường dẫn).` }]);
  }
  const latest = rows[0]!;
  const same = parseDraft(body, id, latest.version);
  if (definitionHash(same) === latest.hash) {
    return { id, version: latest.version, changed: false, warnings: [] };
  }
  const def = parseDraft(body, id, latest.version + 1);
  const previous = readStored(latest);
  const warnings = previous ? await removedOptionWarnings(deps, previous, def) : [];
  const now = deps.clock().toISOString();
  try {
    await deps.db.transaction().execute(async (trx) => {
      await insertNewVersion(trx, storedRow(def, staff.user.id, now));
      if (!(await getLibraryEntry(trx, id))) {
        await insertLibraryEntry(trx, {
          id,
          unit_id: null,
          archived: 0,
          created_by: null,
          created_at: latest.created_at,
          updated_by: staff.user.id,
          updated_at: now,
        });
      }
      await updateLibraryEntry(trx, id, { updated_by: staff.user.id, updated_at: now });
    });
  } catch (e) {
    if (!(await listVersionRows(deps.db, id)).some((r) => r.version === def.version)) throw e;
    throw conflict({
      vi: 'Bảng hỏi vừa được người khác lưu phiên bản mới: hãy tải lại rồi sửa tiếp.',
      en: 'Someone else has just saved a new version: reload and edit again.',
    });
  }
  return { id, version: def.version, changed: true, warnings };
}

/** Options the new version drops that stored answers to earlier versions chose: accepted, said. */
async function removedOptionWarnings(
  { db, tally }: { db: Db; tally: Counting },
  previous: TSurveyDefinition,
  next: TSurveyDefinition,
): Promise<SurveyWarning[]> {
  await tally.settle(); // answers stored but not yet counted choose options too
  const before = new Map(previous.sections.flatMap((s) => s.questions).map((q) => [q.id, q]));
  const warnings: SurveyWarning[] = [];
  for (const [si, s] of next.sections.entries()) {
    for (const [qi, q] of s.questions.entries()) {
      const old = before.get(q.id);
      if (!old?.options || !q.options) continue;
      const kept = new Set(q.options.map((o) => o.value));
      const dropped = old.options.map((o) => o.value).filter((v) => !kept.has(v));
      const used = await usedOptionValues(db, next.id, q.id, dropped);
      if (!used.length) continue;
      const list = used.map((v) => `"${v}"`).join(', ');
      warnings.push({
        path: `sections.${si}.questions.${qi}.options`,
        code: 'option_removed',
        values: used,
        message: {
          vi: `Câu "${q.id}": đã bỏ lựa chọn ${list} mà các câu trả lời trước đây đã chọn; các câu trả lời đó vẫn giữ theo phiên bản cũ.`,
          en: `Question "${q.id}": removed option ${list} that earlier answers chose; those answers stay with their version.`,
        },
      });
    }
  }
  return warnings;
}

/** DELETE /api/surveys/:id: only while no campaign uses any of its versions. */
export async function removeSurvey(deps: Deps, staff: StaffScope, id: string): Promise<void> {
  await editableSurvey(deps, staff, id);
  const campaigns = await listCampaignsOfSurvey(deps.db, id);
  if (campaigns.length) {
    throw conflict(
      {
        vi: `Bảng hỏi đang được ${campaigns.length} đợt khảo sát sử dụng nên không xoá được; hãy lưu trữ bảng hỏi thay vì xoá.`,
        en: `${campaigns.length} campaign(s) use this questionnaire, so it cannot be deleted; archive it instead.`,
      },
      { campaigns: campaigns.map((c) => ({ id: c.id, name: c.name })) },
    );
  }
  await deps.db.transaction().execute((trx) => deleteSurvey(trx, id));
}

/** Archive or unarchive: an archived questionnaire opens no new campaign but stays readable. */
export async function setArchived(
  deps: Deps,
  staff: StaffScope,
  id: string,
  archived: boolean,
): Promise<{ id: string; archived: boolean }> {
  const { rows, entry } = await editableSurvey(deps, staff, id);
  const now = deps.clock().toISOString();
  if (!entry) {
    await insertLibraryEntry(deps.db, {
      id,
      unit_id: null,
      archived: 0,
      created_by: null,
      created_at: rows[rows.length - 1]!.created_at,
      updated_by: null,
      updated_at: now,
    });
  }
  await updateLibraryEntry(deps.db, id, {
    archived: archived ? 1 : 0,
    updated_by: staff.user.id,
    updated_at: now,
  });
  return { id, archived };
}
