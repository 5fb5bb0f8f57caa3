import type { Kysely } from 'kysely';

// Frozen: the staff inbox (issue 18). Kept in tables of their own beside `feedback`, so the
// item's row and every type built from it stay as they were:
// - feedback_search: each item's tracking code, title and content folded (lower case, no
//   Vietnamese diacritics, đ → d), so a search typed without accents matches on SQLite and
//   PostgreSQL alike with a plain LIKE. Written with the item; backfilled here.
// - feedback_assignees: who handles an item now (one row per assigned item).
// - feedback_assignments: every assignment and unassignment, for the staff timeline.
// - reply_templates: a unit's answer templates, usable in the unit and every unit below it.

/** The fold as it stood when this migration was written (server/domain/text.ts). */
function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/đ/g, 'd');
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('feedback_search')
    .addColumn('feedback_id', 'text', (c) => c.primaryKey().references('feedback.id'))
    .addColumn('folded', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('feedback_assignees')
    .addColumn('feedback_id', 'text', (c) => c.primaryKey().references('feedback.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('assigned_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('feedback_assignees_user_idx')
    .on('feedback_assignees')
    .column('user_id')
    .execute();
  await db.schema
    .createTable('feedback_assignments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('feedback_id', 'text', (c) => c.notNull().references('feedback.id'))
    .addColumn('assignee_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('actor_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('feedback_assignments_feedback_idx')
    .on('feedback_assignments')
    .column('feedback_id')
    .execute();
  await db.schema
    .createTable('reply_templates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('reply_templates_unit_idx')
    .on('reply_templates')
    .column('unit_id')
    .execute();

  // Backfill in pages: a large database never holds every item's text in memory at once.
  let after = '';
  for (;;) {
    const rows: { id: string; tracking_code: string; title: string; content: string }[] = await db
      .selectFrom('feedback')
      .select(['id', 'tracking_code', 'title', 'content'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(500)
      .execute();
    if (!rows.length) break;
    await db
      .insertInto('feedback_search')
      .values(
        rows.map((r) => ({
          feedback_id: r.id,
          folded: fold(`${r.tracking_code}\n${r.title}\n${r.content}`),
        })),
      )
      .execute();
    after = rows[rows.length - 1]!.id;
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('reply_templates').execute();
  await db.schema.dropTable('feedback_assignments').execute();
  await db.schema.dropTable('feedback_assignees').execute();
  await db.schema.dropTable('feedback_search').execute();
}
