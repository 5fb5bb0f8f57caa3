import type { Unit } from '../../db/schema.js';
import { addCalendarDays } from '../domain/vn-time.js';
import { period, type Period } from '../targets/period.js';
import { computeTargets } from '../targets/service.js';
import type { CountReader } from '../services.js';
import { publicResults, type PublicResultDto } from './public.js';

/**
 * The monthly publication of a unit (the plans: "results are published monthly"): the figures
 * the plans require for one calendar month, each from the service that owns it — satisfaction
 * from the published results closed by the month's end, feedback resolved on time and files
 * returned on time from the targets service (server/targets), for the unit's whole subtree.
 */

/** A target's figure as the monthly page shows it; never the failing items' names or codes. */
export interface MonthlyFigure {
  id: string;
  label: string;
  value: number | null;
  target: number;
  met: boolean;
  numerator: number;
  denominator: number;
  pending: number;
}

export interface MonthlyPublication {
  unit: Unit;
  /** 'YYYY-MM'. */
  month: string;
  period: Period;
  /** The latest published results closed on or before the month's last day, if any. */
  satisfaction: PublicResultDto | null;
  /** Feedback resolved on time (`pakn_on_time`). */
  feedback: MonthlyFigure | null;
  /** Administrative files returned on time (`tthc_on_time`), when the targets service has it. */
  files: MonthlyFigure | null;
}

/** The calendar month 'YYYY-MM' as a reporting period (Vietnamese dates, inclusive). */
export function monthPeriod(month: string): Period {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return period(`${month}-01`, addCalendarDays(next, -1));
}

/** The month `offset` months from 'YYYY-MM'. */
export function shiftMonth(month: string, offset: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const i = y * 12 + (m - 1) + offset;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

export async function monthlyPublication(
  deps: CountReader,
  unit: Unit,
  month: string,
  now: Date,
): Promise<MonthlyPublication> {
  const p = monthPeriod(month);
  const [results, targets] = await Promise.all([
    publicResults(deps, unit, now),
    computeTargets(deps, unit, p, now),
  ]);
  const closed = results.filter((r) => r.closedAt < p.endIso);
  const figure = (id: string): MonthlyFigure | null => {
    // By its id as a string: `tthc_on_time` joins the targets when the files' import lands.
    const t = targets.find((x) => (x.id as string) === id);
    if (!t) return null;
    const { label, value, target, met, numerator, denominator, pending } = t;
    return { id, label, value, target, met, numerator, denominator, pending };
  };
  return {
    unit,
    month,
    period: p,
    satisfaction: closed.at(-1) ?? null,
    feedback: figure('pakn_on_time'),
    files: figure('tthc_on_time'),
  };
}
