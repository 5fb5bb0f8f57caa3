import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { pinned } from './lib.js';
import { createScenario, type Scenario } from './scenario.js';
import { exportBench } from './benchmarks/export.js';
import { indicesBench } from './benchmarks/indices.js';
import { memoryBench } from './benchmarks/memory.js';
import { pagesBench } from './benchmarks/pages.js';
import { submitBench } from './benchmarks/submit.js';
import type { BenchContext, Section } from './benchmarks/types.js';

/**
 * `npm run bench [-- name…] [-- --full]`: runs the benchmarks (all by default) and writes
 * bench/RESULTS.md; a run of only some of them writes bench/out/RESULTS.partial.md instead, so
 * the committed file always holds one whole run.
 */
const BENCHES: Record<string, (ctx: BenchContext) => Promise<Section>> = {
  submit: submitBench,
  indices: indicesBench,
  memory: memoryBench,
  pages: pagesBench,
  export: exportBench,
};

const args = process.argv.slice(2);
const full = args.includes('--full');
const names = args.filter((a) => !a.startsWith('--'));
const unknown = names.filter((n) => !BENCHES[n]);
if (unknown.length) {
  console.error(
    `unknown benchmark(s): ${unknown.join(', ')}; known: ${Object.keys(BENCHES).join(', ')}`,
  );
  process.exit(2);
}
const selected = names.length ? names : Object.keys(BENCHES);

// The load generator (autocannon runs in this process) on core 1; servers are started on core 0.
const [tasksetCmd] = pinned(1, 'true', []);
if (tasksetCmd !== 'true')
  spawnSync(tasksetCmd, ['-p', '-c', '1', String(process.pid)], { stdio: 'ignore' });

mkdirSync('bench/out', { recursive: true });
const scenarios = new Map<string, Promise<Scenario>>();
const ctx: BenchContext = {
  full,
  log: (line) => console.log(line),
  scenario: (name) => {
    let s = scenarios.get(name);
    if (!s) scenarios.set(name, (s = createScenario(`bench/out/${name}.db`)));
    return s;
  },
};

const started = new Date();
const loadStart = loadavg()[0]!;
const sections: Section[] = [];
for (const name of selected) {
  const t = Date.now();
  console.log(`== ${name}`);
  const section = await BENCHES[name]!(ctx);
  sections.push(section);
  for (const line of section.summary) console.log(`   ${line}`);
  console.log(`   (${((Date.now() - t) / 1000).toFixed(0)} s)`);
}

const command = `npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}`;
const cpu = cpus();
const lines = [
  '# Benchmark results',
  '',
  `- date: ${started.toISOString()} (took ${((Date.now() - started.getTime()) / 60000).toFixed(1)} min)`,
  `- machine: ${cpu.length} cores (${cpu[0]?.model.trim() ?? '?'}), ${(totalmem() / 1024 ** 3).toFixed(0)} GB, ${process.platform}`,
  `- Node ${process.version}`,
  `- command: \`${command}\`${full ? '' : ' (default sizes; `--full` for the large ones)'}`,
  `- load average (1 min) at the start ${loadStart.toFixed(2)}, at the end ${loadavg()[0]!.toFixed(2)}: figures swing between rounds on 2 shared cores, so compare ratios within one run, not figures across runs`,
  '',
  '## Summary',
  '',
  ...sections.flatMap((s) => s.summary.map((l) => `- ${l}`)),
  '',
  ...sections.flatMap((s) => [`## ${s.title}`, '', ...s.body, '']),
];
const out = names.length ? 'bench/out/RESULTS.partial.md' : 'bench/RESULTS.md';
writeFileSync(out, lines.join('\n'));
console.log(`written: ${out}`);
