import { randomUUID } from 'node:crypto';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import {
  addCounters,
  counterUnit,
  type CounterValue,
  type ScoreSums,
} from '../db/repositories/rollups.js';
import type { Database } from '../db/schema.js';
import { validateAnswers } from '../server/answers.js';
import { counterValues, durationMs, isFast, responseScores } from '../surveys/counting.js';
import { fingerprint } from '../server/responses.js';
import { prng, realisticAnswers } from './answers.js';
import type { Scenario } from './scenario.js';

/**
 * Fills a scenario database with `count` more responses, fast: rows are written with one
 * prepared statement in transactions of 50,000, and the counters are summed in memory and added
 * once at the end, per unit, through addCounters as the writer does (leaf and rollups, per channel). What lands is what recordResponse would have written for the same answers:
 * the answers go through the same validation, the counters through the same counterValues and
 * isFast, the fingerprint through the same function. Not durable while it runs (synchronous=OFF):
 * it is a generator, not the application.
 */
export async function fillResponses(s: Scenario, count: number, seed = 7): Promise<{ ms: number }> {
  const started = Date.now();
  const sqlite = new SQLite(s.file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('cache_size = -262144');
  const insertResponse = sqlite.prepare(
    `insert into responses (id, campaign_id, unit_id, client_id, token_code, survey_version, answers,
       started_at, submitted_at, duration_ms, channel, fingerprint)
     values (?, ?, ?, ?, null, ?, ?, ?, ?, ?, 'seed', ?)`,
  );
  const insertText = sqlite.prepare(
    `insert into text_answers (response_id, question_id, campaign_id, unit_id, text, submitted_at)
     values (?, ?, ?, ?, ?, ?)`,
  );
  // unit → 'question\0value' → count
  const answerCounts = new Map<string, Map<string, CounterValue>>();
  const responseCounts = new Map<string, [number, number]>();
  // unit → scope → per-respondent score sums, as the tally adds them
  const scoreSums = new Map<string, Map<string, ScoreSums>>();
  const r = prng(seed + count);
  const def = s.definition;
  const textIds = def.sections
    .flatMap((x) => x.questions)
    .filter((q) => q.type === 'text')
    .map((q) => q.id);
  const now = Date.now();
  const lean = new Map(s.schools.map((u, i) => [u, 3.6 + ((i * 37) % 100) / 100]));

  const one = () => {
    const unit = s.schools[Math.floor(r() * s.schools.length)]!;
    const { answers } = validateAnswers(def, realisticAnswers(def, r, lean.get(unit)));
    const submitted = now - Math.floor(r() * 86_400_000);
    const duration = r() < 0.03 ? 15_000 + r() * 20_000 : 120_000 + r() * 420_000;
    const submittedAt = new Date(submitted).toISOString();
    const startedAt = new Date(submitted - duration).toISOString();
    const id = randomUUID();
    const d = durationMs(startedAt, submittedAt);
    insertResponse.run(
      id,
      s.campaignId,
      unit,
      randomUUID(),
      def.version,
      JSON.stringify(answers),
      startedAt,
      submittedAt,
      d,
      fingerprint(def, answers),
    );
    for (const q of textIds) {
      const text = answers[q];
      if (typeof text === 'string') insertText.run(id, q, s.campaignId, unit, text, submittedAt);
    }
    const counts = answerCounts.get(unit) ?? new Map<string, CounterValue>();
    answerCounts.set(unit, counts);
    for (const c of counterValues(def, answers)) {
      const key = `${c.questionId}\0${c.value}`;
      const had = counts.get(key);
      if (had) had.n++;
      else counts.set(key, { ...c, n: 1 });
    }
    const scores = scoreSums.get(unit) ?? new Map<string, ScoreSums>();
    scoreSums.set(unit, scores);
    for (const { scope, s: score } of responseScores(def, answers)) {
      const had = scores.get(scope) ?? { scope, n: 0, s: 0, ss: 0 };
      had.n++;
      had.s += score;
      had.ss += score * score;
      scores.set(scope, had);
    }
    const rc = responseCounts.get(unit) ?? [0, 0];
    rc[0]++;
    if (isFast(d, Object.keys(answers).length)) rc[1]++;
    responseCounts.set(unit, rc);
  };

  const batch = sqlite.transaction((n: number) => {
    for (let i = 0; i < n; i++) one();
  });
  for (let done = 0; done < count; done += 50_000) batch(Math.min(50_000, count - done));
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  await writeCounters(db, s.campaignId, answerCounts, responseCounts, scoreSums);
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  await db.destroy(); // closes sqlite
  return { ms: Date.now() - started };
}

async function writeCounters(
  db: Kysely<Database>,
  campaignId: string,
  answerCounts: Map<string, Map<string, CounterValue>>,
  responseCounts: Map<string, [number, number]>,
  scoreSums: Map<string, Map<string, ScoreSums>>,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const [unitId, [n, fast]] of responseCounts) {
      const unit = await counterUnit(trx, unitId);
      if (!unit) throw new Error(`no unit ${unitId}`);
      await addCounters(
        trx,
        campaignId,
        unit,
        [...(answerCounts.get(unitId)?.values() ?? [])],
        { n, fast },
        [...(scoreSums.get(unitId)?.values() ?? [])],
        'seed', // the channel its responses carry
      );
    }
  });
}
