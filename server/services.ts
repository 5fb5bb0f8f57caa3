import { SqliteAdapter } from 'kysely';
import type { Db, DbSource } from '../db/index.js';
import { createWriter, type Writer } from '../db/writer.js';
import { Counted, type Counting } from './counting/tally.js';
import { createLinkCache, type LinkCache } from './responses.js';
import { createSurveyDefinitions, type SurveyDefinitions } from './surveys.js';

/**
 * The server's long-lived state, one object per kind, made ONCE per database handle (by main,
 * createApp when not given, the tests) and handed to whoever needs it through AppDeps. Nothing
 * of this lives in a module-level registry: two apps on two handles never share it.
 */
export interface Services {
  /**
   * What readers of counters may rely on. Responses are counted in the commit that stores them,
   * so there is nothing left to count before a read (settle() resolves at once).
   */
  tally: Counting;
  /**
   * Stores submissions, batched, one commit per batch with their counts: a writer thread for a
   * SQLite file, this thread for ':memory:' and PostgreSQL (db/writer.ts).
   */
  writer: Writer;
  /** The one validated cache of stored questionnaire definitions. */
  surveys: SurveyDefinitions;
  /** Public link codes resolved lately (code → campaign and unit). */
  links: LinkCache;
}

/**
 * The services of one handle. Close them (closeServices) before the handle. Given the handle's
 * source (DbHandle.source), a SQLite file's submissions are written by a writer thread.
 */
export function createServices(db: Db, source: DbSource | null = null): Services {
  const surveys = createSurveyDefinitions(db);
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  return {
    surveys,
    tally: new Counted(),
    writer: createWriter(db, source, sqlite ? 'sqlite' : 'postgres'),
    links: createLinkCache(db),
  };
}

/** Writes what was handed over and stops the writer; the handle stays open. */
export async function closeServices(s: Pick<Services, 'tally' | 'writer'>): Promise<void> {
  await s.writer.close();
  await s.tally.close();
}

/** What a service that reads counters needs. */
export interface CountReader {
  db: Db;
  tally: Counting;
  surveys: SurveyDefinitions;
}
