import type { Clock } from '../db/clock.js';
import type { Db } from '../db/index.js';
import { seedDefaultHolidays } from './holidays.js';
import { sweep } from './maintenance.js';
import { syncSurveys } from './surveys.js';

/**
 * Work that must happen before serving, after migrations: each feature that needs it adds a
 * line here (e.g. loading the questionnaire definitions). A failure stops the start.
 */
export async function prepare(db: Db, clock: Clock): Promise<void> {
  await syncSurveys(db, clock);
  await seedDefaultHolidays(db);
  await sweep(db, clock());
}
