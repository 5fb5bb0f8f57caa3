import type { TestApp } from './app.js';

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

/**
 * Responses are counted in the commit that stores them (db/repositories/submissions.ts): there
 * is nothing left to count before reading counters. Kept for the tests that read counters
 * straight from the tables, to say where a separate tally used to run.
 */
export function countAllNow(_db: Db): Promise<void> {
  return Promise.resolve();
}

/** The counters as stored, summed over channels, keyed 'unit|question|value' → n. */
export async function storedCounters(db: Db, campaignId: string) {
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
  const byAnswer: Record<string, number> = {};
  for (const a of answers) {
    const key = `${a.unit_id}|${a.question_id}|${a.value}`;
    byAnswer[key] = (byAnswer[key] ?? 0) + Number(a.n);
  }
  const byUnit: Record<string, [number, number]> = {};
  for (const r of responses) {
    const had = (byUnit[r.unit_id] ??= [0, 0]);
    had[0] += Number(r.n);
    had[1] += Number(r.fast_n);
  }
  return { answers: byAnswer, responses: byUnit };
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
