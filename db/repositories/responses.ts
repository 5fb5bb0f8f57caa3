import type { Kysely } from 'kysely';
import type { Database, NewResponse, ResponseRow } from '../schema.js';

type Q = Kysely<Database>;

/**
 * Inserts the response unless its client_id is stored already; true when inserted. ON CONFLICT
 * DO NOTHING waits for a concurrent insert of the same client_id to commit instead of failing.
 */
export async function insertResponseOnce(db: Q, row: NewResponse): Promise<boolean> {
  const res = await db
    .insertInto('responses')
    .values(row)
    .onConflict((oc) => oc.column('client_id').doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) === 1;
}

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
  rows: { response_id: string; question_id: string; campaign_id: string; unit_id: string; text: string; submitted_at: string }[],
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
export async function countResponsesByUnit(db: Q, campaignId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('response_counts')
    .select(['unit_id', 'n'])
    .where('campaign_id', '=', campaignId)
    .execute();
  return new Map(rows.map((r) => [r.unit_id, Number(r.n)]));
}
