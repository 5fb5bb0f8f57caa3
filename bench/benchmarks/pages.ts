import { get } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { buildClient } from '../../client/build.js';
import { fmt, startChild } from '../lib.js';
import { appEnv } from './submit.js';
import type { BenchContext, Section } from './types.js';

const BUDGET_KB = 20;

/** One resource as a browser receives it: the bytes on the wire, and the body they decode to. */
function download(url: string): Promise<{ wire: number; body: Buffer; encoding: string }> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { 'accept-encoding': 'gzip, deflate, br' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        const encoding = String(res.headers['content-encoding'] ?? 'identity');
        const body =
          encoding === 'br'
            ? brotliDecompressSync(raw)
            : encoding === 'gzip'
              ? gunzipSync(raw)
              : raw;
        resolve({ wire: raw.length, body, encoding });
      });
    }).on('error', reject);
  });
}

/** A page and the scripts and stylesheets it links, measured on the wire (as the server sends them). */
async function weigh(origin: string, path: string) {
  const page = await download(`${origin}${path}`);
  const html = page.body.toString();
  const assets = [
    ...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="([^"]+\.(?:js|css))"/g),
  ].map((m) => m[1]!);
  const parts = [{ url: path, raw: page.body.length, gz: page.wire, encoding: page.encoding }];
  for (const url of new Set(assets)) {
    const a = await download(new URL(url, `${origin}${path}`).href);
    parts.push({ url, raw: a.body.length, gz: a.wire, encoding: a.encoding });
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
      `${r.label}: ${fmt(r.gz, 1)} KB on the wire${r.budget ? ` (budget ${BUDGET_KB} KB${r.gz > BUDGET_KB ? ', OVER' : ''})` : ''}`;
    return {
      name: 'pages',
      title: '4. Page weight',
      summary: rows.map(line),
      body: [
        'The HTML as served plus every script and stylesheet it links, counted as the bytes the server',
        'sends a browser that accepts brotli and gzip (pages gzip per response, assets precompressed).',
        '',
        '| page | resource | bytes | on the wire | encoding |',
        '|---|---|---:|---:|---|',
        ...rows.flatMap((r) =>
          r.parts.map(
            (p) =>
              `| ${r.label} | \`${p.url.replace(/\/s\/\w+/, '/s/:code')}\` | ${p.raw} | ${p.gz} | ${p.encoding} |`,
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
