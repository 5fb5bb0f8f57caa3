import type { Clock } from '../db/clock.js';
import type { Db, DbSource, Dialect } from '../db/index.js';
import type { Unit, User } from '../db/schema.js';
import type { HashGate } from './auth/hash-gate.js';
import type { Config } from './config.js';
import type { LogSink } from './middleware/request-log.js';
import type { Services } from './services.js';
import type { Notifier } from './notifications/notifier.js';

/**
 * What the app is built from: no module-level singletons, so tests pass their own. The
 * long-lived state (Services: the writer, the definition and link caches)
 * is made once per handle by createServices; createApp makes it when the caller did not.
 */
export interface AppDeps extends Services {
  db: Db;
  dialect: Dialect;
  /** Where a worker thread opens the same database (exports); null or absent: in this thread. */
  source?: DbSource | null;
  clock: Clock;
  config: Config;
  /** Bounds the password hashing running at once (sign-ins); made by createApp when absent. */
  hashGate: HashGate;
  /** Request log lines (one JSON object each); absent: no request log (tests). */
  log?: LogSink;
  /** Sends the outbox (citizens' e-mails and SMS); made by createApp when absent, started by main. */
  notifier: Notifier;
  /** Set by main on SIGTERM: /readyz answers 503 so a proxy stops sending new requests. */
  lifecycle?: { draining: boolean };
}

export interface StaffScope {
  user: User;
  /** The user's own unit: the root of everything the user may see. */
  root: Unit;
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    staff: StaffScope;
  };
}
