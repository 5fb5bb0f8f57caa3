import type { Db } from '../../db/index.js';
import {
  getLoginAttempt,
  insertLoginAttemptIfAbsent,
  replaceLoginAttempt,
  type LoginAttempt,
} from '../../db/repositories/sessions.js';

/**
 * Sign-in throttling: each attempt is counted (as if it failed) before its password is checked,
 * by a compare-and-set on the attempt row, so a burst of parallel guesses cannot all slip past a
 * check that read the row before any of them was counted. After `free` attempts each further one
 * must wait a doubling delay (1 s, 2 s, 4 s… up to 15 minutes): guessing becomes hopeless while a
 * person who mistyped a few times barely notices, and nobody is shut out for long by a stranger.
 */
export interface ThrottlePolicy {
  /** Attempts allowed back to back before the delay starts. */
  free: number;
  maxDelayMs: number;
  /** Counting starts over this long after the first counted attempt (when no delay is in force). */
  windowMs: number;
}

export const ACCOUNT_POLICY: ThrottlePolicy = {
  free: 3,
  maxDelayMs: 15 * 60_000,
  windowMs: 24 * 3600_000,
};
/** Higher: a school's staff share one address. */
export const ADDRESS_POLICY: ThrottlePolicy = {
  free: 20,
  maxDelayMs: 15 * 60_000,
  windowMs: 24 * 3600_000,
};

export function delayAfter(policy: ThrottlePolicy, attempts: number): number {
  if (attempts < policy.free) return 0;
  return Math.min(1000 * 2 ** (attempts - policy.free), policy.maxDelayMs);
}

export type Claim = { ok: true } | { ok: false; retryAt: string };

function next(policy: ThrottlePolicy, seen: LoginAttempt | undefined, now: Date): LoginAttempt {
  const fresh = !seen || now.getTime() - Date.parse(seen.firstFailureAt) > policy.windowMs;
  const failures = fresh ? 1 : seen.failures + 1;
  const delay = delayAfter(policy, failures);
  return {
    failures,
    firstFailureAt: fresh ? now.toISOString() : seen.firstFailureAt,
    lockedUntil: delay ? new Date(now.getTime() + delay).toISOString() : null,
  };
}

/** Counts one attempt under `key`, or says when the next one is allowed. Atomic across processes. */
export async function claimAttempt(
  db: Db,
  key: string,
  policy: ThrottlePolicy,
  now: Date,
): Promise<Claim> {
  const at = now.toISOString();
  for (let tries = 0; tries < 50; tries++) {
    const seen = await getLoginAttempt(db, key);
    if (seen?.lockedUntil && seen.lockedUntil > at) return { ok: false, retryAt: seen.lockedUntil };
    const moved = seen
      ? await replaceLoginAttempt(db, key, seen, next(policy, seen, now))
      : await insertLoginAttemptIfAbsent(db, key, next(policy, undefined, now));
    if (moved) return { ok: true };
  }
  return { ok: false, retryAt: at }; // lost every race: refusing is the safe side
}
