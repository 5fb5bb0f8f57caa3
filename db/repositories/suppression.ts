import { sql } from 'kysely';
import type { Db } from '../index.js';

/** What the small-groups rule (server/indices/suppression.ts) reads: the unit tree and counters. */

export interface TreeUnitRow {
  id: string;
  parent_id: string | null;
}

export interface OwnResponsesRow {
  campaign_id: string;
  unit_id: string;
  n: number;
}

/**
 * The whole unit tree (not the caller's subtree: the decision must not depend on who asks) and
 * each unit's own response counter in these campaigns, one row per campaign × unit with responses.
 */
export async function treeWithResponses(
  db: Db,
  campaignIds: readonly string[],
): Promise<{ units: TreeUnitRow[]; responses: OwnResponsesRow[] }> {
  const units = await db.selectFrom('units').select(['id', 'parent_id']).execute();
  if (campaignIds.length === 0) return { units, responses: [] };
  const rows = await db
    .selectFrom('response_counts')
    .where('campaign_id', 'in', [...campaignIds])
    .groupBy(['campaign_id', 'unit_id'])
    .select(['campaign_id', 'unit_id', sql<number>`sum(n)`.as('n')])
    .execute();
  return { units, responses: rows.map((r) => ({ ...r, n: Number(r.n) })) };
}

export interface OwnAnswersRow {
  campaign_id: string;
  unit_id: string;
  question_id: string;
  value: string;
  n: number;
}

export interface CampaignSurveyRow {
  id: string;
  survey_id: string;
  survey_version: number;
}

/**
 * Each unit's own answer counters (leaf rows, per question and value) in these campaigns, and
 * the questionnaire version each campaign asks, which says what the values mean. One query for
 * the counters, whatever the number of campaigns and units.
 */
export async function ownAnswerCounts(
  db: Db,
  campaignIds: readonly string[],
): Promise<{ surveys: CampaignSurveyRow[]; answers: OwnAnswersRow[] }> {
  if (campaignIds.length === 0) return { surveys: [], answers: [] };
  const surveys = await db
    .selectFrom('campaigns')
    .where('id', 'in', [...campaignIds])
    .select(['id', 'survey_id', 'survey_version'])
    .execute();
  const rows = await db
    .selectFrom('answer_counts')
    .where('campaign_id', 'in', [...campaignIds])
    .groupBy(['campaign_id', 'unit_id', 'question_id', 'value'])
    .select(['campaign_id', 'unit_id', 'question_id', 'value', sql<number>`sum(n)`.as('n')])
    .execute();
  return {
    surveys: surveys.map((s) => ({ ...s, survey_version: Number(s.survey_version) })),
    answers: rows.map((r) => ({ ...r, n: Number(r.n) })),
  };
}
