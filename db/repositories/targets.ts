import { sql } from 'kysely';
import type { Db } from '../index.js';
import type { Feedback, TargetSetting } from '../schema.js';

/**
 * Reads behind the targets and the periodic reports. Every read is limited to a subtree by the
 * units.path prefix and to a period given as ISO UTC instants [startIso, endIso).
 */

export interface Span {
  rootPath: string;
  startIso: string;
  endIso: string;
}

const inSubtree = (rootPath: string) =>
  sql<boolean>`substr(u.path, 1, ${rootPath.length}) = ${rootPath}`;

const FEEDBACK_COLUMNS = [
  'f.id',
  'f.tracking_code',
  'f.unit_id',
  'f.kind',
  'f.category',
  'f.status',
  'f.received_at',
  'f.accept_due_at',
  'f.due_at',
  'f.publish_due_at',
  'f.accepted_at',
  'f.answered_at',
  'f.published_at',
  'f.closed_at',
  'f.duplicate_of',
  'f.clock_paused_at',
] as const;

/** The columns the target formulas read, as stored. */
export type FeedbackTargetRow = Pick<
  Feedback,
  | 'id'
  | 'tracking_code'
  | 'unit_id'
  | 'kind'
  | 'category'
  | 'status'
  | 'received_at'
  | 'accept_due_at'
  | 'due_at'
  | 'publish_due_at'
  | 'accepted_at'
  | 'answered_at'
  | 'published_at'
  | 'closed_at'
  | 'duplicate_of'
  | 'clock_paused_at'
>;

/** Feedback of the subtree whose `column` instant lies in the span, oldest first. */
export async function feedbackByInstant(
  db: Db,
  column: 'due_at' | 'accept_due_at' | 'received_at',
  s: Span,
): Promise<FeedbackTargetRow[]> {
  return db
    .selectFrom('feedback as f')
    .innerJoin('units as u', 'u.id', 'f.unit_id')
    .where(inSubtree(s.rootPath))
    .where(`f.${column}`, '>=', s.startIso)
    .where(`f.${column}`, '<', s.endIso)
    .select(FEEDBACK_COLUMNS)
    .orderBy(`f.${column}`)
    .orderBy('f.tracking_code')
    .execute();
}

export interface CampaignUnitRow {
  campaign_id: string;
  campaign_name: string;
  survey_id: string;
  survey_version: number;
  closes_at: string;
  unit_id: string;
  unit_name: string;
  unit_path: string;
  /** The unit's population N as the campaign froze it (0: not declared). */
  eligible: number;
  responses: number;
}

/**
 * The subtree's units in campaigns that overlap the span (opened before it ends, closed after
 * it starts), or with `closingOnly` whose campaign closes within it; with their response counts.
 */
export async function campaignUnitsIn(
  db: Db,
  s: Span,
  closingOnly = false,
): Promise<CampaignUnitRow[]> {
  let q = db
    .selectFrom('campaign_units as cu')
    .innerJoin('campaigns as c', 'c.id', 'cu.campaign_id')
    .innerJoin('units as u', 'u.id', 'cu.unit_id')
    .where(inSubtree(s.rootPath))
    .where('c.closes_at', '>=', s.startIso);
  q = closingOnly ? q.where('c.closes_at', '<', s.endIso) : q.where('c.opens_at', '<', s.endIso);
  const rows = await q
    .select([
      'c.id as campaign_id',
      'c.name as campaign_name',
      'c.survey_id',
      'c.survey_version',
      'c.closes_at',
      'u.id as unit_id',
      'u.name as unit_name',
      'u.path as unit_path',
      'cu.eligible',
      // Summed over the channels, each read by key.
      sql<number>`(select coalesce(sum(rc.n), 0) from response_counts rc
          where rc.campaign_id = cu.campaign_id and rc.unit_id = cu.unit_id)`.as('responses'),
    ])
    .orderBy('u.path')
    .orderBy('c.closes_at')
    .execute();
  return rows.map((r) => ({
    ...r,
    survey_version: Number(r.survey_version),
    eligible: Number(r.eligible),
    responses: Number(r.responses),
  }));
}

export interface AnswerCountRow {
  campaign_id: string;
  unit_id: string;
  question_id: string;
  value: string;
  n: number;
}

/** The pooled answer counters of these campaigns at the subtree's units. */
export async function answerCountsFor(
  db: Db,
  campaignIds: readonly string[],
  rootPath: string,
): Promise<AnswerCountRow[]> {
  if (campaignIds.length === 0) return [];
  const rows = await db
    .selectFrom('answer_counts as ac')
    .innerJoin('units as u', 'u.id', 'ac.unit_id')
    .where('ac.campaign_id', 'in', [...campaignIds])
    .where(inSubtree(rootPath))
    .groupBy(['ac.campaign_id', 'ac.unit_id', 'ac.question_id', 'ac.value'])
    .select([
      'ac.campaign_id',
      'ac.unit_id',
      'ac.question_id',
      'ac.value',
      sql<number>`sum(ac.n)`.as('n'),
    ])
    .execute();
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

export async function surveyDefinitions(
  db: Db,
  keys: readonly { id: string; version: number }[],
): Promise<{ id: string; version: number; definition: string }[]> {
  if (keys.length === 0) return [];
  return db
    .selectFrom('surveys')
    .where((eb) =>
      eb.or(keys.map((k) => eb.and([eb('id', '=', k.id), eb('version', '=', k.version)]))),
    )
    .select(['id', 'version', 'definition'])
    .execute();
}

/** Settings of any of these units (a unit and its ancestors) in force on `onDate`. */
export async function targetSettingsFor(
  db: Db,
  unitIds: readonly string[],
  onDate: string,
): Promise<TargetSetting[]> {
  if (unitIds.length === 0) return [];
  const rows = await db
    .selectFrom('target_settings')
    .selectAll()
    .where('unit_id', 'in', [...unitIds])
    .where('valid_from', '<=', onDate)
    .execute();
  return rows.map((r) => ({ ...r, value: Number(r.value) }));
}

export async function listTargetSettings(db: Db, rootPath: string): Promise<TargetSetting[]> {
  const rows = await db
    .selectFrom('target_settings as t')
    .innerJoin('units as u', 'u.id', 't.unit_id')
    .where(inSubtree(rootPath))
    .selectAll('t')
    .orderBy('u.path')
    .orderBy('t.target_id')
    .orderBy('t.valid_from')
    .execute();
  return rows.map((r) => ({ ...r, value: Number(r.value) }));
}

/** One row per unit, target and start date: setting it again replaces the value. */
export async function upsertTargetSetting(db: Db, s: TargetSetting): Promise<void> {
  await db
    .insertInto('target_settings')
    .values(s)
    .onConflict((oc) =>
      oc.columns(['unit_id', 'target_id', 'valid_from']).doUpdateSet({
        value: s.value,
        updated_by: s.updated_by,
        updated_at: s.updated_at,
      }),
    )
    .execute();
}

export async function deleteTargetSetting(
  db: Db,
  k: { unit_id: string; target_id: string; valid_from: string },
): Promise<boolean> {
  const res = await db
    .deleteFrom('target_settings')
    .where('unit_id', '=', k.unit_id)
    .where('target_id', '=', k.target_id)
    .where('valid_from', '=', k.valid_from)
    .executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}
