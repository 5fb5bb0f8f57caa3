import { dialoguesHeldIn } from '../../db/repositories/dialogues.js';
import { listSubtree } from '../../db/repositories/units.js';
import type { Db } from '../../db/index.js';
import type { Unit } from '../../db/schema.js';
import { period, type Period } from './period.js';
import { ratio, type FailingItem, type Measure } from './types.js';

export interface HalfYear extends Period {
  /** '6 tháng đầu năm 2026' */
  vi: string;
  en: string;
}

/**
 * The half-years (January–June, July–December) whose last day falls in the period, oldest first:
 * a half-year belongs to the period in which it ends, as a feedback item to the one it is due in.
 */
export function halfYearsOf(p: Pick<Period, 'from' | 'to'>): HalfYear[] {
  const out: HalfYear[] = [];
  for (let y = Number(p.from.slice(0, 4)); y <= Number(p.to.slice(0, 4)); y++) {
    for (const first of [true, false]) {
      const h = period(first ? `${y}-01-01` : `${y}-07-01`, first ? `${y}-06-30` : `${y}-12-31`);
      if (h.to < p.from || h.to > p.to) continue;
      out.push({
        ...h,
        vi: `6 tháng ${first ? 'đầu' : 'cuối'} năm ${y}`,
        en: `${first ? 'first' : 'second'} half of ${y}`,
      });
    }
  }
  return out;
}

/** Units the plans ask to hold dialogues every six months: the Department and its offices. */
export function holdsDialogues(u: Pick<Unit, 'kind'>): boolean {
  return u.kind === 'department' || u.kind === 'office';
}

/**
 * "Đối thoại định kỳ: mỗi 6 tháng ít nhất một buổi": for each unit that must hold dialogues and
 * each half-year the period touches, was a dialogue held in it and its answers published? A
 * half-year still running without one is pending, not failing; one that has ended without is
 * failing, named by its unit and half-year.
 */
export function dialogueCadence(
  units: readonly Pick<Unit, 'id' | 'name' | 'kind'>[],
  halves: readonly HalfYear[],
  held: readonly { unit_id: string; held_at: string; published_at: string | null }[],
  nowIso: string,
): Measure {
  let met = 0;
  let pending = 0;
  const failing: FailingItem[] = [];
  for (const u of units.filter(holdsDialogues)) {
    for (const h of halves) {
      const inHalf = held.filter(
        (d) => d.unit_id === u.id && d.held_at >= h.startIso && d.held_at < h.endIso,
      );
      if (inHalf.some((d) => d.published_at !== null)) met++;
      else if (h.endIso > nowIso) pending++;
      else
        failing.push({
          id: u.id,
          label: `${u.name} — ${h.vi}`,
          kind: 'unit',
          detail: inHalf.length
            ? `Đã tổ chức đối thoại trong ${h.vi} nhưng chưa công khai câu trả lời`
            : `Không tổ chức buổi đối thoại nào trong ${h.vi}`,
          detailEn: inHalf.length
            ? `A dialogue was held in the ${h.en} but its answers are not published`
            : `No dialogue held in the ${h.en}`,
        });
    }
  }
  const denominator = met + failing.length;
  return { numerator: met, denominator, value: ratio(met, denominator), pending, failing };
}

/** The cadence target of a unit's subtree for one period (the half-years it touches). */
export async function dialogueCadenceOf(
  db: Db,
  unit: Unit,
  p: Period,
  now: Date,
): Promise<Measure> {
  const halves = halfYearsOf(p);
  const [units, held] = await Promise.all([
    listSubtree(db, unit.id),
    halves.length
      ? dialoguesHeldIn(db, unit.path, halves[0]!.startIso, halves.at(-1)!.endIso)
      : Promise.resolve([]),
  ]);
  return dialogueCadence(units, halves, held, now.toISOString());
}
