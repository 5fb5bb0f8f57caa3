import { holidaySet, replaceHolidays, listHolidays, seedHolidaysIfEmpty, type HolidayRow } from '../db/repositories/holidays.js';
import type { Db } from '../db/index.js';

function range(from: string, to: string, name: string): HolidayRow[] {
  const out: HolidayRow[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    out.push({ date: new Date(t).toISOString().slice(0, 10), name });
  }
  return out;
}

/**
 * Defaults for a fresh install: Vietnam's public holidays (Labour Code 2019, art. 112) and the
 * Tết breaks for civil servants. Tết and the bridging days are announced every year, so these
 * are data that the Department admin edits (PUT /api/holidays), not rules in code.
 * - 2026: Tết Bính Ngọ 14–22/2 (announced, 9 days); Hùng Kings 10/3 lunar = Sun 26/4, made up
 *   on Mon 27/4; National Day 2/9 plus the adjacent 1/9.
 * - 2027: Tết Đinh Mùi falls on Sat 6/2; until the break is announced the default is the five
 *   statutory days (5/2–9/2) plus two days made up for the weekend (10–11/2). Hùng Kings =
 *   Fri 16/4; 1/5 is a Saturday, made up on Mon 3/5; 2/9 plus the adjacent Fri 3/9.
 */
export const DEFAULT_HOLIDAYS: HolidayRow[] = [
  { date: '2026-01-01', name: 'Tết Dương lịch' },
  ...range('2026-02-14', '2026-02-22', 'Tết Nguyên đán Bính Ngọ'),
  { date: '2026-04-26', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' },
  { date: '2026-04-27', name: 'Nghỉ bù Giỗ Tổ Hùng Vương' },
  { date: '2026-04-30', name: 'Ngày Giải phóng miền Nam' },
  { date: '2026-05-01', name: 'Ngày Quốc tế Lao động' },
  { date: '2026-09-01', name: 'Quốc khánh (ngày liền kề)' },
  { date: '2026-09-02', name: 'Quốc khánh' },
  { date: '2027-01-01', name: 'Tết Dương lịch' },
  ...range('2027-02-05', '2027-02-11', 'Tết Nguyên đán Đinh Mùi (dự kiến)'),
  { date: '2027-04-16', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' },
  { date: '2027-04-30', name: 'Ngày Giải phóng miền Nam' },
  { date: '2027-05-01', name: 'Ngày Quốc tế Lao động' },
  { date: '2027-05-03', name: 'Nghỉ bù Ngày Quốc tế Lao động' },
  { date: '2027-09-02', name: 'Quốc khánh' },
  { date: '2027-09-03', name: 'Quốc khánh (ngày liền kề)' },
];

/** Called from prepare(): fills the defaults on first start, never overwrites an edited list. */
export async function seedDefaultHolidays(db: Db): Promise<boolean> {
  return seedHolidaysIfEmpty(db, DEFAULT_HOLIDAYS);
}

/** Replaces the list by dates; a date already known keeps its name, a new one gets `names[d]`. */
export async function setHolidayDates(db: Db, dates: string[], names: Record<string, string> = {}): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const known = new Map((await listHolidays(trx)).map((h) => [h.date, h.name]));
    const unique = [...new Set(dates)].sort();
    await replaceHolidays(
      trx,
      unique.map((date) => ({ date, name: names[date] ?? known.get(date) ?? 'Ngày nghỉ' })),
    );
  });
}

export { holidaySet, listHolidays };
