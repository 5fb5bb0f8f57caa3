import type { Db } from '../index.js';

export interface HolidayRow {
  date: string;
  name: string;
}

export async function listHolidays(db: Db): Promise<HolidayRow[]> {
  return db.selectFrom('holidays').select(['date', 'name']).orderBy('date').execute();
}

/** The holiday dates as a set, for the working-day arithmetic. */
export async function holidaySet(db: Db): Promise<Set<string>> {
  return new Set((await listHolidays(db)).map((h) => h.date));
}

export async function countHolidays(db: Db): Promise<number> {
  const row = await db
    .selectFrom('holidays')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Replaces the whole list; call inside a transaction so readers never see it half-written. */
export async function replaceHolidays(db: Db, rows: HolidayRow[]): Promise<void> {
  await db.deleteFrom('holidays').execute();
  if (rows.length) await db.insertInto('holidays').values(rows).execute();
}

/** Inserts the defaults only when the table is empty (first start); true when it did. */
export async function seedHolidaysIfEmpty(db: Db, rows: HolidayRow[]): Promise<boolean> {
  if ((await countHolidays(db)) > 0) return false;
  await db
    .insertInto('holidays')
    .values(rows)
    .onConflict((oc) => oc.column('date').doNothing())
    .execute();
  return true;
}
