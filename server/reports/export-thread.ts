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
 * The worker's first module: the worker is TypeScript, run through tsx as the server itself is,
 * so it registers tsx's loader in its own thread and then imports the export code.
 */
const BOOT = new URL(
  `data:text/javascript,${encodeURIComponent(
    `import { register } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))};
register();
await import(${JSON.stringify(new URL('./export-worker.ts', import.meta.url).href)});`,
  )}`,
);

export interface ExportJob {
  source: DbSource;
  format: ExportFormat;
  input: ExportInput;
}

export type FromWorker = { type: 'chunk'; data: ArrayBuffer } | { type: 'done' } | { type: 'error'; message: string };

export function exportStream(
  deps: { db: Db; source?: DbSource | null },
  format: ExportFormat,
  input: ExportInput,
): ReadableStream<Uint8Array> {
  if (!deps.source || deps.db.isTransaction) {
    return format === 'csv' ? streamCampaignCsv(deps.db, input) : streamCampaignXlsx(deps.db, input);
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
    start() {
      worker = new Worker(BOOT, { workerData: job });
      worker.on('message', settle);
      worker.on('error', (e: unknown) => settle({ type: 'error', message: e instanceof Error ? e.message : String(e) }));
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
