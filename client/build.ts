import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
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
  respondent: 'client/respondent/main.tsx',
};

export async function buildClient(opts: { quiet?: boolean } = {}): Promise<Record<string, number>> {
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
  for (const f of readdirSync('client/styles')) copyFileSync(join('client/styles', f), join(OUT_DIR, f));
  const sizes: Record<string, number> = {};
  for (const f of readdirSync(OUT_DIR).sort()) {
    sizes[f] = gzipSync(readFileSync(join(OUT_DIR, f)), { level: 9 }).length;
  }
  if (!opts.quiet) {
    for (const [f, n] of Object.entries(sizes)) console.log(`  ${f.padEnd(24)} ${(n / 1024).toFixed(1)} KB gzipped`);
    const { measureRespondentPage, RESPONDENT_BUDGET_BYTES } = await import('../server/pages/respondent-budget.js');
    const r = await measureRespondentPage(OUT_DIR);
    const kb = (n: number) => (n / 1024).toFixed(1);
    console.log(`  respondent page (${r.survey}): ${kb(r.total)} KB gzipped = HTML ${kb(r.html)} + JS ${kb(r.js)} + CSS ${kb(r.css)}; budget ${kb(RESPONDENT_BUDGET_BYTES)} KB`);
  }
  return sizes;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, ''))) {
  await buildClient();
}
