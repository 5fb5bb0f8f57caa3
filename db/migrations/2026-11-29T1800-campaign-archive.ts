import type { Kysely } from 'kysely';

// Frozen: a campaign with responses is archived rather than deleted (issue 17): kept for history,
// left out of the default lists and of the overview's default choice, still reachable by id.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('campaigns').addColumn('archived_at', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('campaigns').dropColumn('archived_at').execute();
}
