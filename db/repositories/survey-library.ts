import type { Kysely } from 'kysely';
import type { Database, NewSurvey, Survey, SurveyLibraryEntry } from '../schema.js';

type Q = Kysely<Database>;

export async function getLibraryEntry(db: Q, id: string): Promise<SurveyLibraryEntry | undefined> {
  return db.selectFrom('survey_library').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listLibraryEntries(db: Q): Promise<SurveyLibraryEntry[]> {
  return db.selectFrom('survey_library').selectAll().orderBy('id').execute();
}

/** Adds the library row of a questionnaire unless it has one (start-up may race another process). */
export async function insertLibraryEntry(db: Q, row: SurveyLibraryEntry): Promise<void> {
  await db
    .insertInto('survey_library')
    .values(row)
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

export async function updateLibraryEntry(
  db: Q,
  id: string,
  set: Partial<Pick<SurveyLibraryEntry, 'archived' | 'updated_by' | 'updated_at'>>,
): Promise<void> {
  await db.updateTable('survey_library').set(set).where('id', '=', id).execute();
}

/** Every stored version of one questionnaire, newest first. */
export async function listVersionRows(db: Q, id: string): Promise<Survey[]> {
  return db
    .selectFrom('surveys')
    .selectAll()
    .where('id', '=', id)
    .orderBy('version', 'desc')
    .execute();
}

/** Stores a new version; a version stored meanwhile by someone else makes this throw. */
export async function insertNewVersion(db: Q, row: NewSurvey): Promise<void> {
  await db.insertInto('surveys').values(row).execute();
}

/** The campaigns opened with any version of a questionnaire. */
export async function listCampaignsOfSurvey(
  db: Q,
  id: string,
): Promise<{ id: string; name: string; survey_version: number }[]> {
  return db
    .selectFrom('campaigns')
    .select(['id', 'name', 'survey_version'])
    .where('survey_id', '=', id)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Removes a questionnaire no campaign uses: every version and its library row. */
export async function deleteSurvey(db: Q, id: string): Promise<void> {
  await db.deleteFrom('surveys').where('id', '=', id).execute();
  await db.deleteFrom('survey_library').where('id', '=', id).execute();
}

/** Which of `values` stored answers to a question of this questionnaire chose (any version). */
export async function usedOptionValues(
  db: Q,
  surveyId: string,
  questionId: string,
  values: string[],
): Promise<string[]> {
  if (!values.length) return [];
  const rows = await db
    .selectFrom('answer_counts')
    .innerJoin('campaigns', 'campaigns.id', 'answer_counts.campaign_id')
    .select('answer_counts.value')
    .distinct()
    .where('campaigns.survey_id', '=', surveyId)
    .where('answer_counts.question_id', '=', questionId)
    .where('answer_counts.value', 'in', values)
    .where('answer_counts.n', '>', 0)
    .execute();
  return rows.map((r) => r.value).sort();
}

export async function getUsersByIds(db: Q, ids: string[]): Promise<{ id: string; name: string }[]> {
  if (!ids.length) return [];
  return db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute();
}
