import {
  getUsersByIds,
  listCampaignsOfSurvey,
  listLibraryEntries,
} from '../db/repositories/survey-library.js';
import type { Survey, Unit } from '../db/schema.js';
import type { TSurveyDefinition } from '../surveys/schema.js';
import type { StaffScope } from './context.js';
import { notFound } from './errors.js';
import { accessOf, readStored, scopeOf, visibleSurvey, type Deps } from './survey-access.js';

/** Reading the questionnaire library: the list, one questionnaire with its versions, a version. */

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
