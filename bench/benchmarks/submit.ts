import { randomUUID } from 'node:crypto';
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

function ok(r: LoadResult): string {
  return r.errors || r.non2xx ? ` (${r.errors} errors, ${r.non2xx} non-2xx of ${r.requests})` : '';
}

/**
 * Benchmark 1: requests/s of the real submission route (validation, idempotency, counters, one
 * durable commit per batch of acknowledged responses) against the bare Hono endpoint parsing the
 * same JSON and against the durable floor (bench/servers/floor.ts: the same JSON stored as one
 * durable row through a writer thread with group commit), alternating rounds so drift on the
 * shared machine hits all alike; then latency at a constant 1,000 requests/s.
 */
export async function submitBench(ctx: BenchContext): Promise<Section> {
  const s = await ctx.scenario('submit');
  const bare = await startChild('bench/servers/bare.ts');
  const floor = await startChild('bench/servers/floor.ts');
  const app = await startChild('bench/servers/app.ts', appEnv(s.file));
  const seconds = ctx.full ? 10 : 5;
  const rounds = 3;
  try {
    const bareLoad = submissionLoad(s, String(bare.ready.origin));
    const floorLoad = submissionLoad(s, String(floor.ready.origin), 3);
    const appLoad = submissionLoad(s, String(app.ready.origin), 2);
    // Warm-up: JIT, page cache, SQLite's statement cache.
    await load({ ...bareLoad, connections: SUBMIT_CONNECTIONS, seconds: 2 });
    await load({ ...floorLoad, connections: SUBMIT_CONNECTIONS, seconds: 2 });
    await load({ ...appLoad, connections: SUBMIT_CONNECTIONS, seconds: 2 });
    const b: LoadResult[] = [];
    const f: LoadResult[] = [];
    const a: LoadResult[] = [];
    for (let i = 0; i < rounds; i++) {
      b.push(await load({ ...bareLoad, connections: SUBMIT_CONNECTIONS, seconds }));
      f.push(await load({ ...floorLoad, connections: SUBMIT_CONNECTIONS, seconds }));
      a.push(await load({ ...appLoad, connections: SUBMIT_CONNECTIONS, seconds }));
      ctx.log(
        `  round ${i + 1}: bare ${fmt(b[i]!.rps, 0)} req/s, floor ${fmt(f[i]!.rps, 0)} req/s, app ${fmt(a[i]!.rps, 0)} req/s`,
      );
    }
    // Phones arrive many at a time; group commit shares one flush among the requests in flight,
    // so the same comparison at 100 connections shows how the durable route scales with them.
    const bHi: LoadResult[] = [];
    const aHi: LoadResult[] = [];
    for (let i = 0; i < rounds; i++) {
      bHi.push(await load({ ...bareLoad, connections: HIGH_CONNECTIONS, seconds }));
      aHi.push(await load({ ...appLoad, connections: HIGH_CONNECTIONS, seconds }));
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
    const floorRate = await load({
      ...floorLoad,
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
    const floorRps = median(f.map((x) => x.rps));
    const ratio = appRps / bareRps;
    const floorRatio = appRps / floorRps;
    const p99 = appRate.p99;
    return {
      name: 'submit',
      title: '1. Submission throughput and latency',
      summary: [
        `submissions: ${fmt(appRps, 0)} req/s vs durable floor ${fmt(floorRps, 0)} req/s = ${fmt(floorRatio, 2)}× (target ≥ 0.6×, stretch 0.8×)`,
        `submissions: ${fmt(appRps, 0)} req/s vs bare ${fmt(bareRps, 0)} req/s = ${fmt(ratio, 2)}×`,
        `submissions at ${rate} req/s: p99 ${fmt(p99, 1)} ms (target ≤ 20 ms)`,
        `at ${HIGH_CONNECTIONS} connections: ${fmt(median(aHi.map((x) => x.rps)), 0)} vs ${fmt(median(bHi.map((x) => x.rps)), 0)} req/s = ${fmt(hiRatio, 2)}×`,
      ],
      body: [
        `\`POST /api/public/forms/:code/responses\`, ${SUBMIT_CONNECTIONS} connections, ${rounds} alternating rounds of ${seconds} s`,
        `after a 2 s warm-up; server pinned to core 0, autocannon to core 1. Each request has a new`,
        `clientId and a ${Object.keys(realisticAnswers(s.definition, prng(9))).length}-answer edu-THCS body`,
        `(22 likert, grade, priorities, sometimes a suggestion) at one of ${s.codes.size} schools; SQLite file,`,
        `WAL, synchronous=FULL: each 201 is sent after the durable commit that holds its response and`,
        `its counts (a writer thread batches what arrives during a commit; the counters change in the`,
        `same commit). The durable floor stores the same JSON as one row through a writer thread with`,
        `group commit, no validation and no counting.`,
        '',
        '| | req/s (median) | p50 ms | p99 ms | rounds req/s |',
        '|---|---:|---:|---:|---|',
        `| bare Hono endpoint | ${fmt(bareRps, 0)} | ${fmt(median(b.map((x) => x.p50)))} | ${fmt(median(b.map((x) => x.p99)))} | ${b.map((x) => fmt(x.rps, 0)).join(', ')}${ok(b[0]!)} |`,
        `| durable floor | ${fmt(floorRps, 0)} | ${fmt(median(f.map((x) => x.p50)))} | ${fmt(median(f.map((x) => x.p99)))} | ${f.map((x) => fmt(x.rps, 0)).join(', ')}${ok(f[0]!)} |`,
        `| real submission route | ${fmt(appRps, 0)} | ${fmt(median(a.map((x) => x.p50)))} | ${fmt(median(a.map((x) => x.p99)))} | ${a.map((x) => fmt(x.rps, 0)).join(', ')}${a.map(ok).join('')} |`,
        '',
        `**Ratio: ${fmt(floorRatio, 2)}×** the durable floor (target ≥ 0.6×, stretch 0.8×); ${fmt(ratio, 2)}× the bare endpoint.`,
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
        `| durable floor | ${fmt(floorRate.rps, 0)} | ${fmt(floorRate.p50)} | ${fmt(floorRate.p99)}${ok(floorRate)} |`,
        `| real submission route | ${fmt(appRate.rps, 0)} | ${fmt(appRate.p50)} | ${fmt(appRate.p99)}${ok(appRate)} |`,
        '',
        `**p99 at ${rate} req/s: ${fmt(p99, 1)} ms** (target ≤ 20 ms).`,
      ],
    };
  } finally {
    await bare.stop();
    await floor.stop();
    await app.stop();
  }
}
