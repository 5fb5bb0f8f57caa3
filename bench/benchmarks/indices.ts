import http from 'node:http';
import { fmt, percentile, startChild, type Child } from '../lib.js';
import { BENCH_PASSWORD, type Scenario } from '../scenario.js';
import { appEnv } from './submit.js';
import { scaleScenario, sizeLabel } from './scale.js';
import type { BenchContext, Section } from './types.js';

/** Signs in as the Department's admin; the session cookie for staff routes. */
export async function adminCookie(origin: string): Promise<string> {
  const res = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ email: 'admin@demo.vn', password: BENCH_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login: ${res.status} ${await res.text()}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** One GET on a kept-alive connection; resolves when the whole body has arrived. */
function get(url: string, cookie: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent, headers: { cookie } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

/**
 * Latencies (ms) of `n` sequential GETs, after `warm` unmeasured ones; throws on a non-200.
 * The client is node:http on one kept-alive connection: fetch's own work in this process added
 * up to several milliseconds to the tail, which is not the server's latency.
 */
export async function timeGets(
  url: string,
  cookie: string,
  n: number,
  warm = 20,
): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < warm + n; i++) {
    const t = performance.now();
    const status = await get(url, cookie);
    if (status !== 200) throw new Error(`${url}: ${status}`);
    if (i >= warm) out.push(performance.now() - t);
  }
  return out;
}

type Row = {
  size: number;
  unit: string;
  label: string;
  p50: number;
  p99: number;
  responses: number;
};

async function measure(s: Scenario, app: Child, size: number, n: number): Promise<Row[]> {
  const origin = String(app.ready.origin);
  const cookie = await adminCookie(origin);
  const rows: Row[] = [];
  const labels = {
    department: 'the Department (all schools)',
    office: 'an office (Tây Hồ)',
    school: 'a school (THCS Đông Thái)',
  };
  for (const [key, unit] of Object.entries(s.probes) as [keyof typeof labels, string][]) {
    const url = `${origin}/api/indices?campaignId=${s.campaignId}&unitId=${unit}`;
    const body = (await (await fetch(url, { headers: { cookie } })).json()) as {
      responses: number;
    };
    const ms = await timeGets(url, cookie, n);
    rows.push({
      size,
      unit,
      label: labels[key],
      p50: percentile(ms, 50),
      p99: percentile(ms, 99),
      responses: body.responses,
    });
  }
  return rows;
}

/**
 * Benchmark 2: GET /api/indices over the Department, an office and a school as the number of
 * stored responses grows. Indices read the pooled counters, so the time should not grow.
 */
export async function indicesBench(ctx: BenchContext): Promise<Section> {
  const sizes = ctx.full ? [10_000, 1_000_000, 10_000_000] : [10_000, 1_000_000];
  const n = 500;
  const rows: Row[] = [];
  let scenario: Scenario | undefined;
  for (const size of sizes) {
    scenario = await scaleScenario(ctx, size);
    const app = await startChild('bench/servers/app.ts', appEnv(scenario.file));
    try {
      const got = await measure(scenario, app, size, n);
      for (const r of got)
        ctx.log(`  ${sizeLabel(size)} ${r.unit}: p50 ${fmt(r.p50, 2)} ms, p99 ${fmt(r.p99, 2)} ms`);
      rows.push(...got);
    } finally {
      await app.stop();
    }
  }
  const worst = Math.max(...rows.map((r) => r.p99));
  const s = scenario!;
  return {
    name: 'indices',
    title: '2. Indices at scale',
    summary: [
      `GET /api/indices: worst p99 ${fmt(worst, 2)} ms over ${sizes.map(sizeLabel).join(' / ')} responses (target ≤ 10 ms, flat)`,
    ],
    body: [
      `${s.schools.length} schools under ${new Set(s.schools.map((u) => u.split('-S')[0])).size} offices and the Department;`,
      `one campaign over every school; responses spread uniformly over the schools by the generator`,
      `(bench/generate.ts). ${n} sequential requests per row after 20 warm-up ones, one connection,`,
      `timed by the client (node:http, one kept-alive connection; HTTP included); server pinned to core 0, restarted at each size.`,
      '',
      '| responses stored | unit | responses in subtree | p50 ms | p99 ms |',
      '|---:|---|---:|---:|---:|',
      ...rows.map(
        (r) =>
          `| ${sizeLabel(r.size)} | ${r.label} | ${r.responses.toLocaleString('en')} | ${fmt(r.p50, 2)} | ${fmt(r.p99, 2)} |`,
      ),
      '',
      `**Worst p99: ${fmt(worst, 2)} ms** (target ≤ 10 ms at every size).`,
    ],
  };
}
