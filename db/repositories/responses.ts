import { sql, type Kysely } from 'kysely';
import type { Database, ResponseRow } from '../schema.js';

type Q = Kysely<Database>;

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
    .where('campaign_id', '=', campaignId)
    .groupBy('unit_id')
    .select(['unit_id', sql<number>`sum(n)`.as('n')])
    .execute();
  return new Map(rows.map((r) => [r.unit_id, Number(r.n)]));
}
