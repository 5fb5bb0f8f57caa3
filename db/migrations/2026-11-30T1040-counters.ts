import { sql, type Kysely } from 'kysely';

// Frozen: counting in the insert's own commit (issue 20).
// - Every counter gains the channel the responses came through (`api`, `form`, `kiosk`, `seed`
//   …), the last column of its key: a unit's figures are still read by the key's prefix, summed
//   over channels, and the indices can be split by channel.
// - A response is counted in the same transaction that stores it, so the `counted` flag and its
//   partial index go: there is no separate tally left to mark what it counted.
// The old counters have no channel, so they are derived again from the stored responses (which
// also counts any response the old tally had not counted yet). The counting below is a
// deliberate copy of surveys/counting.ts and surveys/items.ts as they stand today: migrations
// never import app code.

const OVERALL = '*';
const FAST_MS_PER_ANSWER = 2000;
const PAGE = 2000;
const INSERT_ROWS = 400;

interface Question {
  id: string;
  type: string;
  factor?: string;
  rows?: { id: string; factor?: string }[];
}
interface Def {
  factors: { id: string; weight?: number; summary?: boolean }[];
  sections: { questions: Question[] }[];
}

/** Answerable items: a likert grid is one likert5 item per row. */
function items(def: Def): Question[] {
  return def.sections.flatMap((s) =>
    s.questions.flatMap((q) =>
      q.type === 'likert5_grid'
        ? (q.rows ?? []).map((r) => ({
            id: r.id,
            type: 'likert5',
            ...(r.factor ? { factor: r.factor } : {}),
          }))
        : [q],
    ),
  );
}

function values(list: Question[], answers: Record<string, unknown>): [string, string][] {
  const out: [string, string][] = [];
  for (const q of list) {
    const a = answers[q.id];
    if (a === undefined || q.type === 'text' || q.type === 'number' || q.type === 'date') continue;
    if (q.type === 'likert5') out.push([q.id, a === null ? 'na' : String(a as number)]);
    else for (const v of Array.isArray(a) ? a : [String(a as string)]) out.push([q.id, String(v)]);
  }
  return out;
}

function scores(def: Def, list: Question[], answers: Record<string, unknown>): [string, number][] {
  const sat = new Map<string, number>();
  const valid = new Map<string, number>();
  for (const q of list) {
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
    const s = (sat.get(f.id) ?? 0) / v;
    out.push([f.id, s]);
    if (f.summary) continue;
    total += s * (f.weight ?? 1);
    weights += f.weight ?? 1;
  }
  if (weights > 0) out.push([OVERALL, total / weights]);
  return out;
}

const LEAVES = ['answer_counts', 'response_counts', 'score_counts'] as const;
const ROLLUPS = ['answer_rollups', 'response_rollups', 'score_rollups'] as const;

async function createCounters(db: Kysely<any>, channel: boolean): Promise<void> {
  const ch = channel ? ['channel'] : [];
  for (const t of ['answer_counts', 'answer_rollups']) {
    let b = db.schema
      .createTable(t)
      .addColumn('campaign_id', 'text', (c) => c.notNull())
      .addColumn('unit_id', 'text', (c) => c.notNull())
      .addColumn('question_id', 'text', (c) => c.notNull())
      .addColumn('value', 'text', (c) => c.notNull());
    if (channel) b = b.addColumn('channel', 'text', (c) => c.notNull());
    await b
      .addColumn('n', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${t}_pk`, [
        'campaign_id',
        'unit_id',
        'question_id',
        'value',
        ...ch,
      ] as never)
      .execute();
  }
  for (const t of ['response_counts', 'response_rollups']) {
    let b = db.schema
      .createTable(t)
      .addColumn('campaign_id', 'text', (c) => c.notNull())
      .addColumn('unit_id', 'text', (c) => c.notNull());
    if (channel) b = b.addColumn('channel', 'text', (c) => c.notNull());
    await b
      .addColumn('n', 'integer', (c) => c.notNull())
      .addColumn('fast_n', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${t}_pk`, ['campaign_id', 'unit_id', ...ch] as never)
      .execute();
  }
  for (const t of ['score_counts', 'score_rollups']) {
    let b = db.schema
      .createTable(t)
      .addColumn('campaign_id', 'text', (c) => c.notNull())
      .addColumn('unit_id', 'text', (c) => c.notNull())
      .addColumn('scope', 'text', (c) => c.notNull());
    if (channel) b = b.addColumn('channel', 'text', (c) => c.notNull());
    await b
      .addColumn('n', 'integer', (c) => c.notNull())
      .addColumn('s', 'double precision', (c) => c.notNull())
      .addColumn('ss', 'double precision', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${t}_pk`, ['campaign_id', 'unit_id', 'scope', ...ch] as never)
      .execute();
  }
}

async function dropCounters(db: Kysely<any>): Promise<void> {
  for (const t of [...ROLLUPS, ...LEAVES]) await db.schema.dropTable(t).execute();
}

/** Each unit with its proper ancestors, by path prefix (as rebuildRollups). */
const pairs = sql`(select u.id as unit_id, anc.id as ancestor_id from units u
  join units anc on substr(u.path, 1, length(anc.path)) = anc.path and anc.id <> u.id)`;

async function rollups(db: Kysely<any>, channel: boolean): Promise<void> {
  const ch = channel ? sql`, channel` : sql``;
  const cch = (a: string) => (channel ? sql.raw(`, ${a}.channel`) : sql``);
  await sql`insert into answer_rollups (campaign_id, unit_id, question_id, value${ch}, n)
    select ac.campaign_id, p.ancestor_id, ac.question_id, ac.value${cch('ac')}, sum(ac.n)
    from answer_counts ac join ${pairs} p on p.unit_id = ac.unit_id
    group by ac.campaign_id, p.ancestor_id, ac.question_id, ac.value${cch('ac')}`.execute(db);
  await sql`insert into response_rollups (campaign_id, unit_id${ch}, n, fast_n)
    select rc.campaign_id, p.ancestor_id${cch('rc')}, sum(rc.n), sum(rc.fast_n)
    from response_counts rc join ${pairs} p on p.unit_id = rc.unit_id
    group by rc.campaign_id, p.ancestor_id${cch('rc')}`.execute(db);
  await sql`insert into score_rollups (campaign_id, unit_id, scope${ch}, n, s, ss)
    select sc.campaign_id, p.ancestor_id, sc.scope${cch('sc')}, sum(sc.n), sum(sc.s), sum(sc.ss)
    from score_counts sc join ${pairs} p on p.unit_id = sc.unit_id
    group by sc.campaign_id, p.ancestor_id, sc.scope${cch('sc')}`.execute(db);
}

function add(into: Map<string, number[]>, key: string, sums: number[]): void {
  const had = into.get(key);
  if (!had) into.set(key, [...sums]);
  else for (let i = 0; i < sums.length; i++) had[i]! += sums[i]!;
}

async function insertAll(
  db: Kysely<any>,
  table: string,
  keys: string[],
  sums: string[],
  rows: Map<string, number[]>,
): Promise<void> {
  const all = [...rows].map(([k, v]) => {
    const parts = k.split('\0');
    return Object.fromEntries([
      ...keys.map((c, i) => [c, parts[i]]),
      ...sums.map((c, i) => [c, v[i]]),
    ]) as Record<string, unknown>;
  });
  for (let i = 0; i < all.length; i += INSERT_ROWS)
    await db
      .insertInto(table)
      .values(all.slice(i, i + INSERT_ROWS))
      .execute();
}

/** The leaf counters, per channel, from every stored response. */
async function recount(db: Kysely<any>): Promise<void> {
  const defs = new Map<string, { def: Def; list: Question[] }>();
  for (const r of await db
    .selectFrom('surveys')
    .select(['id', 'version', 'definition'])
    .execute()) {
    const def = JSON.parse(r.definition as string) as Def;
    defs.set(`${r.id}@${Number(r.version)}`, { def, list: items(def) });
  }
  const surveyOf = new Map<string, string>();
  for (const c of await db.selectFrom('campaigns').select(['id', 'survey_id']).execute())
    surveyOf.set(c.id as string, c.survey_id as string);

  const answers = new Map<string, number[]>();
  const responses = new Map<string, number[]>();
  const scoreSums = new Map<string, number[]>();
  let after = '';
  for (;;) {
    const rows = await db
      .selectFrom('responses')
      .select([
        'id',
        'campaign_id',
        'unit_id',
        'survey_version',
        'answers',
        'duration_ms',
        'channel',
      ])
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
      .execute();
    if (!rows.length) break;
    after = rows[rows.length - 1]!.id as string;
    for (const r of rows) {
      const d = defs.get(`${surveyOf.get(r.campaign_id as string)}@${Number(r.survey_version)}`);
      if (!d) continue;
      const a = JSON.parse(r.answers as string) as Record<string, unknown>;
      const at = `${r.campaign_id as string}\0${r.unit_id as string}`;
      const ch = r.channel as string;
      for (const [q, v] of values(d.list, a)) add(answers, `${at}\0${q}\0${v}\0${ch}`, [1]);
      for (const [scope, s] of scores(d.def, d.list, a))
        add(scoreSums, `${at}\0${scope}\0${ch}`, [1, s, s * s]);
      const ms = r.duration_ms === null ? null : Number(r.duration_ms);
      const answered = Object.keys(a).length;
      const fast = ms !== null && answered > 0 && ms < FAST_MS_PER_ANSWER * answered ? 1 : 0;
      add(responses, `${at}\0${ch}`, [1, fast]);
    }
  }
  await insertAll(
    db,
    'answer_counts',
    ['campaign_id', 'unit_id', 'question_id', 'value', 'channel'],
    ['n'],
    answers,
  );
  await insertAll(
    db,
    'response_counts',
    ['campaign_id', 'unit_id', 'channel'],
    ['n', 'fast_n'],
    responses,
  );
  await insertAll(
    db,
    'score_counts',
    ['campaign_id', 'unit_id', 'scope', 'channel'],
    ['n', 's', 'ss'],
    scoreSums,
  );
}

export async function up(db: Kysely<any>): Promise<void> {
  await dropCounters(db);
  await createCounters(db, true);
  await recount(db);
  await rollups(db, true);
  await db.schema.dropIndex('responses_uncounted_idx').execute();
  await db.schema.alterTable('responses').dropColumn('counted').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  // Every response is counted by then: the flag comes back set.
  await db.schema
    .alterTable('responses')
    .addColumn('counted', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await sql`create index responses_uncounted_idx on responses (submitted_at, id) where counted = 0`.execute(
    db,
  );
  // The leaf counters summed over channels, kept aside while the tables change shape.
  await sql`create table answer_counts_sum as select campaign_id, unit_id, question_id, value,
    sum(n) as n from answer_counts group by campaign_id, unit_id, question_id, value`.execute(db);
  await sql`create table response_counts_sum as select campaign_id, unit_id, sum(n) as n,
    sum(fast_n) as fast_n from response_counts group by campaign_id, unit_id`.execute(db);
  await sql`create table score_counts_sum as select campaign_id, unit_id, scope, sum(n) as n,
    sum(s) as s, sum(ss) as ss from score_counts group by campaign_id, unit_id, scope`.execute(db);
  await dropCounters(db);
  await createCounters(db, false);
  await sql`insert into answer_counts (campaign_id, unit_id, question_id, value, n)
    select campaign_id, unit_id, question_id, value, n from answer_counts_sum`.execute(db);
  await sql`insert into response_counts (campaign_id, unit_id, n, fast_n)
    select campaign_id, unit_id, n, fast_n from response_counts_sum`.execute(db);
  await sql`insert into score_counts (campaign_id, unit_id, scope, n, s, ss)
    select campaign_id, unit_id, scope, n, s, ss from score_counts_sum`.execute(db);
  for (const t of ['answer_counts_sum', 'response_counts_sum', 'score_counts_sum'])
    await db.schema.dropTable(t).execute();
  await rollups(db, false);
}
