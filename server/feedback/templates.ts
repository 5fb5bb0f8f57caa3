import { newId } from '../../db/ids.js';
import type { Db } from '../../db/index.js';
import {
  deleteTemplate,
  getTemplate,
  insertTemplate,
  listTemplatesOf,
  updateTemplate,
  type TemplateRow,
} from '../../db/repositories/feedback-inbox.js';
import { getUnit, isInSubtree } from '../../db/repositories/units.js';
import type { Unit, User } from '../../db/schema.js';
import { notFound } from '../errors.js';
import { selfAndAncestors } from './assignment.js';
import type { TTemplateInput, TTemplatePatch } from './schemas.js';

export interface TReplyTemplate {
  id: string;
  unitId: string;
  unitName: string;
  title: string;
  body: string;
  /** True when the caller may change it (its unit lies in the caller's subtree). */
  editable: boolean;
  updatedAt: string;
}

function templateDto(t: TemplateRow, callerRoot: Unit, unitPath: string): TReplyTemplate {
  return {
    id: t.id,
    unitId: t.unit_id,
    unitName: t.unit_name,
    title: t.title,
    body: t.body,
    editable: unitPath.includes(`/${callerRoot.id}/`),
    updatedAt: t.updated_at,
  };
}

/**
 * The templates usable for items of `unit`: its own and those of every unit above it (a
 * district's template serves each of its schools). Nearest unit first.
 */
export async function templatesFor(
  db: Db,
  unit: Unit,
  callerRoot: Unit,
): Promise<TReplyTemplate[]> {
  const chain = selfAndAncestors(unit);
  const rows = await listTemplatesOf(db, chain);
  const pathOf = (unitId: string) => `/${chain.slice(0, chain.indexOf(unitId) + 1).join('/')}/`;
  return rows.map((r) => templateDto(r, callerRoot, pathOf(r.unit_id)));
}

/** A template the caller may change: its unit lies in the caller's subtree; otherwise 404. */
async function ownTemplate(db: Db, id: string, callerRoot: Unit) {
  const t = await getTemplate(db, id);
  if (!t || !(await isInSubtree(db, callerRoot.id, t.unit_id))) throw notFound();
  return t;
}

async function dtoOf(db: Db, id: string, callerRoot: Unit): Promise<TReplyTemplate> {
  const t = await getTemplate(db, id);
  const unit = t && (await getUnit(db, t.unit_id));
  if (!t || !unit) throw notFound();
  return templateDto(t, callerRoot, unit.path);
}

/** Creates a template for `unit` (the route has checked it lies in the caller's subtree). */
export async function createTemplate(
  db: Db,
  now: Date,
  actor: User,
  callerRoot: Unit,
  input: TTemplateInput,
): Promise<TReplyTemplate> {
  const at = now.toISOString();
  const id = newId();
  await insertTemplate(db, {
    id,
    unit_id: input.unitId,
    title: input.title,
    body: input.body,
    created_by: actor.id,
    created_at: at,
    updated_at: at,
  });
  return dtoOf(db, id, callerRoot);
}

export async function changeTemplate(
  db: Db,
  now: Date,
  callerRoot: Unit,
  id: string,
  patch: TTemplatePatch,
): Promise<TReplyTemplate> {
  await ownTemplate(db, id, callerRoot);
  await updateTemplate(db, id, { ...patch, updated_at: now.toISOString() });
  return dtoOf(db, id, callerRoot);
}

export async function removeTemplate(db: Db, callerRoot: Unit, id: string): Promise<void> {
  await ownTemplate(db, id, callerRoot);
  await deleteTemplate(db, id);
}
