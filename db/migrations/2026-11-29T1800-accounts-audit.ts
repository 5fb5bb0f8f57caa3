import type { Kysely } from 'kysely';

// Frozen: staff manage accounts in the dashboard (issue 17). An account made or reset by an admin
// carries a one-time password, which its owner must replace at the next sign-in
// (must_change_password); and every change staff make is written to an audit trail in the same
// transaction as the change (audit_events: who, when, what, on which object of which unit).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('audit_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('object_kind', 'text', (c) => c.notNull())
    .addColumn('object_id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema
    .createIndex('audit_events_at_idx')
    .on('audit_events')
    .columns(['at', 'id'])
    .execute();
  await db.schema
    .createIndex('audit_events_unit_idx')
    .on('audit_events')
    .columns(['unit_id', 'at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('audit_events').execute();
  await db.schema.alterTable('users').dropColumn('must_change_password').execute();
}
