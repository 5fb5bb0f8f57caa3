import type { Kysely } from 'kysely';

// Frozen: staff publish a closed campaign's results (công khai, issue 19). One row per campaign
// and unit: the results of that unit's subtree in that campaign are public from `published_at`.
// A Department publishing covers every school; a school's manager may publish its own school.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('campaign_publications')
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addPrimaryKeyConstraint('campaign_publications_pk', ['campaign_id', 'unit_id'])
    .execute();
  await db.schema
    .createIndex('campaign_publications_unit_idx')
    .on('campaign_publications')
    .column('unit_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('campaign_publications').execute();
}
