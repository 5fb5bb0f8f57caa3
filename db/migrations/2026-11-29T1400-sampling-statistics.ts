import { sql, type Kysely } from 'kysely';

// Frozen: sampling statistics done properly (issue 13).
// - campaign_units.eligible: each unit's eligible population N frozen into the campaign, so a
//   later edit of the unit never changes a past campaign's sample size. Backfilled from the
//   units' current `eligible` (0 = not declared).
// - score_counts / score_rollups: per-respondent scores summed per campaign × unit × scope (a
//   factor id, or '*' for the overall score): n, Σs, Σs², from which factor and overall
//   intervals come. Backfilled from the stored answers of every response already counted; the
//   tally counts the rest. The scoring below is a deliberate copy of surveys/counting.ts as it
//   stands today: migrations never import app code.

const OVERALL = '*';

export async function up(db: Kysely<any>): Promise<void> {
  // `satisfaction_index` now means "units meeting their questionnaire's target"; a value an
  // admin set for the old meaning (an index of 85) would silently demand 85% of units. The
  // questionnaires carry their own index targets, so the old settings go.
  await db.deleteFrom('target_settings').where('target_id', '=', 'satisfaction_index').execute();
  await db.schema
    .alterTable('campaign_units')
    .addColumn('eligible', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`update campaign_units set eligible = coalesce((select u.eligible from units u
    where u.id = campaign_units.unit_id), 0)`.execute(db);

  for (const table of ['score_counts', 'score_rollups']) {
    await db.schema
      .createTable(table)
      .addColumn('campaign_id', 'text', (c) => c.notNull())
      .addColumn('unit_id', 'text', (c) => c.notNull())
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('n', 'integer', (c) => c.notNull())
      .addColumn('s', 'double precision', (c) => c.notNull())
      .addColumn('ss', 'double precision', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${table}_pk`, ['campaign_id', 'unit_id', 'scope'])
      .execute();
  }
  await backfill(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('score_rollups').execute();
  await db.schema.dropTable('score_counts').execute();
  await db.schema.alterTable('campaign_units').dropColumn('eligible').execute();
}

interface Def {
  factors: { id: string; weight?: number; summary?: boolean }[];
  sections: { questions: { id: string; type: string; factor?: string }[] }[];
}

/** Each factor's share satisfied over the response's valid answers in it, and the overall score. */
function scores(def: Def, answers: Record<string, unknown>): [string, number][] {
  const sat = new Map<string, number>();
  const valid = new Map<string, number>();
  for (const s of def.sections)
    for (const q of s.questions) {
      const a = answers[q.id];
      if (q.type !== 'likert5' || !q.factor || typeof a !== 'number') continue;
      valid.set(q.factor, (valid.get(q.factor) ?? 0) + 1);
      if (a >= 4) sat.set(q.factor, (sat.get(q.factor) ?? 0) + 1);
    }
  const out: [string, number][] = [];
  let total = 0;
  let weights = 0;
  for (const f of def.factors) {
    const v = valid.get(f.id);
    if (!v) continue;
    const score = (sat.get(f.id) ?? 0) / v;
    out.push([f.id, score]);
    if (f.summary) continue;
    total += score * (f.weight ?? 1);
    weights += f.weight ?? 1;
  }
  if (weights > 0) out.push([OVERALL, total / weights]);
  return out;
}

const PAGE = 2000;

async function backfill(db: Kysely<any>): Promise<void> {
  const defs = new Map<string, Def>();
  for (const r of await db.selectFrom('surveys').select(['id', 'version', 'definition']).execute())
    defs.set(`${r.id}@${Number(r.version)}`, JSON.parse(r.definition) as Def);
  const surveyOf = new Map<string, string>();
  for (const c of await db.selectFrom('campaigns').select(['id', 'survey_id']).execute())
    surveyOf.set(c.id, c.survey_id);

  const sums = new Map<string, [number, number, number]>();
  let after = '';
  for (;;) {
    const rows = await db
      .selectFrom('responses')
      .select(['id', 'campaign_id', 'unit_id', 'survey_version', 'answers'])
      .where('counted', '=', 1)
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
      .execute();
    if (!rows.length) break;
    after = rows[rows.length - 1]!.id;
    for (const r of rows) {
      const def = defs.get(`${surveyOf.get(r.campaign_id)}@${Number(r.survey_version)}`);
      if (!def) continue;
      for (const [scope, s] of scores(def, JSON.parse(r.answers) as Record<string, unknown>)) {
        const key = `${r.campaign_id}\0${r.unit_id}\0${scope}`;
        const had = sums.get(key) ?? [0, 0, 0];
        sums.set(key, [had[0] + 1, had[1] + s, had[2] + s * s]);
      }
    }
  }
  const values = [...sums].map(([key, [n, s, ss]]) => {
    const [campaign_id, unit_id, scope] = key.split('\0');
    return { campaign_id, unit_id, scope, n, s, ss };
  });
  for (let i = 0; i < values.length; i += 500)
    await db
      .insertInto('score_counts')
      .values(values.slice(i, i + 500))
      .execute();
  // A unit's rollup rows pool its proper descendants, as answer_rollups do (strict-rollups).
  await sql`insert into score_rollups (campaign_id, unit_id, scope, n, s, ss)
    select sc.campaign_id, p.ancestor_id, sc.scope, sum(sc.n), sum(sc.s), sum(sc.ss)
    from score_counts sc join (select u.id as unit_id, anc.id as ancestor_id from units u
      join units anc on substr(u.path, 1, length(anc.path)) = anc.path and anc.id <> u.id) p
      on p.unit_id = sc.unit_id
    group by sc.campaign_id, p.ancestor_id, sc.scope`.execute(db);
}
