import { randomUUID } from 'node:crypto';
import SQLite from 'better-sqlite3';
import { prng, realisticAnswers } from '../answers.js';
import { fmt, load, median, startChild, type LoadResult } from '../lib.js';
import type { Scenario } from '../scenario.js';
import type { BenchContext, Section } from './types.js';

export const SUBMIT_CONNECTIONS = 10;
export const HIGH_CONNECTIONS = 100;

/** Request bodies as phones send them: a fresh clientId each, answers spread over the schools. */
export function submissionLoad(s: Scenario, origin: string, seed = 1) {
  const r = prng(seed);
  const codes = [...s.codes.values()];
  const answers = Array.from({ length: 500 }, () =>
    JSON.stringify(realisticAnswers(s.definition, r)),
  );
  return {
    url: `${origin}/api/public/forms/${codes[0]}/responses`,
    method: 'POST' as const,
    path: (i: number) => `/api/public/forms/${codes[i % codes.length]}/responses`,
    body: (i: number) => `{"clientId":"${randomUUID()}","answers":${answers[i % answers.length]}}`,
  };
}

export function appEnv(file: string): Record<string, string> {
  return { DATABASE_URL: file, RATE_LIMIT: '0', SEED_DEMO: '0', NODE_ENV: 'production' };
}

/**
 * Responses stored but not yet counted (the tally's backlog), read from the database file by a
 * read-only connection of this process, and how long the server then takes to count them all.
 */
async function backlog(file: string): Promise<{ left: number; drainedMs: number }> {
  const db = new SQLite(file, { readonly: true });
  try {
    const count = () =>
      (db.prepare('select count(*) as n from responses where counted = 0').get() as { n: number })
        .n;
    const left = count();
    const t = performance.now();
    while (count() > 0 && performance.now() - t < 60_000)
      await new Promise((r) => setTimeout(r, 20));
    return { left, drainedMs: performance.now() - t };
  } finally {
    db.close();
  }
}

function ok(r: LoadResult): string {
  return r.errors || r.non2xx ? ` (${r.errors} errors, ${r.non2xx} non-2xx of ${r.requests})` : '';
}

/**
 * Benchmark 1: requests/s of the real submission route (validation, idempotency, counters, one
 * durable commit per acknowledged response) against the bare Hono endpoint parsing the same
 * JSON, alternating rounds so drift on the shared machine hits both alike; then latency at a
 * constant 1,000 requests/s.
 */
export async function submitBench(ctx: BenchContext): Promise<Section> {
  const s = await ctx.scenario('submit');
  const bare = await startChild('bench/servers/bare.ts');
  const app = await startChild('bench/servers/app.ts', appEnv(s.file));
  const seconds = ctx.full ? 10 : 5;
  const rounds = 3;
  try {
    const bareLoad = submissionLoad(s, String(bare.ready.origin));
    const appLoad = submissionLoad(s, String(app.ready.origin), 2);
    // Warm-up: JIT, page cache, SQLite's statement cache.
    await load({ ...bareLoad, connections: SUBMIT_CONNECTIONS, seconds: 2 });
    await load({ ...appLoad, connections: SUBMIT_CONNECTIONS, seconds: 2 });
    const b: LoadResult[] = [];
    const a: LoadResult[] = [];
    const tally: { left: number; drainedMs: number }[] = [];
    for (let i = 0; i < rounds; i++) {
      b.push(await load({ ...bareLoad, connections: SUBMIT_CONNECTIONS, seconds }));
      a.push(await load({ ...appLoad, connections: SUBMIT_CONNECTIONS, seconds }));
      tally.push(await backlog(s.file));
      ctx.log(`  round ${i + 1}: bare ${fmt(b[i]!.rps, 0)} req/s, app ${fmt(a[i]!.rps, 0)} req/s`);
    }
    // Phones arrive many at a time; group commit shares one flush among the requests in flight,
    // so the same comparison at 100 connections shows how the durable route scales with them.
    const bHi: LoadResult[] = [];
    const aHi: LoadResult[] = [];
    for (let i = 0; i < rounds; i++) {
      bHi.push(await load({ ...bareLoad, connections: HIGH_CONNECTIONS, seconds }));
      aHi.push(await load({ ...appLoad, connections: HIGH_CONNECTIONS, seconds }));
      tally.push(await backlog(s.file));
      ctx.log(
        `  round ${i + 1} at ${HIGH_CONNECTIONS} connections: bare ${fmt(bHi[i]!.rps, 0)} req/s, app ${fmt(aHi[i]!.rps, 0)} req/s`,
      );
    }
    const hiRatio = median(aHi.map((x) => x.rps)) / median(bHi.map((x) => x.rps));
    const rate = 1000;
    const bareRate = await load({
      ...bareLoad,
      connections: SUBMIT_CONNECTIONS,
      seconds: 10,
      overallRate: rate,
    });
    const appRate = await load({
      ...appLoad,
      connections: SUBMIT_CONNECTIONS,
      seconds: 10,
      overallRate: rate,
    });
    const bareRps = median(b.map((x) => x.rps));
    const appRps = median(a.map((x) => x.rps));
    const ratio = appRps / bareRps;
    const p99 = appRate.p99;
    return {
      name: 'submit',
      title: '1. Submission throughput and latency',
      summary: [
        `submissions: ${fmt(appRps, 0)} req/s vs bare ${fmt(bareRps, 0)} req/s = ${fmt(ratio, 2)}× (target ≥ 0.5×, stretch 0.7×)`,
        `submissions at ${rate} req/s: p99 ${fmt(p99, 1)} ms (target ≤ 20 ms)`,
        `at ${HIGH_CONNECTIONS} connections: ${fmt(median(aHi.map((x) => x.rps)), 0)} vs ${fmt(median(bHi.map((x) => x.rps)), 0)} req/s = ${fmt(hiRatio, 2)}×`,
      ],
      body: [
        `\`POST /api/public/forms/:code/responses\`, ${SUBMIT_CONNECTIONS} connections, ${rounds} alternating rounds of ${seconds} s`,
        `after a 2 s warm-up; server pinned to core 0, autocannon to core 1. Each request has a new`,
        `clientId and a ${Object.keys(realisticAnswers(s.definition, prng(9))).length}-answer edu-THCS body`,
        `(22 likert, grade, priorities, sometimes a suggestion) at one of ${s.codes.size} schools; SQLite file,`,
        `WAL, synchronous=FULL: each 201 is sent after its response's durable commit. The counters are`,
        `added by the tally in the same server process, on the same core, while the load runs (its work`,
        `is in these figures); at the end of each round at most ${Math.max(...tally.map((x) => x.left))} responses were still uncounted,`,
        `and all were counted within ${fmt(Math.max(...tally.map((x) => x.drainedMs)), 0)} ms.`,
        '',
        '| | req/s (median) | p50 ms | p99 ms | rounds req/s |',
        '|---|---:|---:|---:|---|',
        `| bare Hono endpoint | ${fmt(bareRps, 0)} | ${fmt(median(b.map((x) => x.p50)))} | ${fmt(median(b.map((x) => x.p99)))} | ${b.map((x) => fmt(x.rps, 0)).join(', ')}${ok(b[0]!)} |`,
        `| real submission route | ${fmt(appRps, 0)} | ${fmt(median(a.map((x) => x.p50)))} | ${fmt(median(a.map((x) => x.p99)))} | ${a.map((x) => fmt(x.rps, 0)).join(', ')}${a.map(ok).join('')} |`,
        '',
        `**Ratio: ${fmt(ratio, 2)}×** the bare endpoint (target ≥ 0.5×, stretch 0.7×).`,
        '',
        `The same at ${HIGH_CONNECTIONS} connections (${rounds} alternating rounds):`,
        '',
        '| | req/s (median) | p50 ms | p99 ms | rounds req/s |',
        '|---|---:|---:|---:|---|',
        `| bare Hono endpoint | ${fmt(median(bHi.map((x) => x.rps)), 0)} | ${fmt(median(bHi.map((x) => x.p50)))} | ${fmt(median(bHi.map((x) => x.p99)))} | ${bHi.map((x) => fmt(x.rps, 0)).join(', ')} |`,
        `| real submission route | ${fmt(median(aHi.map((x) => x.rps)), 0)} | ${fmt(median(aHi.map((x) => x.p50)))} | ${fmt(median(aHi.map((x) => x.p99)))} | ${aHi.map((x) => fmt(x.rps, 0)).join(', ')}${aHi.map(ok).join('')} |`,
        '',
        `**Ratio at ${HIGH_CONNECTIONS} connections: ${fmt(hiRatio, 2)}×.**`,
        '',
        `At a constant ${rate} requests/s for 10 s (autocannon \`overallRate\`):`,
        '',
        '| | achieved req/s | p50 ms | p99 ms |',
        '|---|---:|---:|---:|',
        `| bare Hono endpoint | ${fmt(bareRate.rps, 0)} | ${fmt(bareRate.p50)} | ${fmt(bareRate.p99)}${ok(bareRate)} |`,
        `| real submission route | ${fmt(appRate.rps, 0)} | ${fmt(appRate.p50)} | ${fmt(appRate.p99)}${ok(appRate)} |`,
        '',
        `**p99 at ${rate} req/s: ${fmt(p99, 1)} ms** (target ≤ 20 ms).`,
      ],
    };
  } finally {
    await bare.stop();
    await app.stop();
  }
}
