import { parentPort, workerData } from 'node:worker_threads';
import { createDb, type DbSource } from './index.js';
import { writeBatch } from './repositories/submissions.js';
import { MAX_BATCH, type FromWriter, type ToWriter } from './writer.js';

/**
 * The writer thread (db/writer.ts): owns one write connection to the SQLite file (WAL,
 * synchronous=FULL, as createDb opens it). Records that arrive while a batch commits form the
 * next batch; each reply is posted after the commit that made its record durable.
 */

const port = parentPort!;
const { source } = workerData as { source: DbSource };
const handle = createDb(source.url);
const queue: Extract<ToWriter, { seq: number }>[] = [];
let draining = false;
let closing = false;

const reply = (m: FromWriter) => port.postMessage(m);

async function drain(): Promise<void> {
  while (queue.length) {
    const batch = queue.splice(0, MAX_BATCH);
    const outcomes = await writeBatch(
      handle.db,
      batch.map((b) => b.record),
    ).catch((error: unknown) => batch.map(() => ({ ok: false as const, error })));
    batch.forEach((b, i) => {
      const o = outcomes[i]!;
      if (o.ok) reply({ seq: b.seq, ok: true, value: o.value });
      else
        reply({ seq: b.seq, ok: false, message: String((o.error as Error)?.message ?? o.error) });
    });
  }
  draining = false;
  if (closing) await stop();
}

async function stop(): Promise<void> {
  await handle.close();
  port.close();
}

port.on('message', (m: ToWriter) => {
  if ('close' in m) {
    closing = true;
    if (!draining) void stop();
    return;
  }
  queue.push(m);
  if (draining) return;
  draining = true;
  // Messages that arrived together are delivered before this runs: they share the commit.
  setImmediate(() => void drain());
});

reply({ ready: true });
