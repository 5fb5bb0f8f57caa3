import type { Kysely } from 'kysely';

// Frozen: dialogues with citizens (issue 19). A unit schedules a dialogue; citizens send
// questions ahead; staff group the questions, answer each group and publish after the dialogue.
// The sender's contact lives in its own table (as feedback_contacts does), so the public reads
// never select a table that holds personal data.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('dialogues')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('held_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('dialogues_unit_held_idx')
    .on('dialogues')
    .columns(['unit_id', 'held_at'])
    .execute();
  await db.schema
    .createTable('dialogue_groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dialogue_id', 'text', (c) => c.notNull().references('dialogues.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('dialogue_groups_dialogue_idx')
    .on('dialogue_groups')
    .column('dialogue_id')
    .execute();
  await db.schema
    .createTable('dialogue_questions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dialogue_id', 'text', (c) => c.notNull().references('dialogues.id'))
    .addColumn('group_id', 'text', (c) => c.references('dialogue_groups.id'))
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text')
    .addColumn('received_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('dialogue_questions_dialogue_idx')
    .on('dialogue_questions')
    .column('dialogue_id')
    .execute();
  await db.schema
    .createIndex('dialogue_questions_client_idx')
    .on('dialogue_questions')
    .columns(['dialogue_id', 'client_id'])
    .unique()
    .execute();
  await db.schema
    .createTable('dialogue_contacts')
    .addColumn('question_id', 'text', (c) => c.primaryKey().references('dialogue_questions.id'))
    .addColumn('name', 'text')
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('consent_at', 'text', (c) => c.notNull())
    .addColumn('retain_until', 'text', (c) => c.notNull())
    .addColumn('erased_at', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('dialogue_contacts').execute();
  await db.schema.dropIndex('dialogue_questions_client_idx').execute();
  await db.schema.dropIndex('dialogue_questions_dialogue_idx').execute();
  await db.schema.dropTable('dialogue_questions').execute();
  await db.schema.dropIndex('dialogue_groups_dialogue_idx').execute();
  await db.schema.dropTable('dialogue_groups').execute();
  await db.schema.dropIndex('dialogues_unit_held_idx').execute();
  await db.schema.dropTable('dialogues').execute();
}
