import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  rmSync,
  symlinkSync,
  cpSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { build } from 'esbuild';
import { buildClient } from '../client/build.js';

/**
 * The production build (`npm run build`, run by `npm start`): the client bundles into
 * dist/public, and the command-line entries, server, database code, questionnaires and the
 * export worker compiled file by file into dist/ (same layout as the sources, so relative imports and the worker's
 * `new URL('./export-worker.js', import.meta.url)` hold). `npm start` then runs plain Node on
 * dist/cli/serve.js: no tsx, no esbuild, nothing compiled at a request.
 */
export const DIST = 'dist';
const SOURCES = ['cli', 'server', 'db', 'surveys'];

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return tsFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && p !== 'server/compile.ts'
      ? [p]
      : [];
  });
}

export async function buildServer(): Promise<number> {
  for (const s of SOURCES) rmSync(join(DIST, s), { recursive: true, force: true });
  const entryPoints = SOURCES.flatMap(tsFiles);
  await build({
    entryPoints,
    outdir: DIST,
    outbase: '.',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
  });
  // The questionnaires stay where people edit them: dist/ points at them rather than copying.
  const defs = join(DIST, 'surveys', 'definitions');
  mkdirSync(dirname(defs), { recursive: true });
  if (!existsSync(defs) && !isLink(defs)) {
    try {
      symlinkSync(relative(dirname(defs), 'surveys/definitions'), defs, 'dir');
    } catch {
      cpSync('surveys/definitions', defs, { recursive: true }); // a file system without links
    }
  }
  return entryPoints.length;
}

function isLink(p: string): boolean {
  try {
    return lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

if (process.argv[1]?.endsWith('server/compile.ts')) {
  await buildClient();
  const n = await buildServer();
  console.log(
    `  server: ${n} files compiled into ${DIST}/ (start with: node ${DIST}/cli/serve.js)`,
  );
}
