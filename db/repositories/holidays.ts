import type { Db } from '../index.js';

export interface HolidayRow {
  date: string;
  name: string;
  /** A default for a year not announced yet, until an admin edits that year. */
  estimated: boolean;
}

export interface WorkingDayRow {
  date: string;
  name: string;
}

export async function listHolidays(db: Db): Promise<HolidayRow[]> {
  const rows = await db
    .selectFrom('holidays')
    .select(['date', 'name', 'estimated'])
    .orderBy('date')
    .execute();
  return rows.map((r) => ({ date: r.date, name: r.name, estimated: Number(r.estimated) === 1 }));
}

export async function listWorkingDays(db: Db): Promise<WorkingDayRow[]> {
  return db.selectFrom('working_days').select(['date', 'name']).orderBy('date').execute();
}

/** The calendar in force, for the working-day arithmetic: days off and swapped working days. */
export async function holidaySet(db: Db): Promise<{ off: Set<string>; working: Set<string> }> {
  const [off, working] = await Promise.all([listHolidays(db), listWorkingDays(db)]);
  return { off: new Set(off.map((h) => h.date)), working: new Set(working.map((w) => w.date)) };
}

export async function countHolidays(db: Db): Promise<number> {
  const row = await db
    .selectFrom('holidays')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Replaces the days off; call inside a transaction so readers never see it half-written. */
export async function replaceHolidays(db: Db, rows: HolidayRow[]): Promise<void> {
  await db.deleteFrom('holidays').execute();
  if (rows.length) {
    await db
      .insertInto('holidays')
      .values(rows.map((r) => ({ date: r.date, name: r.name, estimated: r.estimated ? 1 : 0 })))
      .execute();
  }
}

/** Replaces the swapped working days; call inside a transaction. */
export async function replaceWorkingDays(db: Db, rows: WorkingDayRow[]): Promise<void> {
  await db.deleteFrom('working_days').execute();
  if (rows.length) await db.insertInto('working_days').values(rows).execute();
}

/** Inserts the defaults only when the table of days off is empty (first start); true when it did. */
export async function seedHolidaysIfEmpty(
  db: Db,
  rows: HolidayRow[],
  working: WorkingDayRow[] = [],
): Promise<boolean> {
  if ((await countHolidays(db)) > 0) return false;
  await db
    .insertInto('holidays')
    .values(rows.map((r) => ({ date: r.date, name: r.name, estimated: r.estimated ? 1 : 0 })))
    .onConflict((oc) => oc.column('date').doNothing())
    .execute();
  if (working.length) {
    await db
      .insertInto('working_days')
      .values(working)
      .onConflict((oc) => oc.column('date').doNothing())
      .execute();
  }
  return true;
}
