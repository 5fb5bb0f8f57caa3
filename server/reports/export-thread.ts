import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Db, DbSource } from '../../db/index.js';
import { streamCampaignCsv, streamCampaignXlsx, type ExportInput } from './export-stream.js';

/**
 * The raw export, run off the main thread when it can be: formatting a million rows into CSV or
 * XLSX is seconds of CPU, and in the main thread every page of it delays the submissions and
 * dashboards waiting behind it (bench/, export benchmark). The worker opens the same database
 * itself, so it needs a database another thread can open (a file or PostgreSQL); an in-memory
 * SQLite database, or a caller inside a transaction, is exported in this thread.
 */

export type ExportFormat = 'csv' | 'xlsx';

/**
 * The worker's script. In the production build (npm start) it is dist/server/reports/
 * export-worker.js, compiled ahead beside this file. Run from the TypeScript sources (tests,
 * development), export-worker.ts is bundled once per process by esbuild (its packages stay
 * imports), written under node_modules/.cache so those imports resolve, named by its content so
 * processes never overwrite each other's. Plain JavaScript either way: a worker booting tsx
 * needed a loader thread of its own and about 60 MB more (bench/).
 */
let script: Promise<URL> | null = null;

export function workerScript(): Promise<URL> {
  const built = new URL('./export-worker.js', import.meta.url);
  if (import.meta.url.endsWith('.js') && existsSync(fileURLToPath(built)))
    return Promise.resolve(built);
  script ??= (async () => {
    const { build } = await import('esbuild');
    const out = await build({
      entryPoints: [fileURLToPath(new URL('./export-worker.ts', import.meta.url))],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      write: false,
      logLevel: 'silent',
    });
    const code = out.outputFiles[0]!.contents;
    // Beside the project's own packages (not the working directory's), so its imports resolve.
    const dir = fileURLToPath(new URL('../../node_modules/.cache/hai-long/', import.meta.url));
    const file = join(
      dir,
      `export-worker-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`,
    );
    if (!existsSync(file)) {
      mkdirSync(dir, { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, code);
      renameSync(tmp, file);
    }
    return pathToFileURL(file);
  })();
  script.catch(() => (script = null));
  return script;
}

export interface ExportJob {
  source: DbSource;
  format: ExportFormat;
  input: ExportInput;
}

export type FromWorker =
  { type: 'chunk'; data: ArrayBuffer } | { type: 'done' } | { type: 'error'; message: string };

export function exportStream(
  deps: { db: Db; source?: DbSource | null },
  format: ExportFormat,
  input: ExportInput,
): ReadableStream<Uint8Array> {
  if (!deps.source || deps.db.isTransaction) {
    return format === 'csv'
      ? streamCampaignCsv(deps.db, input)
      : streamCampaignXlsx(deps.db, input);
  }
  const job: ExportJob = { source: deps.source, format, input };
  let worker: Worker | null = null;
  let waiting: ((m: FromWorker) => void) | null = null;
  const settle = (m: FromWorker) => {
    const w = waiting;
    waiting = null;
    w?.(m);
  };
  const stop = () => {
    void worker?.terminate();
    worker = null;
  };
  return new ReadableStream<Uint8Array>({
    async start() {
      // A bounded heap: the export streams, so it never needs much; the server's budget is shared.
      worker = new Worker(await workerScript(), {
        workerData: job,
        resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 16 },
      });
      worker.on('message', settle);
      worker.on('error', (e: unknown) =>
        settle({ type: 'error', message: e instanceof Error ? e.message : String(e) }),
      );
      worker.on('exit', () => settle({ type: 'error', message: 'export worker stopped' }));
    },
    async pull(controller) {
      if (!worker) return controller.error(new Error('export worker stopped'));
      const m = await new Promise<FromWorker>((resolve) => {
        waiting = resolve;
        worker!.postMessage('pull');
      });
      if (m.type === 'chunk') return controller.enqueue(new Uint8Array(m.data));
      stop();
      if (m.type === 'done') controller.close();
      else controller.error(new Error(`export failed: ${m.message}`));
    },
    cancel() {
      stop();
    },
  });
}
