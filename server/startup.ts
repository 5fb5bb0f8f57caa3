import type { Clock } from '../db/clock.js';
import type { Db } from '../db/index.js';
import { tallyAll } from '../db/repositories/tally.js';
import { seedDefaultHolidays } from './holidays.js';
import { sweep } from './maintenance.js';
import { getDefinition, syncSurveys } from './surveys.js';

/**
 * Work that must happen before serving, after migrations: each feature that needs it adds a
 * line here (e.g. loading the questionnaire definitions). A failure stops the start.
 */
export async function prepare(db: Db, clock: Clock): Promise<void> {
  await syncSurveys(db, clock);
  await seedDefaultHolidays(db);
  await sweep(db, clock());
  // Responses stored but not yet counted when the last run stopped (a crash) are counted now,
  // before any tally or reader exists: a write at start-up, not hidden in a read.
  await tallyAll(db, (via, id, version) => getDefinition(via, id, version));
}
