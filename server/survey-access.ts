import type { Clock } from '../db/clock.js';
import type { Db } from '../db/index.js';
import { getLibraryEntry, listVersionRows } from '../db/repositories/survey-library.js';
import { getUnit } from '../db/repositories/units.js';
import type { Role, Survey, SurveyLibraryEntry, Unit } from '../db/schema.js';
import { ZSurveyDefinition, type TSurveyDefinition } from '../surveys/schema.js';
import type { StaffScope } from './context.js';
import { conflict, forbidden, notFound } from './errors.js';
import { fieldErrors } from './validate.js';

/** Who may see, use and change a questionnaire of the library, and reading its stored rows. */

export type Deps = { db: Db; clock: Clock };
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

export const scopeOf = (s: StaffScope) => ({ root: s.root, role: s.user.role });

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
export async function visibleSurvey(deps: Deps, staff: StaffScope, id: string) {
  const rows = await listVersionRows(deps.db, id);
  if (!rows.length) throw notFound();
  const entry = await getLibraryEntry(deps.db, id);
  const access = await accessOf(deps.db, scopeOf(staff), entry);
  if (!access.visible) throw notFound();
  return { rows, entry, access };
}

/** …and may change (else 403; a viewer never may). */
export async function editableSurvey(deps: Deps, staff: StaffScope, id: string) {
  const found = await visibleSurvey(deps, staff, id);
  if (!found.access.editable) throw forbidden();
  return found;
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
