import type { Clock } from '../db/clock.js';
import type { Db } from '../db/index.js';
import { eraseExpiredContacts } from '../db/repositories/feedback.js';
import { settleCounts } from '../db/repositories/tally.js';
import { sweepExpiredWaits } from './feedback/waits.js';
import { seedDefaultHolidays } from './holidays.js';
import { syncSurveys } from './surveys.js';

/**
 * Work that must happen before serving, after migrations: each feature that needs it adds a
 * line here (e.g. loading the questionnaire definitions). A failure stops the start.
 */
export async function prepare(db: Db, clock: Clock): Promise<void> {
  await syncSurveys(db, clock);
  await seedDefaultHolidays(db);
  // Waits for the citizen that ran past their end while the server was stopped go back to staff.
  await sweepExpiredWaits(db, clock());
  await eraseExpiredContacts(db, clock().toISOString());
  // Responses stored but not yet counted when the last run stopped (a crash) are counted now.
  await settleCounts(db);
}
