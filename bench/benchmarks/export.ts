import { fmt, load, startChild } from '../lib.js';
import { adminCookie } from './indices.js';
import { rssSampler } from './memory.js';
import { scaleScenario, sizeLabel } from './scale.js';
import { appEnv, submissionLoad } from './submit.js';
import type { BenchContext, Section } from './types.js';

/** Downloads a streamed response to the end; its size in bytes and lines. */
async function drain(res: Response): Promise<{ bytes: number; lines: number }> {
  let bytes = 0;
  let lines = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    for (const b of chunk) if (b === 10) lines++;
  }
  return { bytes, lines };
}

/**
 * Benchmark 5: the raw CSV export of every response (streamed), its time and the server's peak
 * memory; and submission latency at a steady rate without and during the export.
 */
export async function exportBench(ctx: BenchContext): Promise<Section> {
  const size = 1_000_000;
  const rate = 200;
  const s = await scaleScenario(ctx, size);
  const app = await startChild('bench/servers/app.ts', appEnv(s.file));
  try {
    const origin = String(app.ready.origin);
    const cookie = await adminCookie(origin);
    const probe = await fetch(`${origin}/api/campaigns/${s.campaignId}/export?format=csv`, {
      headers: { cookie },
    });
    if (probe.status === 404 && !probe.headers.get('content-type')?.includes('csv')) {
      await probe.arrayBuffer();
      return notAvailable(`GET /api/campaigns/:id/export answered ${probe.status}`);
    }
    await probe.body?.cancel();
    const submit = {
      ...submissionLoad(s, origin, 5),
      connections: 10,
      seconds: 10,
      overallRate: rate,
    };
    // Warm-up, unmeasured: JIT, SQLite's page cache over the million-row indexes.
    await load({ ...submit, seconds: 3 });
    const quiet = await load(submit);
    const idle = await app.rssMb();
    const sampler = rssSampler(app);
    const t = performance.now();
    const res = await fetch(`${origin}/api/campaigns/${s.campaignId}/export?format=csv`, {
      headers: { cookie },
    });
    const download = drain(res);
    const during = await load(submit);
    const { bytes, lines } = await download;
    const seconds = (performance.now() - t) / 1000;
    const peak = await sampler.stop();
    // No answer at all during the export is the worst case, not a zero latency.
    const degradation = during.requests ? during.p99 / Math.max(quiet.p99, 1) : Infinity;
    return {
      name: 'export',
      title: '5. Export',
      summary: [
        `export of ${sizeLabel(size)} responses (CSV): ${fmt(seconds, 1)} s, server peak RSS ${fmt(peak, 0)} MB (idle ${fmt(idle, 0)} MB)`,
        `submission p99 at ${rate} req/s: ${fmt(quiet.p99, 1)} ms quiet, ${fmt(during.p99, 1)} ms during the export = ${fmt(degradation, 2)}× (target ≤ 2×)`,
      ],
      body: [
        `\`GET /api/campaigns/:id/export?format=csv\` as the Department's admin over ${sizeLabel(size)} stored responses,`,
        `read to the end by the client; the server's RSS (its export worker thread included) sampled every`,
        `100 ms. Meanwhile submissions at a steady ${rate} req/s for 10 s (from the export's start), compared`,
        `with 10 s at the same rate before it, after a 3 s warm-up.`,
        '',
        '| | figure |',
        '|---|---:|',
        `| rows (lines incl. header) | ${lines.toLocaleString('en')} |`,
        `| size | ${fmt(bytes / 1024 ** 2, 0)} MB |`,
        `| time | ${fmt(seconds, 1)} s (${fmt(lines / seconds / 1000, 0)}k rows/s) |`,
        `| server RSS idle → peak | ${fmt(idle, 0)} → ${fmt(peak, 0)} MB |`,
        `| submissions p50 / p99, quiet | ${fmt(quiet.p50, 1)} / ${fmt(quiet.p99, 1)} ms (${fmt(quiet.rps, 0)} req/s, ${quiet.requests} answered, ${quiet.errors + quiet.non2xx} failed) |`,
        `| submissions p50 / p99, during export | ${fmt(during.p50, 1)} / ${fmt(during.p99, 1)} ms (${fmt(during.rps, 0)} req/s, ${during.requests} answered, ${during.errors + during.non2xx} failed) |`,
        '',
        `**Degradation of p99: ${fmt(degradation, 2)}×** (target ≤ 2×).`,
      ],
    };
  } finally {
    await app.stop();
  }
}

function notAvailable(why: string): Section {
  return {
    name: 'export',
    title: '5. Export',
    summary: [`export: not available (${why})`],
    body: [`Not available: ${why}.`],
  };
}
