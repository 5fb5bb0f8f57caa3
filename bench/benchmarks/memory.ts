import { fmt, load, startChild, type Child } from '../lib.js';
import { adminCookie, timeGets } from './indices.js';
import { scaleScenario, sizeLabel } from './scale.js';
import { appEnv, submissionLoad, SUBMIT_CONNECTIONS } from './submit.js';
import type { BenchContext, Section } from './types.js';

/** Samples the child's resident memory every 100 ms until stopped; returns the peak in MB. */
export function rssSampler(child: Child): { stop(): Promise<number> } {
  let peak = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      peak = Math.max(peak, await child.rssMb());
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return peak;
    },
  };
}

/** Benchmark 3: resident memory with 1M responses stored, idle and under mixed load. */
export async function memoryBench(ctx: BenchContext): Promise<Section> {
  const size = 1_000_000;
  const s = await scaleScenario(ctx, size);
  const app = await startChild('bench/servers/app.ts', appEnv(s.file));
  try {
    const origin = String(app.ready.origin);
    const cookie = await adminCookie(origin);
    const started = await app.rssMb();
    // Idle after one round of the dashboard's reads: the state a morning starts from.
    for (const unit of Object.values(s.probes)) {
      await timeGets(
        `${origin}/api/indices?campaignId=${s.campaignId}&unitId=${unit}`,
        cookie,
        5,
        0,
      );
    }
    const idle = await app.rssMb();
    const sampler = rssSampler(app);
    const reads = (async () => {
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline) {
        await timeGets(
          `${origin}/api/indices?campaignId=${s.campaignId}&unitId=${s.probes.office}`,
          cookie,
          5,
          0,
        );
      }
    })();
    const writes = await load({
      ...submissionLoad(s, origin, 3),
      connections: SUBMIT_CONNECTIONS,
      seconds: 10,
    });
    await reads;
    const peak = await sampler.stop();
    const ok = Math.max(idle, peak) <= 256;
    return {
      name: 'memory',
      title: '3. Memory',
      summary: [
        `RSS with ${sizeLabel(size)} responses: idle ${fmt(idle, 0)} MB, peak under load ${fmt(peak, 0)} MB (target ≤ 256 MB)${ok ? '' : ' — over'}`,
      ],
      body: [
        `The server's resident memory (/proc VmRSS) with ${sizeLabel(size)} responses in the database.`,
        `Under load: 10 s of submissions (${SUBMIT_CONNECTIONS} connections, ${fmt(writes.rps, 0)} req/s achieved) while`,
        `a dashboard reads an office's indices in a loop; sampled every 100 ms.`,
        '',
        '| state | RSS MB |',
        '|---|---:|',
        `| just started | ${fmt(started, 0)} |`,
        `| idle, after the dashboard's first reads | ${fmt(idle, 0)} |`,
        `| peak under load | ${fmt(peak, 0)} |`,
        '',
        `**Peak: ${fmt(peak, 0)} MB** (target ≤ 256 MB).`,
      ],
    };
  } finally {
    await app.stop();
  }
}
