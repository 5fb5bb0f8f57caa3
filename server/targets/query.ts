import { z } from 'zod';
import { period, quarterOf, type Period } from './period.js';

/** A real calendar date 'YYYY-MM-DD' (2026-02-30 is refused). */
export const ZDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine((d) => {
    const t = Date.parse(`${d}T00:00:00.000Z`);
    return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === d;
  }, 'not a calendar date');

/** unitId, and a period: both `from` and `to` (inclusive, Vietnam's calendar) or neither. */
export const ZPeriodQuery = z
  .object({
    unitId: z.string().min(1).max(100).optional(),
    from: ZDate.optional(),
    to: ZDate.optional(),
  })
  .superRefine((q, ctx) => {
    if ((q.from === undefined) !== (q.to === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [q.from ? 'to' : 'from'],
        message: 'give both from and to, or neither',
      });
    } else if (q.from && q.to) {
      if (q.from > q.to)
        ctx.addIssue({ code: 'custom', path: ['to'], message: 'to is before from' });
      else if (Date.parse(q.to) - Date.parse(q.from) > 3 * 366 * 86_400_000) {
        ctx.addIssue({ code: 'custom', path: ['to'], message: 'a period spans at most 3 years' });
      }
    }
  });
export type TPeriodQuery = z.infer<typeof ZPeriodQuery>;

/** The period asked for, or the current quarter in Vietnam. */
export function periodOf(q: { from?: string; to?: string }, now: Date): Period {
  return q.from && q.to ? period(q.from, q.to) : quarterOf(now);
}
