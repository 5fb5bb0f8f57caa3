import type { Kysely } from 'kysely';

// Frozen: questionnaires become a library staff edit. Each questionnaire id has one library row
// (its owner unit, null for the Department's official forms; whether it is archived; who made it
// and who last changed it); each stored version records who stored it (null: a definition file).
// The `surveys` (id, version) rows themselves stay as they are: they are frozen once stored.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('survey_library')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.alterTable('surveys').addColumn('created_by', 'text').execute();

  const firsts = await db
    .selectFrom('surveys')
    .select(['id', (eb) => eb.fn.min('created_at').as('created_at')])
    .groupBy('id')
    .execute();
  for (const f of firsts) {
    await db
      .insertInto('survey_library')
      .values({
        id: f.id,
        unit_id: null,
        archived: 0,
        created_by: null,
        created_at: f.created_at,
        updated_by: null,
        updated_at: f.created_at,
      })
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('surveys').dropColumn('created_by').execute();
  await db.schema.dropTable('survey_library').execute();
}
