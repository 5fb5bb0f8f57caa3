import { sql, type Kysely } from 'kysely';

// Frozen: counters pooled over each unit's subtree, kept up to date on every submission, so a
// unit's indices read its own rows instead of summing its whole subtree (issue 8).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('answer_rollups')
    .addColumn('campaign_id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('answer_rollups_pk', [
      'campaign_id',
      'unit_id',
      'question_id',
      'value',
    ])
    .execute();
  await db.schema
    .createTable('response_rollups')
    .addColumn('campaign_id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addColumn('fast_n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('response_rollups_pk', ['campaign_id', 'unit_id'])
    .execute();
  // A deliberate copy of rebuildRollups (db/repositories/rollups.ts): migrations never import app
  // code, so this one keeps meaning what it meant when it ran.
  const pairs = sql`(select u.id as unit_id, anc.id as ancestor_id from units u
    join units anc on substr(u.path, 1, length(anc.path)) = anc.path)`;
  await sql`insert into answer_rollups (campaign_id, unit_id, question_id, value, n)
    select ac.campaign_id, p.ancestor_id, ac.question_id, ac.value, sum(ac.n)
    from answer_counts ac join ${pairs} p on p.unit_id = ac.unit_id
    group by ac.campaign_id, p.ancestor_id, ac.question_id, ac.value`.execute(db);
  await sql`insert into response_rollups (campaign_id, unit_id, n, fast_n)
    select rc.campaign_id, p.ancestor_id, sum(rc.n), sum(rc.fast_n)
    from response_counts rc join ${pairs} p on p.unit_id = rc.unit_id
    group by rc.campaign_id, p.ancestor_id`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('response_rollups').execute();
  await db.schema.dropTable('answer_rollups').execute();
}
