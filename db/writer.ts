import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Db, DbSource } from './index.js';
import { writeBatch, type WriteRecord, type WriteResult } from './repositories/submissions.js';

/**
 * The submissions' writer: takes validated records, writes the ones that arrive together in ONE
 * transaction with their counts (db/repositories/submissions.ts), and resolves each record's
 * promise only after that commit. Two implementations of the same interface:
 *
 * - a SQLite file: a worker thread (writer-worker.ts) owns a write connection (WAL,
 *   synchronous=FULL); the main thread only posts records and gets replies, so parsing the next
 *   requests never waits for a statement or a disk flush. The acknowledgement IS the worker's
 *   reply, sent after its commit returned: there is no path that acknowledges earlier.
 * - ':memory:' (which another thread cannot open) and PostgreSQL (the pool, which groups
 *   concurrent commits' flushes itself): the same batching in this thread.
 */
export interface Writer {
  write(record: WriteRecord): Promise<WriteResult>;
  /** Writes what was handed over, then stops (the worker closes its connection). */
  close(): Promise<void>;
}

/** Bounds the work (and the time) one commit holds before the next batch starts. */
export const MAX_BATCH = 256;

interface Pending {
  record: WriteRecord;
  resolve(v: WriteResult): void;
  reject(e: unknown): void;
}

/** The writer of one handle: a thread for a SQLite file, this thread otherwise. */
export function createWriter(
  db: Db,
  source: DbSource | null,
  dialect: 'sqlite' | 'postgres',
): Writer {
  if (dialect === 'sqlite' && source && process.env.HAILONG_WRITER !== 'inline')
    return new ThreadWriter(source);
  return new InlineWriter(db);
}

/** Batches in this thread: what arrives during one commit goes in the next. */
export class InlineWriter implements Writer {
  private queue: Pending[] = [];
  private draining: Promise<void> | null = null;

  constructor(private readonly db: Db) {}

  write(record: WriteRecord): Promise<WriteResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ record, resolve, reject });
      // After the current I/O phase, so the requests that arrived together share one commit.
      this.draining ??= new Promise<void>((done) => setImmediate(done)).then(() => this.drain());
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length) {
      const batch = this.queue.splice(0, MAX_BATCH);
      const outcomes = await writeBatch(
        this.db,
        batch.map((p) => p.record),
      ).catch((error: unknown) => batch.map(() => ({ ok: false as const, error })));
      batch.forEach((p, i) => {
        const o = outcomes[i]!;
        if (o.ok) p.resolve(o.value);
        else p.reject(o.error);
      });
    }
    this.draining = null;
  }

  async close(): Promise<void> {
    await this.draining;
  }
}

/** Messages to the worker and back. */
export type ToWriter = { seq: number; record: WriteRecord } | { close: true };
export type FromWriter =
  | { seq: number; ok: true; value: WriteResult }
  | { seq: number; ok: false; message: string }
  | { ready: true }
  | { failed: string };

/** The worker thread's side, seen from the main thread. */
class ThreadWriter implements Writer {
  private seq = 0;
  private waiting = new Map<number, Pending>();
  private worker: Promise<Worker>;
  private closing: Promise<void> | null = null;
  /** Set when the thread stopped or failed: later writes are refused, never left waiting. */
  private failed: unknown = null;

  constructor(source: DbSource) {
    this.worker = writerScript().then(
      (url) =>
        new Promise<Worker>((resolve, reject) => {
          const w = new Worker(url, { workerData: { source } });
          w.on('message', (m: FromWriter) => {
            if ('ready' in m) return resolve(w);
            if ('failed' in m) return reject(new Error(m.failed));
            const p = this.waiting.get(m.seq);
            if (!p) return;
            this.waiting.delete(m.seq);
            if (m.ok) p.resolve(m.value);
            else p.reject(new Error(m.message));
          });
          const fail = (e: unknown) => {
            this.failed ??= e;
            reject(e);
            for (const p of this.waiting.values()) p.reject(e);
            this.waiting.clear();
          };
          w.on('error', fail);
          w.on('exit', (code) => fail(new Error(`the writer thread stopped (${code})`)));
        }),
    );
    // Nothing waits for it yet: a failure is seen by the first write.
    this.worker.catch(() => {});
  }

  async write(record: WriteRecord): Promise<WriteResult> {
    if (this.closing) throw new Error('the writer is closed');
    const w = await this.worker;
    if (this.failed) throw this.failed;
    return new Promise<WriteResult>((resolve, reject) => {
      const seq = ++this.seq;
      this.waiting.set(seq, { record, resolve, reject });
      w.postMessage({ seq, record } satisfies ToWriter);
    });
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      const w = await this.worker.catch(() => null);
      if (!w) return;
      const exited = new Promise<void>((resolve) => w.once('exit', () => resolve()));
      w.postMessage({ close: true } satisfies ToWriter);
      await exited;
    })();
    return this.closing;
  }
}

/**
 * The worker's script, as the export's (server/reports/export-thread.ts): dist/db/writer-worker.js
 * in the production build; from the TypeScript sources, writer-worker.ts bundled once per
 * process by esbuild (its packages stay imports) under node_modules/.cache, named by content.
 */
let script: Promise<URL> | null = null;

function writerScript(): Promise<URL> {
  const built = new URL('./writer-worker.js', import.meta.url);
  if (import.meta.url.endsWith('.js') && existsSync(fileURLToPath(built)))
    return Promise.resolve(built);
  script ??= (async () => {
    const { build } = await import('esbuild');
    const out = await build({
      entryPoints: [fileURLToPath(new URL('./writer-worker.ts', import.meta.url))],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      write: false,
      logLevel: 'silent',
    });
    const code = out.outputFiles[0]!.contents;
    const dir = fileURLToPath(new URL('../node_modules/.cache/hai-long/', import.meta.url));
    const file = join(
      dir,
      `writer-worker-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`,
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
