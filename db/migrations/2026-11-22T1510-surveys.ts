import type { Kysely } from 'kysely';

// Frozen: questionnaire versions, campaigns, responses and the pooled counters indices read.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('surveys')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('surveys_pk', ['id', 'version'])
    .execute();

  await db.schema
    .createTable('campaigns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('survey_id', 'text', (c) => c.notNull())
    .addColumn('survey_version', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('opens_at', 'text', (c) => c.notNull())
    .addColumn('closes_at', 'text', (c) => c.notNull())
    .addColumn('access', 'text', (c) => c.notNull())
    .addColumn('owner_unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addForeignKeyConstraint('campaigns_survey_fk', ['survey_id', 'survey_version'], 'surveys', [
      'id',
      'version',
    ])
    .execute();

  await db.schema
    .createTable('campaign_units')
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addPrimaryKeyConstraint('campaign_units_pk', ['campaign_id', 'unit_id'])
    .execute();

  await db.schema
    .createTable('campaign_tokens')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('response_id', 'text')
    .execute();
  await db.schema
    .createIndex('campaign_tokens_campaign_idx')
    .on('campaign_tokens')
    .columns(['campaign_id', 'unit_id'])
    .execute();

  await db.schema
    .createTable('responses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('client_id', 'text', (c) => c.notNull().unique())
    .addColumn('token_code', 'text', (c) => c.unique())
    .addColumn('survey_version', 'integer', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('duration_ms', 'integer')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('responses_campaign_unit_idx')
    .on('responses')
    .columns(['campaign_id', 'unit_id', 'submitted_at'])
    .execute();

  await db.schema
    .createTable('answer_counts')
    .addColumn('campaign_id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('answer_counts_pk', ['campaign_id', 'unit_id', 'question_id', 'value'])
    .execute();

  await db.schema
    .createTable('response_counts')
    .addColumn('campaign_id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addColumn('fast_n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('response_counts_pk', ['campaign_id', 'unit_id'])
    .execute();

  await db.schema
    .createTable('text_answers')
    .addColumn('response_id', 'text', (c) => c.notNull().references('responses.id'))
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('campaign_id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('text_answers_pk', ['response_id', 'question_id'])
    .execute();
  await db.schema
    .createIndex('text_answers_campaign_idx')
    .on('text_answers')
    .columns(['campaign_id', 'unit_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'text_answers',
    'response_counts',
    'answer_counts',
    'responses',
    'campaign_tokens',
    'campaign_units',
    'campaigns',
    'surveys',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
