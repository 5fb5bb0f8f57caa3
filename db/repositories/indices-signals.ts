import { sql } from 'kysely';
import type { Db } from '../index.js';
import type { Campaign, Unit } from '../schema.js';
import { listCampaignsInScope } from './campaigns.js';
import { inSubtree } from './indices.js';

/** Reads beside the indices: the campaigns a user may read, open answers, repeated submissions. */

/**
 * Campaigns a user rooted at `root` may read (the campaigns' own scope rule: owned in the subtree
 * or targeting a unit in it), optionally of one questionnaire, by closing date.
 */
export async function listVisibleCampaigns(
  db: Db,
  root: Unit,
  surveyId?: string,
): Promise<Campaign[]> {
  const all = await listCampaignsInScope(db, root.path);
  return all
    .filter((c) => !surveyId || c.survey_id === surveyId)
    .sort((a, b) => a.closes_at.localeCompare(b.closes_at) || a.id.localeCompare(b.id));
}

export interface TextAnswerRow {
  response_id: string;
  question_id: string;
  unit_id: string;
  text: string;
  submitted_at: string;
}

/** Every open-ended answer of a campaign in a subtree, newest first. */
export async function listTextAnswers(
  db: Db,
  campaignId: string,
  root: Unit,
): Promise<TextAnswerRow[]> {
  return db
    .selectFrom('text_answers as ta')
    .innerJoin('units as u', 'u.id', 'ta.unit_id')
    .where('ta.campaign_id', '=', campaignId)
    .where(inSubtree(db, root.path))
    .select(['ta.response_id', 'ta.question_id', 'ta.unit_id', 'ta.text', 'ta.submitted_at'])
    .orderBy('ta.submitted_at', 'desc')
    .orderBy('ta.response_id')
    .execute();
}

export interface SubmissionRow {
  unit_id: string;
  fingerprint: string;
  submitted_at: string;
}

/**
 * Submission times of the responses whose fingerprint repeats at least `minRepeats` times at one
 * unit: the only candidates for a burst, so ordinary responses are not read. A counter device's
 * responses (channel `kiosk`) are left out: they repeat by nature and are judged by the device's
 * tap rate instead (server/kiosks/bursts.ts).
 */
export async function repeatedSubmissions(
  db: Db,
  campaignId: string,
  root: Unit,
  minRepeats: number,
): Promise<SubmissionRow[]> {
  const repeated = db
    .selectFrom('responses as r')
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .where('r.campaign_id', '=', campaignId)
    .where('r.channel', '<>', 'kiosk')
    .where(inSubtree(db, root.path))
    .groupBy(['r.unit_id', 'r.fingerprint'])
    .having(sql<number>`count(*)`, '>=', minRepeats)
    .select(['r.unit_id', 'r.fingerprint']);
  return db
    .selectFrom('responses as r2')
    .innerJoin(repeated.as('g'), (j) =>
      j.onRef('g.unit_id', '=', 'r2.unit_id').onRef('g.fingerprint', '=', 'r2.fingerprint'),
    )
    .where('r2.campaign_id', '=', campaignId)
    .where('r2.channel', '<>', 'kiosk')
    .select(['r2.unit_id', 'r2.fingerprint', 'r2.submitted_at'])
    .orderBy('r2.unit_id')
    .orderBy('r2.fingerprint')
    .orderBy('r2.submitted_at')
    .execute();
}
