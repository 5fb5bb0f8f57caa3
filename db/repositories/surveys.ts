import type { Kysely } from 'kysely';
import type { Database, NewSurvey, Survey } from '../schema.js';

type Q = Kysely<Database>;

export async function getSurveyRow(
  db: Q,
  id: string,
  version: number,
): Promise<Survey | undefined> {
  return db
    .selectFrom('surveys')
    .selectAll()
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
}

/** The highest stored version of each questionnaire. */
export async function listLatestSurveyRows(db: Q): Promise<Survey[]> {
  const rows = await db
    .selectFrom('surveys')
    .selectAll()
    .orderBy('id')
    .orderBy('version', 'desc')
    .execute();
  const seen = new Set<string>();
  return rows.filter((r) => (seen.has(r.id) ? false : (seen.add(r.id), true)));
}

export async function listSurveyVersions(
  db: Q,
): Promise<Pick<Survey, 'id' | 'version' | 'hash'>[]> {
  return db.selectFrom('surveys').select(['id', 'version', 'hash']).execute();
}

/** Inserts a version unless it is stored already (two processes starting at once). */
export async function insertSurveyVersion(db: Q, row: NewSurvey): Promise<void> {
  await db
    .insertInto('surveys')
    .values(row)
    .onConflict((oc) => oc.columns(['id', 'version']).doNothing())
    .execute();
}
