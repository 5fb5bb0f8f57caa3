import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import { systemClock } from '../db/clock.js';
import type { DbHandle } from '../db/index.js';
import { createApp } from './app.js';
import type { Config } from './config.js';
import { startSweeps } from './maintenance.js';
import { closeServices, createServices } from './services.js';
import { createNotifier } from './notifications/notifier.js';

/** How long a shutdown waits for requests in flight before closing their connections. */
const SHUTDOWN_GRACE_MS = 20_000;
const log = (line: string) => process.stdout.write(`${line}\n`);
const event = (msg: string, extra: Record<string, unknown> = {}) =>
  log(JSON.stringify({ time: new Date().toISOString(), level: 'info', msg, ...extra }));

export interface StartOptions {
  /** Called once the server listens, with the port it got (e.g. to print the demo sign-ins). */
  onListening?: (port: number) => void;
}

/**
 * Serves the app over a migrated and prepared database (the process entry, `cli/serve.ts`, does
 * both first): starts the background sweeps, listens on `config.port`, and on SIGTERM or SIGINT
 * drains and closes everything.
 */
export function startServer(handle: DbHandle, config: Config, options: StartOptions = {}): Server {
  // The long-lived state (the writer, its thread for a SQLite file, caches): made once here,
  // closed on shutdown.
  const services = createServices(handle.db, handle.source);
  const sweeps = startSweeps(handle.db, systemClock);
  // Citizens' e-mails and SMS: sent from the outbox in the background, never inside a request.
  const notifier = createNotifier({ db: handle.db, clock: systemClock, config });
  notifier.start();

  const lifecycle = { draining: false };
  const app = createApp({ ...handle, ...services, config, log, lifecycle, notifier });
  const server = serve({ fetch: app.fetch, port: config.port }, (info) => {
    console.log(
      `Hài Lòng is serving on http://localhost:${info.port}/  (database: ${handle.dialect})`,
    );
    options.onListening?.(info.port);
  }) as Server;

  /**
   * SIGTERM (a deploy, systemd, Docker) or SIGINT: stop taking connections, let the requests in
   * flight finish (a submission being stored is answered, not cut), then stop the writer and
   * close the database. Connections still busy after the grace period are closed.
   */
  async function shutdown(signal: string): Promise<void> {
    if (lifecycle.draining) return;
    lifecycle.draining = true;
    event('shutting down', { signal });
    sweeps.stop();
    await notifier.stop();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const grace = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
    grace.unref();
    await closed;
    clearTimeout(grace);
    await closeServices(services); // writes what was handed over, stops the writer thread
    await handle.close();
    event('stopped');
    process.exit(0);
  }

  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => void shutdown(sig));
  return server;
}
