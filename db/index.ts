import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import {
  Kysely,
  Migrator,
  PostgresAdapter,
  PostgresDialect,
  SqliteDialect,
  sql,
  type MigrationResultSet,
  type SqliteDatabase,
} from 'kysely';
import pg from 'pg';
import { migrations } from './migrations/index.js';
import type { Database } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;

export interface DbHandle {
  db: Db;
  dialect: Dialect;
  /** How another thread opens the same database (createDb's arguments); null for ':memory:'. */
  source: DbSource | null;
  /**
   * SQLite only: the whole database as bytes (better-sqlite3's serialize), which
   * `createDb(':memory:', { image })` opens again as an independent in-memory copy. Tests build
   * one migrated database and clone it instead of migrating again for every test.
   */
  serialize?: () => Buffer;
  /**
   * Closes the database, even one never queried. Close the server's services on it first
   * (server/services.ts): the tally counts what is left through this handle.
   */
  close(): Promise<void>;
}

export interface DbSource {
  url: string;
  searchPath?: string;
}

export const DEFAULT_DATABASE_URL = 'data/hailong.db';

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

/**
 * Opens the database named by a DATABASE_URL: a SQLite path, ':memory:', or postgres://….
 * SQLite runs in WAL mode with synchronous=FULL, so a write acknowledged to a client survives
 * a crash or power loss.
 */
export function createDb(
  url: string = DEFAULT_DATABASE_URL,
  opts: { searchPath?: string; cacheMb?: number; image?: Buffer } = {},
): DbHandle {
  if (isPostgresUrl(url)) {
    // count(*) and bigint come back as strings by default; our counts fit in a double.
    pg.types.setTypeParser(20, (v) => Number(v));
    const pool = new pg.Pool({
      connectionString: url,
      max: 10,
      ...(opts.searchPath ? { options: `-c search_path=${opts.searchPath}` } : {}),
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const source = { url, ...(opts.searchPath ? { searchPath: opts.searchPath } : {}) };
    const close = async () => {
      await db.destroy();
      if (!pool.ending && !pool.ended) await pool.end(); // a pool Kysely never used is not ended by destroy()
    };
    return { db, dialect: 'postgres', source, close };
  }
  if (opts.image && url !== ':memory:') throw new Error('an image opens only as :memory:');
  if (url !== ':memory:') mkdirSync(dirname(url), { recursive: true });
  const sqlite = new SQLite(opts.image ?? url);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // 16 MiB of pages (SQLite's default is 2 MiB): the counters and units that every dashboard
  // read walks stay in memory at a million responses, within the 256 MB budget (bench/).
  sqlite.pragma(`cache_size = -${(opts.cacheMb ?? 16) * 1024}`);
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: cachingStatements(sqlite) }),
  });
  return {
    db,
    dialect: 'sqlite',
    source: url === ':memory:' ? null : { url },
    serialize: () => sqlite.serialize(),
    close: async () => {
      await db.destroy();
      if (sqlite.open) sqlite.close(); // a handle Kysely never used is not closed by destroy()
    },
  };
}

/**
 * Kysely's SQLite driver prepares every query anew; preparing cost more than running the hot
 * queries (bench/). This keeps the most recently used statements by SQL text and hands them out
 * again, unless one is still being iterated (a streamed query), which needs its own.
 */
function cachingStatements(sqlite: SQLite.Database, max = 256): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare: (text) => {
      const hit = cache.get(text);
      if (hit && !hit.busy) {
        cache.delete(text); // re-insert: Map order is the LRU order
        cache.set(text, hit);
        return hit;
      }
      const stmt = sqlite.prepare(text);
      if (hit) return stmt;
      cache.set(text, stmt);
      if (cache.size > max) cache.delete(cache.keys().next().value!);
      return stmt;
    },
  };
}

/**
 * Kysely looks for its bookkeeping tables in every schema unless told which one; on a server
 * shared by several databases (one schema per test run) it would find another's and fail. Name
 * the schema this connection works in.
 */
async function migrator(db: Db): Promise<Migrator> {
  let migrationTableSchema: string | undefined;
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    const row = await sql<{ s: string }>`select current_schema() as s`.execute(db);
    migrationTableSchema = row.rows[0]?.s;
  }
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(migrationTableSchema ? { migrationTableSchema } : {}),
  });
}

function check(result: MigrationResultSet): MigrationResultSet {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const err = result.error instanceof Error ? result.error : new Error(String(result.error));
    err.message = `migration ${failed?.migrationName ?? '?'} failed: ${err.message}`;
    throw err;
  }
  return result;
}

/** Brings the schema to the latest migration; returns the names applied now. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const result = check(await (await migrator(db)).migrateToLatest());
  return (result.results ?? []).map((r) => r.migrationName);
}

/** Undoes every migration (tests of the `down` steps). */
export async function migrateAllDown(db: Db): Promise<void> {
  const m = await migrator(db);
  for (;;) {
    const result = check(await m.migrateDown());
    if (!result.results?.length) return;
  }
}
