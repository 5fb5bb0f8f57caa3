import type { TestApp } from './app.js';
import { tallyAll, type DefinitionSource } from '../../db/repositories/tally.js';
import { getDefinition } from '../../server/surveys.js';

export interface CampaignOpts {
  surveyId?: string;
  access?: 'link' | 'token';
  unitIds?: string[];
  opensAt?: string;
  closesAt?: string;
  as?: string;
}

/** A campaign created through the API by a manager (Tây Hồ by default), open around the test clock. */
export async function createCampaign(t: TestApp, opts: CampaignOpts = {}) {
  const now = t.clock().getTime();
  const cookie = await t.login(opts.as ?? 'tayho@demo.vn');
  const res = await t.req('/api/campaigns', {
    cookie,
    body: {
      surveyId: opts.surveyId ?? 'edu-thcs',
      name: 'Khảo sát thử',
      opensAt: opts.opensAt ?? new Date(now - 86_400_000).toISOString(),
      closesAt: opts.closesAt ?? new Date(now + 30 * 86_400_000).toISOString(),
      unitIds: opts.unitIds ?? ['HN-TAYHO-THCS-DONGTHAI', 'HN-TAYHO-THCS-TULIEN'],
      access: opts.access ?? 'link',
    },
  });
  if (res.status !== 201) throw new Error(`campaign: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as {
    id: string;
    links: { unitId: string; code: string; url: string }[];
  };
  return { ...body, cookie };
}

/** Every required edu-thcs likert question answered `value`, the rest left out. */
export function thcsAnswers(value: number | null = 4): Record<string, unknown> {
  const ids = ['tc1', 'tc2', 'tc3', 'tc4', 'vc1', 'vc2', 'vc3', 'vc4', 'mt1', 'mt2', 'mt3', 'mt4'];
  ids.push('hd1', 'hd2', 'hd3', 'hd4', 'hd5', 'kq1', 'kq2', 'kq3', 'kq4', 'hai_long_chung');
  return Object.fromEntries(ids.map((id) => [id, value]));
}

export function submit(t: TestApp, code: string, body: unknown) {
  return t.req(`/api/public/forms/${code}/responses`, { body });
}

type Db = TestApp['handle']['db'];

/** Stored definitions read and validated on each use: what a test's direct tally reads. */
export const readDefinition: DefinitionSource = (via, id, version) =>
  getDefinition(via, id, version);

/**
 * Counts every uncounted response now, through the tally's SQL, as a reader's settle does. A
 * test reading counters straight from the tables calls it first (the app's services settle in
 * the service layer, which such a test goes around).
 */
export function countAllNow(db: Db): Promise<void> {
  return tallyAll(db, readDefinition);
}

/** The counters as stored, keyed 'unit|question|value' → n. */
export async function storedCounters(db: Db, campaignId: string) {
  await countAllNow(db); // what every reader of counters does first
  const answers = await db
    .selectFrom('answer_counts')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .execute();
  const responses = await db
    .selectFrom('response_counts')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .execute();
  return {
    answers: Object.fromEntries(
      answers.map((a) => [`${a.unit_id}|${a.question_id}|${a.value}`, Number(a.n)]),
    ),
    responses: Object.fromEntries(
      responses.map((r) => [r.unit_id, [Number(r.n), Number(r.fast_n)] as [number, number]]),
    ),
  };
}

/**
 * The questionnaire version a campaign opened with, read straight from the tables (recounts stay
 * independent of the server's loaders); `T` names the fields the caller reads.
 */
export async function campaignDefinition<T>(db: Db, campaignId: string): Promise<T> {
  const campaign = await db
    .selectFrom('campaigns')
    .selectAll()
    .where('id', '=', campaignId)
    .executeTakeFirstOrThrow();
  const survey = await db
    .selectFrom('surveys')
    .select('definition')
    .where('id', '=', campaign.survey_id)
    .where('version', '=', campaign.survey_version)
    .executeTakeFirstOrThrow();
  return JSON.parse(survey.definition) as T;
}

/** The same counters recomputed from the raw stored answers, independently of the server's code. */
export async function recount(db: Db, campaignId: string) {
  const def = await campaignDefinition<{
    sections: { questions: { id: string; type: string }[] }[];
  }>(db, campaignId);
  const types = new Map(def.sections.flatMap((s) => s.questions).map((q) => [q.id, q.type]));
  const rows = await db
    .selectFrom('responses')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .execute();
  const answers: Record<string, number> = {};
  const responses: Record<string, [number, number]> = {};
  for (const r of rows) {
    const a = JSON.parse(r.answers) as Record<string, unknown>;
    const per = (responses[r.unit_id] ??= [0, 0]);
    per[0]++;
    if (r.duration_ms !== null && r.duration_ms < 2000 * Object.keys(a).length) per[1]++;
    for (const [q, v] of Object.entries(a)) {
      if (types.get(q) === 'text') continue;
      for (const one of Array.isArray(v) ? v : [v]) {
        const key = `${r.unit_id}|${q}|${one === null ? 'na' : String(one)}`;
        answers[key] = (answers[key] ?? 0) + 1;
      }
    }
  }
  return { answers, responses };
}
