import { addCalendarDays, vnDate } from '../domain/vn-time.js';

/**
 * The plans' reporting calendar: quarter 1 due 10 March, 6 months 10 June, 9 months
 * 10 September, the year 10 December. Each report is cumulative from 1 January, with its data
 * cut at the end of the month before it is due, so it can be prepared by the 10th.
 */

export interface ScheduledReport {
  id: 'q1' | 'h1' | 'm9' | 'year';
  label: string;
  labelEn: string;
  year: number;
  /** 'YYYY-MM-DD': submit on or before this date. */
  dueDate: string;
  from: string;
  to: string;
  daysLeft: number;
}

const SCHEDULE = [
  { id: 'q1', month: 3, label: 'Báo cáo quý I năm', labelEn: 'Quarter 1 report' },
  { id: 'h1', month: 6, label: 'Báo cáo 6 tháng năm', labelEn: 'Six-month report' },
  { id: 'm9', month: 9, label: 'Báo cáo 9 tháng năm', labelEn: 'Nine-month report' },
  { id: 'year', month: 12, label: 'Báo cáo năm', labelEn: 'Annual report' },
] as const;

export function reportsOfYear(year: number, today: string): ScheduledReport[] {
  return SCHEDULE.map((s) => {
    const mm = String(s.month).padStart(2, '0');
    const dueDate = `${year}-${mm}-10`;
    return {
      id: s.id,
      label: `${s.label} ${year}`,
      labelEn: `${s.labelEn} ${year}`,
      year,
      dueDate,
      from: `${year}-01-01`,
      to: addCalendarDays(`${year}-${mm}-01`, -1),
      daysLeft: Math.round((Date.parse(dueDate) - Date.parse(today)) / 86_400_000),
    };
  });
}

/** The first report whose due date is today or later, in Vietnam's calendar. */
export function nextReport(now: Date): ScheduledReport {
  const today = vnDate(now);
  const year = Number(today.slice(0, 4));
  return [...reportsOfYear(year, today), ...reportsOfYear(year + 1, today)].find(
    (r) => r.dueDate >= today,
  )!;
}
