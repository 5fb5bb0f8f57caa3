import { sql, type Kysely } from 'kysely';

// Frozen: rollup rows pool a unit's descendants only; its own counts stay in its leaf rows, and
// readers add the two (db/repositories/indices.ts). A response then writes its unit's counters
// once, not once as leaf and again as the unit's own rollup (issue 8: the tally's largest cost).
export async function up(db: Kysely<any>): Promise<void> {
  await rebuild(db, sql`and anc.id <> u.id`);
}

export async function down(db: Kysely<any>): Promise<void> {
  await rebuild(db, sql``);
}

/** A deliberate copy of rebuildRollups as it stands at each end of this migration. */
async function rebuild(db: Kysely<any>, strict: ReturnType<typeof sql>): Promise<void> {
  await db.deleteFrom('answer_rollups').execute();
  await db.deleteFrom('response_rollups').execute();
  const pairs = sql`(select u.id as unit_id, anc.id as ancestor_id from units u
    join units anc on substr(u.path, 1, length(anc.path)) = anc.path ${strict})`;
  await sql`insert into answer_rollups (campaign_id, unit_id, question_id, value, n)
    select ac.campaign_id, p.ancestor_id, ac.question_id, ac.value, sum(ac.n)
    from answer_counts ac join ${pairs} p on p.unit_id = ac.unit_id
    group by ac.campaign_id, p.ancestor_id, ac.question_id, ac.value`.execute(db);
  await sql`insert into response_rollups (campaign_id, unit_id, n, fast_n)
    select rc.campaign_id, p.ancestor_id, sum(rc.n), sum(rc.fast_n)
    from response_counts rc join ${pairs} p on p.unit_id = rc.unit_id
    group by rc.campaign_id, p.ancestor_id`.execute(db);
}
