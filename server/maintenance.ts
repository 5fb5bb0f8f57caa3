import type { Clock } from '../db/clock.js';
import type { Db } from '../db/index.js';
import { eraseExpiredContacts } from '../db/repositories/feedback.js';
import { eraseExpiredDialogueContacts } from '../db/repositories/dialogues.js';
import { sweepExpiredWaits } from './feedback/waits.js';
import {
  deleteExpiredSessions,
  deleteStaleKnownSignIns,
  deleteStaleLoginAttempts,
} from '../db/repositories/sessions.js';

export const SWEEP_EVERY_MS = 60 * 60_000;
const DAY = 86_400_000;

/**
 * Housekeeping that must keep happening while the server runs for months, not only at start:
 * contact details past their 24-month retention are erased, expired sessions and old sign-in
 * counters purged, a device or address unused for a year is no longer "known", and a wait for
 * the citizen past its 15 working days goes back to staff. Reads never write: until this runs
 * they show such an item as it will be stored (server/feedback/waits.ts `waitReturns`); a
 * staff move on the item sweeps it first.
 */
export async function sweep(db: Db, now: Date): Promise<{ contactsErased: number }> {
  const at = now.toISOString();
  await sweepExpiredWaits(db, now);
  const contactsErased = await eraseExpiredContacts(db, at);
  await eraseExpiredDialogueContacts(db, at);
  await deleteExpiredSessions(db, at);
  await deleteStaleLoginAttempts(db, at, new Date(now.getTime() - DAY).toISOString());
  await deleteStaleKnownSignIns(db, new Date(now.getTime() - 365 * DAY).toISOString());
  return { contactsErased };
}

/**
 * Runs `sweep` every `everyMs` (hourly) until stopped; a failed sweep is logged and retried next
 * time. `settled()` resolves when the sweep under way (if any) has finished.
 */
export function startSweeps(
  db: Db,
  clock: Clock,
  everyMs = SWEEP_EVERY_MS,
): { stop(): void; settled(): Promise<void> } {
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    running ??= sweep(db, clock())
      .then(() => undefined)
      .catch((e: unknown) =>
        console.error(JSON.stringify({ level: 'error', msg: 'sweep failed', error: String(e) })),
      )
      .finally(() => (running = null));
  }, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer), settled: async () => void (await running) };
}
