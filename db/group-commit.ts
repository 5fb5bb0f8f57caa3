import { CompiledQuery, SqliteAdapter } from 'kysely';
import type { Db } from './index.js';

/**
 * Group commit. On SQLite with synchronous=FULL every commit waits for the disk, and there is
 * one connection, so one transaction per submission caps throughput at one disk flush per
 * response. Here the transactions that arrive while a commit is pending are run one after the
 * other inside ONE transaction, each in its own savepoint (a failing one is rolled back alone),
 * and committed with one flush. Each caller's promise settles only after that commit: nothing
 * is acknowledged before it is durable. PostgreSQL commits concurrent transactions on separate
 * connections and groups their flushes itself, so there `run` is a plain transaction.
 */

type Work<T> = (trx: Db) => Promise<T>;
type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };
interface Job {
  work: Work<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/** Bounds the work (and the time) one commit holds before the next batch starts. */
export const MAX_BATCH = 128;

export interface GroupCommit {
  run<T>(work: Work<T>): Promise<T>;
}

/**
 * The group committer of a database handle. Create ONE per handle (createServices does) and
 * share it: submissions batch together only through the same committer.
 */
export function createGroupCommit(db: Db): GroupCommit {
  return db.getExecutor().adapter instanceof SqliteAdapter
    ? new Batcher(db)
    : { run: (work) => db.transaction().execute(work) };
}

class Batcher implements GroupCommit {
  private queue: Job[] = [];
  private draining = false;

  constructor(private readonly db: Db) {}

  run<T>(work: Work<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (v: unknown) => void, reject });
      if (this.draining) return;
      this.draining = true;
      // After the current I/O phase, so the requests that arrived together share one commit.
      setImmediate(() => void this.drain());
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length) await this.commit(this.queue.splice(0, MAX_BATCH));
    this.draining = false;
  }

  private async commit(batch: Job[]): Promise<void> {
    let outcomes: Outcome[];
    try {
      outcomes = await this.runAll(batch);
    } catch (error) {
      for (const job of batch) job.reject(error);
      return;
    }
    batch.forEach((job, i) => {
      const o = outcomes[i]!;
      if (o.ok) job.resolve(o.value);
      else job.reject(o.error);
    });
  }

  /** Every job in its own savepoint, then one commit; throws (after rolling back) if that fails. */
  private async runAll(batch: Job[]): Promise<Outcome[]> {
    const trx = await this.db.startTransaction().execute();
    // Plain statements, not the savepoint builder: a new builder object per job cost more than
    // SQLite's work for it (bench/).
    const run = (text: string) => trx.executeQuery(CompiledQuery.raw(text));
    try {
      const outcomes: Outcome[] = [];
      for (const job of batch) {
        await run('savepoint job');
        try {
          outcomes.push({ ok: true, value: await job.work(trx) });
        } catch (error) {
          await run('rollback to savepoint job');
          outcomes.push({ ok: false, error });
        }
        await run('release savepoint job');
      }
      await trx.commit().execute();
      return outcomes;
    } catch (error) {
      await trx
        .rollback()
        .execute()
        .catch(() => {});
      throw error;
    }
  }
}
