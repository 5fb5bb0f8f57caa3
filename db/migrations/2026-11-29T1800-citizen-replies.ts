import type { Kysely } from 'kysely';

// Frozen: the citizen's side of a case (issue 18). A reply key (only its SHA-256 is kept), the
// item an appeal reconsiders, which timeline entries the citizen wrote, and the photos they sent.
// Photos live in the database (base64 text, portable across SQLite and PostgreSQL): they are
// stored, erased and backed up in the same transaction as the case they belong to.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('feedback').addColumn('reply_key_hash', 'text').execute();
  await db.schema.alterTable('feedback').addColumn('appeal_of', 'text').execute();
  await db.schema
    .alterTable('feedback_events')
    .addColumn('by_citizen', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('feedback_photos')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('feedback_id', 'text', (c) => c.notNull().references('feedback.id'))
    .addColumn('event_id', 'text')
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('public', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('feedback_photos_feedback_idx')
    .on('feedback_photos')
    .column('feedback_id')
    .execute();
  await db.schema
    .createIndex('feedback_appeal_of_idx')
    .on('feedback')
    .column('appeal_of')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('feedback_appeal_of_idx').execute();
  await db.schema.dropTable('feedback_photos').execute();
  await db.schema.alterTable('feedback_events').dropColumn('by_citizen').execute();
  await db.schema.alterTable('feedback').dropColumn('appeal_of').execute();
  await db.schema.alterTable('feedback').dropColumn('reply_key_hash').execute();
}
