import type { Kysely } from 'kysely';

// Frozen: where each account has signed in successfully before (a device cookie's hash, or a
// client address), so the owner passes a sign-in throttle that a stranger's guesses pushed up
// (issue 14).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('known_sign_ins')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('last_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('known_sign_ins_pk', ['user_id', 'key'])
    .execute();
  await db.schema
    .createIndex('known_sign_ins_last_idx')
    .on('known_sign_ins')
    .column('last_at')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('known_sign_ins').execute();
}
