import type { Clock } from '../db/clock.js';
import type { Db } from '../db/index.js';
import {
  deleteSurvey,
  getLibraryEntry,
  getUsersByIds,
  insertLibraryEntry,
  insertNewVersion,
  listCampaignsOfSurvey,
  listLibraryEntries,
  listVersionRows,
  updateLibraryEntry,
  usedOptionValues,
} from '../db/repositories/survey-library.js';
import { settleCounts } from '../db/repositories/tally.js';
import { getUnit } from '../db/repositories/units.js';
import type { Role, Survey, SurveyLibraryEntry, Unit } from '../db/schema.js';
import { definitionHash } from '../surveys/load.js';
import { ZSurveyDefinition, type TSurveyDefinition } from '../surveys/schema.js';
import type { StaffScope } from './context.js';
import { conflict, forbidden, invalid, notFound } from './errors.js';
import { fieldErrors, type FieldError } from './validate.js';

type Deps = { db: Db; clock: Clock };
type Log = (line: string) => void;

/**
 * A stored definition, validated again on every read: a row that fails (edited by hand, or
 * written under an older schema) is skipped with a log line, never thrown at a request or start.
 */
export function readStored(row: Survey, log: Log = console.warn): TSurveyDefinition | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(row.definition);
  } catch {
    log(`questionnaire "${row.id}" version ${row.version}: stored definition is not JSON; skipped`);
    return undefined;
  }
  const parsed = ZSurveyDefinition.safeParse(raw);
  if (parsed.success) return parsed.data;
  const where = fieldErrors(parsed.error)
    .map((e) => `${e.path || '(root)'}: ${e.message}`)
    .join('; ');
  log(
    `questionnaire "${row.id}" version ${row.version}: stored definition is invalid (${where}); skipped`,
  );
  return undefined;
}

/** Who owns a questionnaire, and what the signed-in user may do with it. */
export interface Access {
  owner: Unit | undefined;
  visible: boolean;
  editable: boolean;
  usable: boolean;
  archived: boolean;
}

const scopeOf = (s: StaffScope) => ({ root: s.root, role: s.user.role });

/** The top of the user's tree: the Department that owns the official (file) questionnaires. */
function departmentId(root: Unit): string {
  return root.path.split('/')[1] ?? root.id;
}

export async function accessOf(
  db: Db,
  staff: { root: Unit; role: Role },
  entry: SurveyLibraryEntry | undefined,
  units: Map<string, Unit | undefined> = new Map(),
): Promise<Access> {
  const { root, role } = staff;
  const ownerId = entry?.unit_id ?? departmentId(root);
  if (!units.has(ownerId)) units.set(ownerId, await getUnit(db, ownerId));
  const owner = units.get(ownerId);
  const archived = entry?.archived === 1;
  const ownerPath = owner?.path ?? `/${ownerId}/`;
  const ancestorOrSelf = root.path.startsWith(ownerPath);
  const inSubtree = ownerPath.startsWith(root.path);
  const official = entry?.unit_id == null || owner?.parent_id === null;
  const editable =
    role !== 'viewer' && inSubtree && (!official || (role === 'admin' && root.parent_id === null));
  return {
    owner,
    visible: ancestorOrSelf || inSubtree,
    editable,
    usable: !archived && ancestorOrSelf,
    archived,
  };
}

/** A questionnaire the user may see (else 404) with its versions, newest first. */
async function visibleSurvey(deps: Deps, staff: StaffScope, id: string) {
  const rows = await listVersionRows(deps.db, id);
  if (!rows.length) throw notFound();
  const entry = await getLibraryEntry(deps.db, id);
  const access = await accessOf(deps.db, scopeOf(staff), entry);
  if (!access.visible) throw notFound();
  return { rows, entry, access };
}

/** …and may change (else 403; a viewer never may). */
async function editableSurvey(deps: Deps, staff: StaffScope, id: string) {
  const found = await visibleSurvey(deps, staff, id);
  if (!found.access.editable) throw forbidden();
  return found;
}

function parseDraft(body: Record<string, unknown>, id: string, version: number) {
  const parsed = ZSurveyDefinition.safeParse({ ...body, id, version });
  if (!parsed.success) throw invalid(fieldErrors(parsed.error));
  const idle = idleFactors(parsed.data);
  if (idle.length) throw invalid(idle);
  return parsed.data;
}

/**
 * A factor no question counts towards would show an empty index: refused. (A library rule until
 * the schema has it; a grid's rows name factors too.)
 */
export function idleFactors(def: TSurveyDefinition): FieldError[] {
  const used = new Set<string>();
  for (const q of def.sections.flatMap((s) => s.questions) as {
    factor?: string;
    rows?: { factor?: string }[];
  }[]) {
    if (q.factor) used.add(q.factor);
    for (const r of q.rows ?? []) if (r.factor) used.add(r.factor);
  }
  return def.factors.flatMap((f, i) =>
    used.has(f.id)
      ? []
      : [{ path: `factors.${i}`, message: `Nhóm tiêu chí "${f.id}" chưa có câu hỏi nào.` }],
  );
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
  deps: Deps,
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
  const warnings = previous ? await removedOptionWarnings(deps.db, previous, def) : [];
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
  db: Db,
  previous: TSurveyDefinition,
  next: TSurveyDefinition,
): Promise<SurveyWarning[]> {
  await settleCounts(db); // answers stored but not yet counted choose options too
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

/** GET /api/surveys/:id. */
export async function surveyDetail(deps: Deps, staff: StaffScope, id: string, version?: number) {
  const { rows, access } = await visibleSurvey(deps, staff, id);
  const campaigns = await listCampaignsOfSurvey(deps.db, id);
  const users = new Map(
    (
      await getUsersByIds(deps.db, [
        ...new Set(rows.map((r) => r.created_by).filter((u): u is string => !!u)),
      ])
    ).map((u) => [u.id, u]),
  );
  const valid = rows
    .map((r) => ({ row: r, def: readStored(r) }))
    .filter((v): v is { row: Survey; def: TSurveyDefinition } => !!v.def);
  const shown = version === undefined ? valid[0] : valid.find((v) => v.row.version === version);
  if (!shown) throw notFound();
  return {
    id,
    version: shown.row.version,
    definition: shown.def,
    versions: valid.map(({ row }) => ({
      version: row.version,
      createdAt: row.created_at,
      createdBy: (row.created_by && users.get(row.created_by)) || null,
      campaigns: campaigns
        .filter((c) => c.survey_version === row.version)
        .map((c) => ({ id: c.id, name: c.name })),
    })),
    unitId: access.owner?.id ?? null,
    unitName: access.owner?.name ?? null,
    archived: access.archived,
    editable: access.editable,
  };
}

/** Two stored versions of a questionnaire the user may see (for the diff). */
export async function surveyVersions(
  deps: Deps,
  staff: StaffScope,
  id: string,
  from?: number,
  to?: number,
): Promise<{ from: TSurveyDefinition; to: TSurveyDefinition }> {
  const { rows } = await visibleSurvey(deps, staff, id);
  const toRow = to === undefined ? rows[0] : rows.find((r) => r.version === to);
  const fromVersion = from ?? (toRow ? toRow.version - 1 : 0);
  const fromRow = rows.find((r) => r.version === fromVersion);
  const a = fromRow && readStored(fromRow);
  const b = toRow && readStored(toRow);
  if (!a || !b) throw notFound();
  return { from: a, to: b };
}

/** The definition of one version (newest by default), for the export. */
export async function surveyDefinition(
  deps: Deps,
  staff: StaffScope,
  id: string,
  version?: number,
): Promise<TSurveyDefinition> {
  const { rows } = await visibleSurvey(deps, staff, id);
  const row = version === undefined ? rows[0] : rows.find((r) => r.version === version);
  const def = row && readStored(row);
  if (!def) throw notFound();
  return def;
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

/** GET /api/surveys: the newest valid version of each questionnaire the user may see. */
export async function listSurveys(deps: Deps, staff: StaffScope, opts: { usable?: boolean } = {}) {
  const entries = new Map((await listLibraryEntries(deps.db)).map((e) => [e.id, e]));
  const rows = await deps.db
    .selectFrom('surveys')
    .selectAll()
    .orderBy('id')
    .orderBy('version', 'desc')
    .execute();
  const units = new Map<string, Unit | undefined>();
  const out = [];
  let current: string | undefined;
  for (const row of rows) {
    if (row.id === current) continue;
    const def = readStored(row);
    if (!def) continue;
    current = row.id;
    const entry = entries.get(row.id);
    const access = await accessOf(deps.db, scopeOf(staff), entry, units);
    if (!access.visible || (opts.usable && !access.usable)) continue;
    out.push({
      ...def,
      unitId: access.owner?.id ?? null,
      unitName: access.owner?.name ?? null,
      archived: access.archived,
      editable: access.editable,
      usable: access.usable,
      updatedAt: entry?.updated_at ?? row.created_at,
    });
  }
  return out;
}

/**
 * The guard of campaign creation: a questionnaire of the user's unit or its ancestors, not
 * archived. One without a library row (stored before the library existed) is the Department's.
 */
export async function assertUsableForCampaign(db: Db, root: Unit, surveyId: string): Promise<void> {
  const entry = await getLibraryEntry(db, surveyId);
  if (!entry) return;
  const access = await accessOf(db, { root, role: 'viewer' }, entry);
  if (access.archived) {
    throw conflict({
      vi: 'Bảng hỏi này đã được lưu trữ nên không dùng được cho đợt khảo sát mới.',
      en: 'This questionnaire is archived: it cannot open a new campaign.',
    });
  }
  if (!access.usable) throw forbidden();
}
