import { CompiledQuery, SqliteAdapter, type Kysely } from 'kysely';
import type { Database, NewResponse, ResponseRow, ResponseTable } from '../schema.js';

type Q = Kysely<Database>;

const RESPONSE_COLUMNS = [
  'id',
  'campaign_id',
  'unit_id',
  'client_id',
  'token_code',
  'survey_version',
  'answers',
  'started_at',
  'submitted_at',
  'duration_ms',
  'channel',
  'fingerprint',
  'counted',
] as const satisfies readonly (keyof ResponseTable)[];

type StoredResponse = Omit<NewResponse, 'counted'>;

/**
 * Inserts the response, uncounted (the tally counts it), unless its client_id is stored already;
 * true when inserted. ON CONFLICT DO NOTHING waits for a concurrent insert of the same client_id
 * to commit instead of failing. Plain SQL text: this is the submission's one write, and building
 * it cost more CPU than SQLite's work (bench/); the text is constant, so the statement is reused.
 */
export async function insertResponseOnce(db: Q, row: StoredResponse): Promise<boolean> {
  const values = RESPONSE_COLUMNS.map((c) => (c === 'counted' ? 0 : (row[c] ?? null)));
  const res = await db.executeQuery(
    CompiledQuery.raw(
      db.getExecutor().adapter instanceof SqliteAdapter ? INSERT_SQLITE : INSERT_POSTGRES,
      values,
    ),
  );
  return Number(res.numAffectedRows ?? 0) === 1;
}

const insertText = (marks: string[]) =>
  `insert into responses (${RESPONSE_COLUMNS.join(', ')}) values (${marks.join(', ')}) on conflict (client_id) do nothing`;
const INSERT_SQLITE = insertText(RESPONSE_COLUMNS.map(() => '?'));
const INSERT_POSTGRES = insertText(RESPONSE_COLUMNS.map((_, i) => `$${i + 1}`));

export async function getResponseByClientId(
  db: Q,
  clientId: string,
): Promise<Pick<ResponseRow, 'id' | 'campaign_id' | 'unit_id' | 'token_code'> | undefined> {
  return db
    .selectFrom('responses')
    .select(['id', 'campaign_id', 'unit_id', 'token_code'])
    .where('client_id', '=', clientId)
    .executeTakeFirst();
}

export async function insertTextAnswers(
  db: Q,
  rows: {
    response_id: string;
    question_id: string;
    campaign_id: string;
    unit_id: string;
    text: string;
    submitted_at: string;
  }[],
): Promise<void> {
  if (rows.length) await db.insertInto('text_answers').values(rows).execute();
}

/** Raw answers of a campaign (tests recount them; exports read them). */
export async function listResponses(db: Q, campaignId: string) {
  return db
    .selectFrom('responses')
    .select(['id', 'unit_id', 'answers', 'duration_ms', 'submitted_at', 'fingerprint'])
    .where('campaign_id', '=', campaignId)
    .orderBy('submitted_at')
    .execute();
}

/** Responses per unit of a campaign, from the counters (no scan of raw answers). */
export async function countResponsesByUnit(
  db: Q,
  campaignId: string,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('response_counts')
    .select(['unit_id', 'n'])
    .where('campaign_id', '=', campaignId)
    .execute();
  return new Map(rows.map((r) => [r.unit_id, Number(r.n)]));
}
