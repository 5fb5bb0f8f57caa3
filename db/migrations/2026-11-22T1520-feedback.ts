import type { Kysely } from 'kysely';

// Frozen: citizens' feedback (PAKN), its personal data kept apart, its history, and holidays.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('feedback')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tracking_code', 'text', (c) => c.notNull().unique())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('accept_due_at', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('publish_due_at', 'text')
    .addColumn('accepted_at', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('published_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('answer', 'text')
    .addColumn('duplicate_of', 'text')
    .addColumn('transferred_from', 'text')
    .addColumn('transferred_to', 'text')
    .addColumn('client_id', 'text', (c) => c.unique())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('feedback_unit_status_idx')
    .on('feedback')
    .columns(['unit_id', 'status'])
    .execute();
  await db.schema.createIndex('feedback_due_idx').on('feedback').column('due_at').execute();

  await db.schema
    .createTable('feedback_contacts')
    .addColumn('feedback_id', 'text', (c) => c.primaryKey().references('feedback.id'))
    .addColumn('name', 'text')
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('consent_at', 'text', (c) => c.notNull())
    .addColumn('retain_until', 'text', (c) => c.notNull())
    .addColumn('erased_at', 'text')
    .execute();

  await db.schema
    .createTable('feedback_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('feedback_id', 'text', (c) => c.notNull().references('feedback.id'))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await db.schema
    .createIndex('feedback_events_feedback_idx')
    .on('feedback_events')
    .columns(['feedback_id', 'at'])
    .execute();

  await db.schema
    .createTable('holidays')
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('holidays').execute();
  await db.schema.dropTable('feedback_events').execute();
  await db.schema.dropTable('feedback_contacts').execute();
  await db.schema.dropTable('feedback').execute();
}
