import type { Clock } from '../db/clock.js';
import type { Db } from '../db/index.js';

/**
 * Work that must happen before serving, after migrations: each feature that needs it adds a
 * line here (e.g. loading the questionnaire definitions). A failure stops the start.
 */
export async function prepare(_db: Db, _clock: Clock): Promise<void> {}
