import type { Kysely } from 'kysely';

// Frozen: the citizen's rating of a published answer (Decision 766/QĐ-TTg satisfaction measure).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('feedback_ratings')
    .addColumn('feedback_id', 'text', (c) => c.primaryKey().references('feedback.id'))
    .addColumn('overall', 'integer')
    .addColumn('complained_again', 'integer', (c) => c.notNull())
    .addColumn('rated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('feedback_ratings').execute();
}
