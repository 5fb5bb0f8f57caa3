import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import { systemClock } from '../db/clock.js';
import { createDb, migrateToLatest } from '../db/index.js';
import { sweepCounts } from '../db/repositories/tally.js';
import { seedDemo } from '../db/seed/demo.js';
import { DEMO_USERS } from '../db/seed/units.js';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { startSweeps } from './maintenance.js';
import { createNotifier } from './notifications/notifier.js';
import { prepare } from './startup.js';

/** How long a shutdown waits for requests in flight before closing their connections. */
const SHUTDOWN_GRACE_MS = 20_000;
const log = (line: string) => process.stdout.write(`${line}\n`);
const event = (msg: string, extra: Record<string, unknown> = {}) =>
  log(JSON.stringify({ time: new Date().toISOString(), level: 'info', msg, ...extra }));

const config = loadConfig();
const handle = createDb(config.databaseUrl);
const applied = await migrateToLatest(handle.db);
if (applied.length) console.log(`migrated: ${applied.join(', ')}`);
await prepare(handle.db, systemClock);
if (config.seedDemo) {
  const seeded = await seedDemo(
    { db: handle.db, clock: systemClock, password: config.demoPassword },
    console.log,
  );
  if (seeded) console.log('empty database: filled with the demo data');
}

// Several servers may share one PostgreSQL database: pick up what a stopped one left uncounted.
const stopCountSweep = handle.dialect === 'postgres' ? sweepCounts(handle.db, 5_000) : () => {};
const sweeps = startSweeps(handle.db, systemClock);

const lifecycle = { draining: false };
// Citizens' e-mails and SMS: sent from the outbox in the background, never inside a request.
const notifier = createNotifier({ db: handle.db, clock: systemClock, config });
notifier.start();
const app = createApp({ ...handle, config, log, lifecycle, notifier });
const server = serve({ fetch: app.fetch, port: config.port }, (info) => {
  console.log(
    `Hài Lòng is serving on http://localhost:${info.port}/  (database: ${handle.dialect})`,
  );
  if (config.seedDemo) {
    console.log(
      `  demo sign-in at http://localhost:${info.port}/app — password "${config.demoPassword}":`,
    );
    for (const u of DEMO_USERS) console.log(`    ${u.email.padEnd(18)} ${u.name} (${u.role})`);
  }
}) as Server;

/**
 * SIGTERM (a deploy, systemd, Docker) or SIGINT: stop taking connections, let the requests in
 * flight finish (a submission being stored is answered, not cut), then count what is left and
 * close the database. Connections still busy after the grace period are closed.
 */
async function shutdown(signal: string): Promise<void> {
  if (lifecycle.draining) return;
  lifecycle.draining = true;
  event('shutting down', { signal });
  sweeps.stop();
  stopCountSweep();
  await notifier.stop();
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const grace = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
  grace.unref();
  await closed;
  clearTimeout(grace);
  await handle.close();
  event('stopped');
  process.exit(0);
}

for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => void shutdown(sig));
