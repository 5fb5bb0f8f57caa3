import { createHash, randomUUID } from 'node:crypto';
import type { Db } from '../../db/index.js';
import { addCounters, counterUnit } from '../../db/repositories/rollups.js';
import { ZSurveyDefinition, type TSurveyDefinition } from '../../surveys/schema.js';

/**
 * Factories for the indices tests: they write surveys, campaigns and the pooled counters
 * directly, as the respondent flow would after each response, so the indices can be tested
 * against counts chosen by hand.
 */

/** A small questionnaire: factor A (weight 2) with q1, q2; factor B with q3; factor C with q4. */
export function smallSurvey(over: Partial<TSurveyDefinition> = {}): TSurveyDefinition {
  return ZSurveyDefinition.parse({
    id: 'test-survey',
    version: 1,
    kind: 'education',
    title: { vi: 'Khảo sát thử', en: 'Test survey' },
    target: 85,
    factors: [
      { id: 'a', title: { vi: 'Tiếp cận', en: 'Access' }, weight: 2 },
      { id: 'b', title: { vi: 'Cơ sở vật chất', en: 'Facilities' } },
      { id: 'c', title: { vi: 'Môi trường', en: 'Environment' } },
    ],
    sections: [
      {
        id: 's1',
        title: { vi: 'Phần 1' },
        questions: [
          { id: 'q1', type: 'likert5', factor: 'a', text: { vi: 'Câu 1' } },
          { id: 'q2', type: 'likert5', factor: 'a', text: { vi: 'Câu 2' } },
          { id: 'q3', type: 'likert5', factor: 'b', text: { vi: 'Câu 3' } },
          { id: 'q4', type: 'likert5', factor: 'c', text: { vi: 'Câu 4' } },
          {
            id: 'expect',
            type: 'multi',
            text: { vi: 'Mong đợi' },
            options: [
              { value: 'food', label: { vi: 'Bữa ăn' } },
              { value: 'yard', label: { vi: 'Sân chơi' } },
            ],
          },
          { id: 'ideas', type: 'text', text: { vi: 'Góp ý' } },
        ],
      },
    ],
    ...over,
  });
}

/** One factor, one question: the overall index is that question's share satisfied. */
export const oneQuestion = ZSurveyDefinition.parse({
  id: 'one-question',
  version: 1,
  kind: 'education',
  title: { vi: 'Một câu' },
  target: 85,
  factors: [{ id: 'a', title: { vi: 'Chung' } }],
  sections: [
    {
      id: 's',
      title: { vi: 'Phần 1' },
      questions: [{ id: 'q', type: 'likert5', factor: 'a', text: { vi: 'Hài lòng?' } }],
    },
  ],
});

export async function createSurvey(
  db: Db,
  def: TSurveyDefinition,
  now = '2026-01-01T00:00:00.000Z',
): Promise<void> {
  const definition = JSON.stringify(def);
  await db
    .insertInto('surveys')
    .values({
      id: def.id,
      version: def.version,
      title: def.title.vi,
      definition,
      hash: createHash('sha256').update(definition).digest('hex'),
      created_at: now,
    })
    .execute();
}

export interface CampaignInput {
  survey: TSurveyDefinition;
  ownerUnitId: string;
  unitIds: string[];
  name?: string;
  opensAt?: string;
  closesAt?: string;
}

export async function createCampaign(db: Db, input: CampaignInput): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('campaigns')
    .values({
      id,
      survey_id: input.survey.id,
      survey_version: input.survey.version,
      name: input.name ?? 'Khảo sát 2026',
      opens_at: input.opensAt ?? '2026-11-01T00:00:00.000Z',
      closes_at: input.closesAt ?? '2026-12-01T00:00:00.000Z',
      access: 'link',
      owner_unit_id: input.ownerUnitId,
      created_by: null,
      created_at: '2026-10-01T00:00:00.000Z',
    })
    .execute();
  for (const unitId of input.unitIds) {
    // The population frozen as the app freezes it at creation: the unit's eligible count.
    const unit = await db
      .selectFrom('units')
      .select('eligible')
      .where('id', '=', unitId)
      .executeTakeFirst();
    await db
      .insertInto('campaign_units')
      .values({
        campaign_id: id,
        unit_id: unitId,
        code: randomUUID(),
        eligible: unit?.eligible ?? 0,
      })
      .execute();
  }
  return id;
}

/**
 * The counters of one unit: `answers` maps question id → value → count; `responses` (and
 * `fast`) set the response counter; `scores` the per-respondent score counters by scope (a
 * factor id or '*', each {n, s, ss}). Call once per campaign × unit.
 */
export async function addCounts(
  db: Db,
  campaignId: string,
  unitId: string,
  responses: number,
  answers: Record<string, Record<string, number>>,
  fast = 0,
  scores: Record<string, { n: number; s: number; ss: number }> = {},
): Promise<void> {
  // Through the write path's own function, so the leaf counters and the rollups agree.
  const unit = await counterUnit(db, unitId);
  if (!unit) throw new Error(`no unit ${unitId}`);
  const values = Object.entries(answers).flatMap(([questionId, byValue]) =>
    Object.entries(byValue).map(([value, n]) => ({ questionId, value, n })),
  );
  const sums = Object.entries(scores).map(([scope, t]) => ({ scope, ...t }));
  await addCounters(db, campaignId, unit, values, { n: responses, fast }, sums);
}

/** One stored response row (for quality and suggestions), optionally with an open answer. */
export async function addResponse(
  db: Db,
  input: {
    campaignId: string;
    unitId: string;
    submittedAt: string;
    fingerprint?: string;
    text?: string;
  },
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('responses')
    .values({
      id,
      campaign_id: input.campaignId,
      unit_id: input.unitId,
      client_id: randomUUID(),
      token_code: null,
      survey_version: 1,
      answers: '{}',
      started_at: null,
      submitted_at: input.submittedAt,
      duration_ms: null,
      channel: 'web',
      fingerprint: input.fingerprint ?? randomUUID(),
    })
    .execute();
  if (input.text !== undefined) {
    await db
      .insertInto('text_answers')
      .values({
        response_id: id,
        question_id: 'ideas',
        campaign_id: input.campaignId,
        unit_id: input.unitId,
        text: input.text,
        submitted_at: input.submittedAt,
      })
      .execute();
  }
  return id;
}
