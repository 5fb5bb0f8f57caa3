import { randomUUID } from 'node:crypto';
import SQLite from 'better-sqlite3';
import { validateAnswers } from '../server/answers.js';
import { counterValues, durationMs, fingerprint, isFast } from '../server/responses.js';
import { prng, realisticAnswers } from './answers.js';
import type { Scenario } from './scenario.js';

/**
 * Fills a scenario database with `count` more responses, fast: rows are written with one
 * prepared statement in transactions of 50,000, and the counters are summed in memory and added
 * once at the end. What lands is what recordResponse would have written for the same answers:
 * the answers go through the same validation, the counters through the same counterValues and
 * isFast, the fingerprint through the same function. Not durable while it runs (synchronous=OFF):
 * it is a generator, not the application.
 */
export function fillResponses(s: Scenario, count: number, seed = 7): { ms: number } {
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
  const answerCounts = new Map<string, number>();
  const responseCounts = new Map<string, [number, number]>();
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
    for (const c of counterValues(def, answers)) {
      const key = `${unit}\0${c.questionId}\0${c.value}`;
      answerCounts.set(key, (answerCounts.get(key) ?? 0) + 1);
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
  writeCounters(sqlite, s.campaignId, answerCounts, responseCounts);
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.close();
  return { ms: Date.now() - started };
}

function writeCounters(
  sqlite: SQLite.Database,
  campaignId: string,
  answerCounts: Map<string, number>,
  responseCounts: Map<string, [number, number]>,
): void {
  const addAnswer = sqlite.prepare(
    `insert into answer_counts (campaign_id, unit_id, question_id, value, n) values (?, ?, ?, ?, ?)
     on conflict (campaign_id, unit_id, question_id, value) do update set n = answer_counts.n + excluded.n`,
  );
  const addResponse = sqlite.prepare(
    `insert into response_counts (campaign_id, unit_id, n, fast_n) values (?, ?, ?, ?)
     on conflict (campaign_id, unit_id) do update
       set n = response_counts.n + excluded.n, fast_n = response_counts.fast_n + excluded.fast_n`,
  );
  sqlite.transaction(() => {
    for (const [key, n] of answerCounts) {
      const [unit, question, value] = key.split('\0') as [string, string, string];
      addAnswer.run(campaignId, unit, question, value, n);
    }
    for (const [unit, [n, fast]] of responseCounts) addResponse.run(campaignId, unit, n, fast);
  })();
}
