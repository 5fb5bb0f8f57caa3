import {
  holidaySet,
  listHolidays,
  listWorkingDays,
  replaceHolidays,
  replaceWorkingDays,
  seedHolidaysIfEmpty,
  type HolidayRow,
  type WorkingDayRow,
} from '../db/repositories/holidays.js';
import type { Db } from '../db/index.js';
import { isWeekend } from './deadlines.js';
import { formatVnDate } from './domain/vn-time.js';
import { recordAudit, type AuditInput } from './audit/service.js';
import { invalid } from './errors.js';
import { recomputeDeadlines } from './feedback/recompute.js';
import { addCalendarDays } from './domain/vn-time.js';

function range(from: string, to: string, name: string, estimated = false): HolidayRow[] {
  const out: HolidayRow[] = [];
  for (let date = from; date <= to; date = addCalendarDays(date, 1)) {
    out.push({ date, name, estimated });
  }
  return out;
}

const day = (date: string, name: string, estimated = false): HolidayRow => ({
  date,
  name,
  estimated,
});

/**
 * Defaults for a fresh install: the days off for civil servants as the government announced
 * them (DOMAIN.md "Second round"), and the Saturdays worked in exchange. Tết and the bridging
 * days are announced every year, so these are data the Department admin edits
 * (PUT /api/holidays), not rules in code.
 * - 2025: 1/1; Tết 27–31/1; Hùng Kings Mon 7/4; 30/4, 1/5, Fri 2/5 (swapped with Sat 26/4);
 *   Mon 1/9, Tue 2/9.
 * - 2026: 1/1, Fri 2/1 (swapped with Sat 10/1); Tết 14–22/2; Hùng Kings Sun 26/4, made up on
 *   Mon 27/4; 30/4, 1/5; Mon 31/8 (swapped with Sat 22/8), 1/9, 2/9.
 * - 2027 is not announced: the statutory days stand, marked estimated until an admin edits the
 *   year — Tết Đinh Mùi 5–11/2 (estimated), Hùng Kings Fri 16/4, 30/4, 1/5 (a Saturday, made up
 *   on Mon 3/5), 2/9 plus the adjacent Fri 3/9.
 */
export const DEFAULT_HOLIDAYS: HolidayRow[] = [
  day('2025-01-01', 'Tết Dương lịch'),
  ...range('2025-01-27', '2025-01-31', 'Tết Nguyên đán Ất Tỵ'),
  day('2025-04-07', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'),
  day('2025-04-30', 'Ngày Giải phóng miền Nam'),
  day('2025-05-01', 'Ngày Quốc tế Lao động'),
  day('2025-05-02', 'Nghỉ hoán đổi (làm bù thứ Bảy 26/4/2025)'),
  day('2025-09-01', 'Quốc khánh (ngày liền kề)'),
  day('2025-09-02', 'Quốc khánh'),
  day('2026-01-01', 'Tết Dương lịch'),
  day('2026-01-02', 'Nghỉ hoán đổi (làm bù thứ Bảy 10/1/2026)'),
  ...range('2026-02-14', '2026-02-22', 'Tết Nguyên đán Bính Ngọ'),
  day('2026-04-26', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'),
  day('2026-04-27', 'Nghỉ bù Giỗ Tổ Hùng Vương'),
  day('2026-04-30', 'Ngày Giải phóng miền Nam'),
  day('2026-05-01', 'Ngày Quốc tế Lao động'),
  day('2026-08-31', 'Nghỉ hoán đổi (làm bù thứ Bảy 22/8/2026)'),
  day('2026-09-01', 'Quốc khánh (ngày liền kề)'),
  day('2026-09-02', 'Quốc khánh'),
  day('2027-01-01', 'Tết Dương lịch', true),
  ...range('2027-02-05', '2027-02-11', 'Tết Nguyên đán Đinh Mùi (dự kiến)', true),
  day('2027-04-16', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', true),
  day('2027-04-30', 'Ngày Giải phóng miền Nam', true),
  day('2027-05-01', 'Ngày Quốc tế Lao động', true),
  day('2027-05-03', 'Nghỉ bù Ngày Quốc tế Lao động', true),
  day('2027-09-02', 'Quốc khánh', true),
  day('2027-09-03', 'Quốc khánh (ngày liền kề)', true),
];

/** Saturdays worked in exchange for a bridging day off. */
export const DEFAULT_WORKING_DAYS: WorkingDayRow[] = [
  { date: '2025-04-26', name: 'Làm bù cho ngày nghỉ 2/5/2025' },
  { date: '2026-01-10', name: 'Làm bù cho ngày nghỉ 2/1/2026' },
  { date: '2026-08-22', name: 'Làm bù cho ngày nghỉ 31/8/2026' },
];

/** Called from prepare(): fills the defaults on first start, never overwrites an edited list. */
export async function seedDefaultHolidays(db: Db): Promise<boolean> {
  return seedHolidaysIfEmpty(db, DEFAULT_HOLIDAYS, DEFAULT_WORKING_DAYS);
}

export interface CalendarView {
  dates: string[];
  workingDates: string[];
  holidays: HolidayRow[];
  workingDays: WorkingDayRow[];
  /** Years whose days off are still the estimated defaults (not announced, not edited). */
  estimatedYears: number[];
}

export async function calendarView(db: Db): Promise<CalendarView> {
  const [holidays, workingDays] = await Promise.all([listHolidays(db), listWorkingDays(db)]);
  const estimatedYears = [
    ...new Set(holidays.filter((h) => h.estimated).map((h) => Number(h.date.slice(0, 4)))),
  ].sort();
  return {
    dates: holidays.map((h) => h.date),
    workingDates: workingDays.map((w) => w.date),
    holidays,
    workingDays,
    estimatedYears,
  };
}

export interface CalendarEdit {
  dates: string[];
  /** Missing: the working days stay as they are. */
  workingDates?: string[];
  /** Names for new dates (days off or working days); a date already listed keeps its name. */
  names?: Record<string, string>;
}

function checkEdit(dates: string[], working: string[]): void {
  const off = new Set(dates);
  const bad = [
    ...working.flatMap((d, i) =>
      isWeekend(d)
        ? []
        : [
            {
              path: `workingDates.${i}`,
              message: 'a working day added to the calendar must be a Saturday or a Sunday',
            },
          ],
    ),
    ...working.flatMap((d, i) =>
      off.has(d)
        ? [
            {
              path: `workingDates.${i}`,
              message: 'a date cannot be both a day off and a working day',
            },
          ]
        : [],
    ),
  ];
  if (bad.length) throw invalid(bad);
}

/** The years in which the set of days off or working days differs between two lists. */
function changedYears(
  before: { off: Set<string>; working: Set<string> },
  off: Set<string>,
  working: Set<string>,
): Set<string> {
  const years = new Set<string>();
  const diff = (a: Set<string>, b: Set<string>) => {
    for (const d of a) if (!b.has(d)) years.add(d.slice(0, 4));
  };
  diff(before.off, off);
  diff(off, before.off);
  diff(before.working, working);
  diff(working, before.working);
  return years;
}

/**
 * Replaces the calendar (days off, and working days when given), then counts the deadlines of
 * open items again and notes each change in their timeline. A year the edit changes is no longer
 * estimated. Returns how many items' deadlines changed.
 */
export async function setCalendar(
  db: Db,
  now: Date,
  actorId: string | null,
  edit: CalendarEdit,
  /** The unit whose audit trail records the change (the admin's Department); absent: none. */
  audit?: { unitId: string },
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const before = await holidaySet(trx);
    const known = new Map((await listHolidays(trx)).map((h) => [h.date, h]));
    const knownWorking = new Map((await listWorkingDays(trx)).map((w) => [w.date, w.name]));
    const names = edit.names ?? {};
    const dates = [...new Set(edit.dates)].sort();
    const working = edit.workingDates
      ? [...new Set(edit.workingDates)].sort()
      : [...before.working].sort();
    checkEdit(dates, working);
    const years = changedYears(before, new Set(dates), new Set(working));
    await replaceHolidays(
      trx,
      dates.map((date) => ({
        date,
        name: names[date] ?? known.get(date)?.name ?? 'Ngày nghỉ',
        estimated: !years.has(date.slice(0, 4)) && (known.get(date)?.estimated ?? false),
      })),
    );
    if (edit.workingDates) {
      await replaceWorkingDays(
        trx,
        working.map((date) => ({
          date,
          name: names[date] ?? knownWorking.get(date) ?? 'Ngày làm việc bù',
        })),
      );
    }
    const recomputed = await recomputeDeadlines(trx, now, actorId, before, await holidaySet(trx));
    if (audit)
      await recordAudit(
        trx,
        calendarAudit(now, actorId, audit.unitId, before, dates, working, recomputed),
      );
    return recomputed;
  });
}

/** The audit event of a calendar edit: the days added and removed, in Vietnamese. */
function calendarAudit(
  now: Date,
  actorId: string | null,
  unitId: string,
  before: { off: Set<string>; working: Set<string> },
  dates: string[],
  working: string[],
  recomputed: number,
): AuditInput {
  const added = dates.filter((d) => !before.off.has(d));
  const removed = [...before.off].filter((d) => !dates.includes(d)).sort();
  const addedWorking = working.filter((d) => !before.working.has(d));
  const removedWorking = [...before.working].filter((d) => !working.includes(d)).sort();
  const list = (ds: string[]) => ds.map(formatVnDate).join(', ');
  const parts = [
    added.length ? `thêm ngày nghỉ ${list(added)}` : '',
    removed.length ? `bỏ ngày nghỉ ${list(removed)}` : '',
    addedWorking.length ? `thêm ngày làm bù ${list(addedWorking)}` : '',
    removedWorking.length ? `bỏ ngày làm bù ${list(removedWorking)}` : '',
  ].filter(Boolean);
  return {
    at: now,
    userId: actorId,
    action: 'update',
    kind: 'calendar',
    objectId: 'calendar',
    unitId,
    summary: `Sửa lịch ngày nghỉ: ${parts.join('; ') || 'không thay đổi'}${recomputed ? ` (tính lại hạn của ${recomputed} phản ánh)` : ''}`,
    detail: { added, removed, addedWorking, removedWorking, recomputed },
  };
}

export { holidaySet, listHolidays };
