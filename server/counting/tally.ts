import type { Db } from '../../db/index.js';
import {
  tallyAll,
  tallyPending,
  uncountedCheck,
  type DefinitionSource,
} from '../../db/repositories/tally.js';

/**
 * What the rest of the server may rely on from whoever counts stored responses into the
 * counters. The promise, whatever does the counting (today a background worker in this
 * process; issue 20 may count in the insert's own commit, or in a writer thread):
 *
 * - after `stored()` resolves, a `settle()` that starts afterwards includes that response:
 *   the figures read after it count it, whichever server process stored it;
 * - `stored()` never rejects (the response is durable; counting it is retried);
 * - after `close()` resolves nothing runs in the background, and what was stored is counted
 *   (best effort: it stays durable and uncounted otherwise, and the next start counts it).
 */
export interface Counting {
  /** A response was durably stored (its commit is done). */
  stored(): Promise<void>;
  /** Counts every response stored so far, by any process, before resolving. */
  settle(): Promise<void>;
  /** Stops background work and counts what is left. */
  close(): Promise<void>;
  /**
   * Looks for uncounted responses every `ms` whatever this process stored (several servers on
   * one PostgreSQL database). Returns the stop function; close() stops it too.
   */
  sweep(ms: number): () => void;
}

/**
 * Responses per tally transaction in the background: 3–5 ms of work each here. Submissions wait
 * behind a slice for the one connection, so longer slices lengthened their tail (bench/).
 */
export const SLICE = 8;
/** Uncounted responses of this process above which a submission waits for the tally. */
export const MAX_BACKLOG = 256;
/** Responses per transaction when a submission waits for the tally to catch up. */
const CATCH_UP = 32;
/** How long after a submission the background tally starts, gathering the ones that follow. */
const DELAY_MS = 5;

/**
 * The counting worker of one database handle: the background slices after submissions and the
 * settles of readers run one at a time, so a settle that returns has seen every response
 * acknowledged before it began. Created once (createServices) and closed by its owner.
 */
export class Tally implements Counting {
  /** True when a response may be uncounted: set by submissions, and on start (unknown). */
  private dirty = true;
  /** Responses this process stored and has not seen counted yet (an estimate, never below 0). */
  private backlog = 0;
  private running: Promise<void> = Promise.resolve();
  /** A settle waiting for its turn, which later readers join. */
  private queued: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private sweeps = new Set<NodeJS.Timeout>();
  private closed = false;

  constructor(
    private readonly db: Db,
    private readonly definitions: DefinitionSource,
  ) {}

  /** A response was stored: count it soon, in the background. */
  poke(): void {
    this.dirty = true;
    if (this.closed) return;
    this.timer ??= setTimeout(() => {
      this.timer = null;
      void this.exclusive(() => this.slice(SLICE)).catch((e: unknown) => {
        // The responses stay uncounted and durable; the next settle or submission retries.
        console.error('tally failed', e);
      });
    }, DELAY_MS);
    this.timer.unref();
  }

  /**
   * A response was stored. Under sustained load the background slices fall behind; past
   * MAX_BACKLOG the submission waits for one larger slice before it is acknowledged, so load is
   * held to the rate at which counting keeps up instead of leaving an ever longer backlog (and
   * dashboards ever further behind). A failure here is logged, never the submission's: its
   * response is stored.
   */
  async stored(): Promise<void> {
    this.backlog++;
    this.poke();
    if (this.backlog <= MAX_BACKLOG || this.closed) return;
    await this.exclusive(() => this.slice(CATCH_UP, true)).catch((e: unknown) =>
      console.error('tally failed', e),
    );
  }

  /**
   * Counts every response stored so far, by any process, before returning: one indexed look
   * when there is nothing to count. On PostgreSQL a response being counted by another server
   * is waited for (its rows are locked), so the figures read next include it.
   */
  settle(): Promise<void> {
    // Readers that ask together (an indices request reads several counters at once) share one
    // settle that has not started yet: it starts after all of them asked, so it covers them all.
    this.queued ??= this.exclusive(async () => {
      this.queued = null;
      if ((await uncountedCheck(this.db).executeTakeFirst()) === undefined) return;
      this.dirty = false;
      await tallyAll(this.db, this.definitions);
      this.backlog = 0;
    });
    return this.queued;
  }

  /** No more background work; what is stored is counted now (best effort: it is durable). */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const t of this.sweeps) clearInterval(t);
    this.sweeps.clear();
    await this.settle().catch(() => {});
  }

  sweep(ms: number): () => void {
    const timer = setInterval(() => this.poke(), ms);
    timer.unref();
    this.sweeps.add(timer);
    return () => {
      clearInterval(timer);
      this.sweeps.delete(timer);
    };
  }

  /** One short transaction; another is scheduled (after the requests waiting) if it was full. */
  private async slice(size: number, force = false): Promise<void> {
    if (!this.dirty && !force) return;
    this.dirty = false;
    const n = await tallyPending(this.db, size, { definitions: this.definitions });
    this.backlog = n < size ? 0 : Math.max(0, this.backlog - n);
    if (n === size) setImmediate(() => this.poke());
  }

  private exclusive(work: () => Promise<void>): Promise<void> {
    const next = this.running.then(work, work);
    this.running = next.catch(() => {});
    return next;
  }
}
