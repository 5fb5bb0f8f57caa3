import { sql, type Kysely } from 'kysely';

// Frozen: a response is acknowledged once stored (counted = 0) and counted into the counters by
// the tally afterwards (db/repositories/tally.ts), off the submission's path (issue 8). Rows
// stored before this migration were counted when they were stored.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('responses')
    .addColumn('counted', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  // Partial: it holds only the few responses waiting for the tally, whatever the table's size.
  await sql`create index responses_uncounted_idx on responses (submitted_at, id) where counted = 0`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('responses_uncounted_idx').execute();
  await db.schema.alterTable('responses').dropColumn('counted').execute();
}
