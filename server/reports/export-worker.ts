import { parentPort, workerData } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { createDb, isPostgresUrl } from '../../db/index.js';
import type { ExportJob, FromWorker } from './export-thread.js';
import { streamCampaignCsv, streamCampaignXlsx } from './export-stream.js';

/**
 * The raw export in a worker thread (export-thread.ts starts it): its own database connection,
 * the same streaming code as in the main thread, one chunk sent per chunk asked for.
 */
const job = workerData as ExportJob;
const port = parentPort!;
// Open, never create: a missing file is an error here, not a new empty database.
if (!isPostgresUrl(job.source.url) && !existsSync(job.source.url))
  throw new Error(`no database at ${job.source.url}`);
// A sequential read needs no large page cache (SQLite's default 2 MiB).
const handle = createDb(job.source.url, { searchPath: job.source.searchPath, cacheMb: 2 });
const stream =
  job.format === 'csv'
    ? streamCampaignCsv(handle.db, job.input)
    : streamCampaignXlsx(handle.db, job.input);
const reader = stream.getReader();

const send = (m: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);

port.on('message', () => {
  void (async () => {
    try {
      const next = await reader.read();
      if (next.done) {
        // This thread's own handle: no services (no tally) were made on it, only the pool closes.
        await handle.close();
        return send({ type: 'done' });
      }
      // A chunk may be a view into a shared pool: send a copy that owns its memory.
      const own =
        next.value.byteOffset === 0 && next.value.byteLength === next.value.buffer.byteLength
          ? next.value
          : next.value.slice();
      send({ type: 'chunk', data: own.buffer as ArrayBuffer }, [own.buffer as ArrayBuffer]);
    } catch (e) {
      send({ type: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  })();
});
