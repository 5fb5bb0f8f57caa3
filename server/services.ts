import { createGroupCommit, type GroupCommit } from '../db/group-commit.js';
import type { Db } from '../db/index.js';
import { Tally, type Counting } from './counting/tally.js';
import { createLinkCache, type LinkCache } from './responses.js';
import { createSurveyDefinitions, type SurveyDefinitions } from './surveys.js';

/**
 * The server's long-lived state, one object per kind, made ONCE per database handle (by main,
 * createApp when not given, the tests) and handed to whoever needs it through AppDeps. Nothing
 * of this lives in a module-level registry: two apps on two handles never share it.
 */
export interface Services {
  /** Counts stored responses into the counters; readers of counters call settle() first. */
  tally: Counting;
  /** Shares one durable commit among the submissions arriving together (SQLite). */
  commits: GroupCommit;
  /** The one validated cache of stored questionnaire definitions. */
  surveys: SurveyDefinitions;
  /** Public link codes resolved lately (code → campaign and unit). */
  links: LinkCache;
}

/** The services of one handle. Close them (closeServices) before the handle. */
export function createServices(db: Db): Services {
  const surveys = createSurveyDefinitions(db);
  return {
    surveys,
    tally: new Tally(db, (via, id, version) => surveys.get(id, version, via)),
    commits: createGroupCommit(db),
    links: createLinkCache(db),
  };
}

/** Stops the background work and counts what is left; the handle stays open. */
export async function closeServices(s: Pick<Services, 'tally'>): Promise<void> {
  await s.tally.close();
}

/** What a service that reads counters needs: it settles the tally before it reads. */
export interface CountReader {
  db: Db;
  tally: Counting;
  surveys: SurveyDefinitions;
}
