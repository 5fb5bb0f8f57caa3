/**
 * What the rest of the server may rely on from the counting of stored responses. Since issue 20
 * a response is counted in the very transaction that stores it (db/repositories/submissions.ts:
 * the batch's counts are summed in memory and written to the leaf counters and every ancestor's
 * rollups before the one commit), so:
 *
 * - a response acknowledged is counted: the figures read after the acknowledgement include it,
 *   whichever server process stored it;
 * - nothing runs in the background and nothing is left uncounted, even after a crash (a
 *   response and its counts commit together or not at all).
 *
 * The interface stays for the readers that call settle() before reading; it resolves at once.
 */
export interface Counting {
  /** Resolves at once: every committed response is counted. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/** Counting done by the commit itself: nothing to settle, nothing to close. */
export class Counted implements Counting {
  settle(): Promise<void> {
    return Promise.resolve();
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}
