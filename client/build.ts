import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/**
 * Builds the client bundles into dist/public (served under /assets) and prints each file's
 * gzipped size, so the respondent page's budget is visible on every build.
 */
export const OUT_DIR = 'dist/public';

/** Each entry: a small, separate bundle. Features add theirs here. */
export const ENTRIES: Record<string, string> = {
  dashboard: 'client/dashboard/main.tsx',
  'feedback-form': 'client/feedback/form.ts',
  kiosk: 'client/kiosk/main.ts',
  respondent: 'client/respondent/main.tsx',
};

/**
 * Writes `file.br` and `file.gz` beside each asset, at the highest levels (once, at build), so the
 * server sends them as they are (serveStatic's `precompressed`) instead of compressing per request.
 */
export function precompress(dir: string): void {
  for (const f of readdirSync(dir)) {
    if (!/\.(js|css|svg|html|json)$/.test(f)) continue;
    const body = readFileSync(join(dir, f));
    writeFileSync(
      join(dir, `${f}.br`),
      brotliCompressSync(body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 11,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      }),
    );
    writeFileSync(join(dir, `${f}.gz`), gzipSync(body, { level: 9 }));
  }
}

export async function buildClient(opts: { quiet?: boolean } = {}): Promise<Record<string, number>> {
  // A fresh directory: a stale .br beside a rebuilt file would be served in its place.
  rmSync(OUT_DIR, { recursive: true, force: true });
  mkdirSync(OUT_DIR, { recursive: true });
  await build({
    entryPoints: ENTRIES,
    outdir: OUT_DIR,
    bundle: true,
    minify: true,
    format: 'esm',
    // Old Android WebViews; no Safari 14 entry: esbuild cannot lower a destructuring bug of it.
    target: ['es2020', 'chrome80', 'firefox80'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    legalComments: 'none',
    logLevel: 'warning',
  });
  for (const f of readdirSync('client/styles'))
    copyFileSync(join('client/styles', f), join(OUT_DIR, f));
  precompress(OUT_DIR);
  // What goes on the wire: the brotli file to browsers that accept it (all current ones).
  const sizes: Record<string, number> = {};
  for (const f of readdirSync(OUT_DIR).sort()) {
    if (f.endsWith('.br')) sizes[f.slice(0, -3)] = readFileSync(join(OUT_DIR, f)).length;
  }
  if (!opts.quiet) {
    for (const [f, n] of Object.entries(sizes))
      console.log(`  ${f.padEnd(24)} ${(n / 1024).toFixed(1)} KB on the wire (brotli)`);
    const { measureRespondentPage, RESPONDENT_BUDGET_BYTES } =
      await import('../server/pages/respondent-budget.js');
    const r = await measureRespondentPage(OUT_DIR);
    const kb = (n: number) => (n / 1024).toFixed(1);
    console.log(
      `  respondent page (${r.survey}) on the wire: ${kb(r.total)} KB = HTML ${kb(r.html)} + JS ${kb(r.js)} + CSS ${kb(r.css)} (brotli); budget ${kb(RESPONDENT_BUDGET_BYTES)} KB`,
    );
  }
  return sizes;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, ''))) {
  await buildClient();
}
