import { gzipSync } from 'node:zlib';
import { buildClient } from '../../client/build.js';
import { fmt, startChild } from '../lib.js';
import { appEnv } from './submit.js';
import type { BenchContext, Section } from './types.js';

const BUDGET_KB = 20;

/** A page and the scripts and stylesheets it links, each gzipped (-9) as a transfer estimate. */
async function weigh(origin: string, path: string) {
  const html = await (await fetch(`${origin}${path}`)).text();
  const assets = [
    ...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="([^"]+\.(?:js|css))"/g),
  ].map((m) => m[1]!);
  const parts = [
    { url: path, raw: Buffer.byteLength(html), gz: gzipSync(html, { level: 9 }).length },
  ];
  for (const url of [...new Set(assets)]) {
    const body = Buffer.from(await (await fetch(new URL(url, `${origin}${path}`))).arrayBuffer());
    parts.push({ url, raw: body.length, gz: gzipSync(body, { level: 9 }).length });
  }
  return { parts, gz: parts.reduce((a, p) => a + p.gz, 0) / 1024 };
}

/** Benchmark 4: what a phone downloads for the respondent page and the feedback form. */
export async function pagesBench(ctx: BenchContext): Promise<Section> {
  await buildClient({ quiet: true });
  const s = await ctx.scenario('submit');
  const app = await startChild('bench/servers/app.ts', appEnv(s.file));
  try {
    const origin = String(app.ready.origin);
    const pages = [
      { label: 'respondent page `/s/:code`', path: `/s/${[...s.codes.values()][0]}`, budget: true },
      { label: 'feedback form `/feedback`', path: '/feedback', budget: true },
      { label: 'dashboard first load `/app`', path: '/app', budget: false },
    ];
    const rows: ((typeof pages)[number] & Awaited<ReturnType<typeof weigh>>)[] = [];
    for (const p of pages) rows.push({ ...p, ...(await weigh(origin, p.path)) });
    const line = (r: (typeof rows)[number]) =>
      `${r.label}: ${fmt(r.gz, 1)} KB gzipped${r.budget ? ` (budget ${BUDGET_KB} KB${r.gz > BUDGET_KB ? ', OVER' : ''})` : ''}`;
    return {
      name: 'pages',
      title: '4. Page weight',
      summary: rows.map(line),
      body: [
        'The HTML as served plus every script and stylesheet it links, each gzipped at level 9 (the',
        'server itself does not compress; a proxy in front usually does).',
        '',
        '| page | resource | bytes | gzipped |',
        '|---|---|---:|---:|',
        ...rows.flatMap((r) =>
          r.parts.map(
            (p) =>
              `| ${r.label} | \`${p.url.replace(/\/s\/\w+/, '/s/:code')}\` | ${p.raw} | ${p.gz} |`,
          ),
        ),
        '',
        ...rows.map((r) => `- **${line(r)}**`),
      ],
    };
  } finally {
    await app.stop();
  }
}
