import type { Kysely } from 'kysely';

// Frozen: administrative files (hồ sơ thủ tục hành chính, issue 19), as the one-stop system
// exports them and an office imports them. A file code is unique within the importing scope
// (the importer's unit): a re-import of the same code there updates the file. Times are ISO UTC
// strings; `due_at` is the end of the due day in Vietnam (23:59:59 +07:00), the limit itself
// ending at 24:00 of that day (server/deadlines.ts `isLate`).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('tthc_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('scope_unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('procedure', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('returned_at', 'text')
    .addColumn('imported_by', 'text', (c) => c.references('users.id'))
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('tthc_files_scope_code_uq', ['scope_unit_id', 'code'])
    .execute();
  await db.schema
    .createIndex('tthc_files_due_idx')
    .on('tthc_files')
    .columns(['due_at', 'unit_id'])
    .execute();
  await db.schema
    .createIndex('tthc_files_unit_idx')
    .on('tthc_files')
    .columns(['unit_id', 'due_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('tthc_files').execute();
}
