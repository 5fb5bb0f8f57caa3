import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

// The durable floor (issue 20): the same framework and server parsing the same JSON, storing
// each body durably as ONE row through a writer thread that owns the SQLite connection (WAL,
// synchronous=FULL, group commit: what arrives during a commit goes in the next), answering 201
// after the commit. No validation, no idempotency, no counting: the least a durable write costs
// here, the yardstick of the real route (bench/benchmarks/submit.ts).

const dir = mkdtempSync(join(tmpdir(), 'hl-floor-'));
const file = join(dir, 'floor.db');

const worker = new Worker(
  `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require('better-sqlite3');
const db = new Database(workerData.file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec('create table if not exists bodies (client_id text primary key, body text not null)');
const insert = db.prepare('insert into bodies (client_id, body) values (?, ?) on conflict do nothing');
const commit = db.transaction((batch) => { for (const m of batch) insert.run(m.clientId, m.body); });
let queue = [];
let scheduled = false;
parentPort.on('message', (m) => {
  queue.push(m);
  if (scheduled) return;
  scheduled = true;
  setImmediate(() => {
    scheduled = false;
    const batch = queue;
    queue = [];
    commit(batch);
    parentPort.postMessage(batch.map((m) => m.seq));
  });
});
`,
  { eval: true, workerData: { file } },
);

let seq = 0;
const waiting = new Map<number, () => void>();
worker.on('message', (done: number[]) => {
  for (const s of done) {
    waiting.get(s)?.();
    waiting.delete(s);
  }
});
const store = (clientId: string, body: string) =>
  new Promise<void>((resolve) => {
    const s = ++seq;
    waiting.set(s, resolve);
    worker.postMessage({ seq: s, clientId, body });
  });

const app = new Hono().post('/api/public/forms/:code/responses', async (c) => {
  const body = await c.req.json<{ clientId: string; answers: unknown }>();
  await store(body.clientId, JSON.stringify(body.answers));
  return c.json({ id: body.clientId }, 201);
});
serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  console.log(`READY ${JSON.stringify({ origin: `http://127.0.0.1:${info.port}` })}`);
});
process.on('SIGTERM', () => {
  void worker.terminate().then(() => {
    rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  });
});
