import type { Kysely } from 'kysely';

// Frozen: target values an administrator sets per unit, target and start date (plans change yearly).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('target_settings')
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('target_settings_pk', ['unit_id', 'target_id', 'valid_from'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('target_settings').execute();
}
