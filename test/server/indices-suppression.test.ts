import { describe, expect, test } from 'vitest';
import { suppressedUnits, type UnitResponses } from '../../server/indices/suppression.js';

/** A tree written as [id, parentId, own responses]. */
const tree = (rows: [string, string | null, number][]): UnitResponses[] =>
  rows.map(([id, parentId, responses]) => ({ id, parentId, responses }));

const reasons = (t: UnitResponses[]) => Object.fromEntries(suppressedUnits(t).units);

/**
 * The rule's promise, checked by brute force: for every shown unit, its size minus the sizes of
 * the nearest shown cells below it is, in responses, 0 or at least 5, and in every component 0,
 * at least 5 or all of the unit's own count (none of it below, so subtraction shows nothing new);
 * and every shown cell has at least 5 responses.
 */
function residualsAreSafe(t: UnitResponses[], s = suppressedUnits(t)): boolean {
  const kids = new Map<string, string[]>();
  for (const u of t) if (u.parentId) kids.set(u.parentId, [...(kids.get(u.parentId) ?? []), u.id]);
  const keys = [...new Set(t.flatMap((u) => Object.keys(u.components ?? {})))];
  // A unit's own size as a vector: responses first, then each component.
  const ownOf = new Map(
    t.map((u) => [u.id, [u.responses, ...keys.map((k) => u.components?.[k] ?? 0)]]),
  );
  const add = (a: number[], b: number[]) => a.map((x, i) => x + b[i]!);
  const zero = () => ownOf.get(t[0]!.id)!.map(() => 0);
  const total = (id: string): number[] =>
    (kids.get(id) ?? []).reduce((a, k) => add(a, total(k)), ownOf.get(id)!);
  const shown = (id: string) => total(id)[0]! >= 5 && !s.units.has(id);
  // Shown cells just below `id`: children's subtrees (through withheld ones) and its own responses.
  const below = (id: string): number[] => {
    const ownShown = (kids.get(id) ?? []).length > 0 && !s.own.has(id) && ownOf.get(id)![0]! > 0;
    return (kids.get(id) ?? []).reduce(
      (a, k) => add(a, shown(k) ? total(k) : below(k)),
      ownShown ? ownOf.get(id)! : zero(),
    );
  };
  return t.every((u) => {
    if (!shown(u.id)) return true;
    const all = total(u.id);
    const under = (kids.get(u.id) ?? []).length ? below(u.id) : all;
    return all.every((n, i) => {
      const residual = n - under[i]!;
      return residual === 0 || residual >= 5 || (i > 0 && residual === n);
    });
  });
}

describe('suppressedUnits (the small-groups rule)', () => {
  test('a parent whose schools all have 5 or more responses withholds nothing', () => {
    const t = tree([
      ['P', null, 0],
      ['A', 'P', 5],
      ['B', 'P', 40],
      ['C', 'P', 9],
    ]);
    expect(reasons(t)).toEqual({});
  });

  test('one school under 5 is withheld, and so is the next-smallest school beside it', () => {
    const t = tree([
      ['P', null, 0],
      ['S', 'P', 3],
      ['A', 'P', 23],
      ['B', 'P', 7],
      ['C', 'P', 40],
    ]);
    expect(reasons(t)).toEqual({ S: 'small', B: 'complement' });
    expect([...suppressedUnits(t).own].sort()).toEqual(['B', 'S']);
    expect(residualsAreSafe(t)).toBe(true);
  });

  test('two small schools totalling 5 or more need no complement', () => {
    const t = tree([
      ['P', null, 0],
      ['S1', 'P', 2],
      ['S2', 'P', 3],
      ['A', 'P', 20],
    ]);
    expect(reasons(t)).toEqual({ S1: 'small', S2: 'small' });
  });

  test('two small schools totalling under 5 still need one complement', () => {
    const t = tree([
      ['P', null, 0],
      ['S1', 'P', 1],
      ['S2', 'P', 2],
      ['A', 'P', 20],
      ['B', 'P', 6],
    ]);
    expect(reasons(t)).toEqual({ S1: 'small', S2: 'small', B: 'complement' });
  });

  test('a school with no responses has nothing to hide and needs no complement', () => {
    const t = tree([
      ['P', null, 0],
      ['Z', 'P', 0],
      ['A', 'P', 20],
      ['B', 'P', 6],
    ]);
    expect(reasons(t)).toEqual({});
  });

  test("a parent's own direct responses under 5 count as one more small child", () => {
    const t = tree([
      ['P', null, 2],
      ['A', 'P', 20],
      ['B', 'P', 6],
    ]);
    const s = suppressedUnits(t);
    expect(Object.fromEntries(s.units)).toEqual({ B: 'complement' });
    // The office's own rows and open answers are withheld; its pooled figure (28) is shown.
    expect([...s.own].sort()).toEqual(['B', 'P']);
    expect(residualsAreSafe(t)).toBe(true);
  });

  test('an only child under a parent with no other responses is covered by the parent itself', () => {
    // P = S: subtracting nothing reveals S, so P (3 responses) is withheld too, as small.
    const t = tree([
      ['P', null, 0],
      ['S', 'P', 3],
    ]);
    expect(reasons(t)).toEqual({ P: 'small', S: 'small' });
  });

  test('at the Department, a small office is protected by an office that already hides a group', () => {
    const t = tree([
      ['D', null, 0],
      ['O1', 'D', 0],
      ['O1a', 'O1', 30],
      ['O1b', 'O1', 2],
      ['O1c', 'O1', 8],
      ['O2', 'D', 0],
      ['O2a', 'O2', 4],
      ['O3', 'D', 0],
      ['O3a', 'O3', 50],
      ['O3b', 'O3', 60],
    ]);
    // Inside O1: O1b (2) and O1c (8) hide together. At D: O2 (4) joins O1's hidden group by
    // withholding O1, not a whole clean office.
    expect(reasons(t)).toEqual({
      O1b: 'small',
      O1c: 'complement',
      O2: 'small',
      O2a: 'small',
      O1: 'complement',
    });
    expect(residualsAreSafe(t)).toBe(true);
  });

  test('a complement office that its schools would rebuild has one of its schools withheld too', () => {
    const t = tree([
      ['D', null, 0],
      ['O1', 'D', 0],
      ['O1a', 'O1', 30],
      ['O1b', 'O1', 6],
      ['O2', 'D', 0],
      ['O2a', 'O2', 4],
      ['O3', 'D', 0],
      ['O3a', 'O3', 50],
      ['O3b', 'O3', 60],
    ]);
    // O1 (36) is the smallest clean office; withholding it alone would let O1a + O1b rebuild it.
    expect(reasons(t)).toEqual({ O2: 'small', O2a: 'small', O1: 'complement', O1b: 'complement' });
    expect(residualsAreSafe(t)).toBe(true);
  });

  /** A unit with its own counts per component, e.g. `{ 'q2': valid answers, 'q2|na': … }`. */
  const unit = (
    id: string,
    parentId: string | null,
    responses: number,
    components: Record<string, number> = {},
  ): UnitResponses => ({ id, parentId, responses, components });

  test('a residual of enough responses but 1–4 answers to one question costs one more cell', () => {
    // The review's attack: Quảng An (3) is withheld, Nhật Tân (10) as its complement, but all 10
    // Nhật Tân parents answered q2 "no opinion": office − Đông Thái would be Quảng An's q2.
    const t = [
      unit('P', null, 0),
      unit('QA', 'P', 3, { q2: 3, 'q2|na': 0 }),
      unit('NT', 'P', 10, { q2: 0, 'q2|na': 10 }),
      unit('DT', 'P', 20, { q2: 20, 'q2|na': 0 }),
    ];
    expect(reasons(t)).toEqual({ QA: 'small', NT: 'complement', DT: 'complement' });
    expect(residualsAreSafe(t)).toBe(true);
    // Counted by responses alone, the same tree withholds only the first two.
    expect(reasons(t.map(({ components: _c, ...u }) => u))).toEqual({
      QA: 'small',
      NT: 'complement',
    });
  });

  test('a choice option counted 1–4 in a residual is covered the same way', () => {
    const t = [
      unit('P', null, 0),
      unit('S', 'P', 2, { 'opt|x': 2 }),
      unit('B', 'P', 6, { 'opt|x': 1 }),
      unit('A', 'P', 30, { 'opt|x': 4 }),
      unit('C', 'P', 40, { 'opt|x': 0 }),
    ];
    // S (2) and B (6) leave x = 3; A holds x too, so A goes; C, without any x, stays shown.
    expect(reasons(t)).toEqual({ S: 'small', B: 'complement', A: 'complement' });
    expect(residualsAreSafe(t)).toBe(true);
  });

  test('a count that no shown cell below holds needs nothing more: subtracting shows nothing new', () => {
    const t = [
      unit('P', null, 0),
      unit('S', 'P', 3, { q2: 2, 'q2|na': 1 }),
      unit('B', 'P', 6, { q2: 1, 'q2|na': 5 }),
      unit('A', 'P', 20, { q2: 0, 'q2|na': 20 }),
    ];
    // The residual's 3 valid q2 answers are all of P's: P's own figure shows them anyway.
    expect(reasons(t)).toEqual({ S: 'small', B: 'complement' });
    expect(residualsAreSafe(t)).toBe(true);
  });

  test('the next cell is the smallest that lifts every short count, not merely the smallest', () => {
    const t = [
      unit('P', null, 0),
      unit('S', 'P', 3, { q: 3 }),
      unit('B', 'P', 6, { q: 0 }),
      unit('C', 'P', 8, { q: 1 }),
      unit('D', 'P', 9, { q: 9 }),
      unit('E', 'P', 40, { q: 40 }),
    ];
    // q's residual is 3: C would only make it 4 (and cost D too); D alone makes it 12.
    expect(reasons(t)).toEqual({ S: 'small', B: 'complement', D: 'complement' });
    expect(residualsAreSafe(t)).toBe(true);
  });

  test('deeper down, an office whose residual is thin in one question is settled before the Department', () => {
    const t = [
      unit('D', null, 0),
      unit('O1', 'D', 0),
      unit('O1a', 'O1', 2, { q: 2 }),
      unit('O1b', 'O1', 7, { q: 0 }),
      unit('O1c', 'O1', 12, { q: 12 }),
      unit('O2', 'D', 0),
      unit('O2a', 'O2', 30, { q: 30 }),
    ];
    expect(reasons(t)).toEqual({ O1a: 'small', O1b: 'complement', O1c: 'complement' });
    expect(residualsAreSafe(t)).toBe(true);
  });

  test('every residual is 0 or at least 5 on many generated trees', () => {
    let seed = 7;
    const rand = (n: number) => (
      (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0),
      (seed >>> 8) % n
    );
    let sensitive = 0;
    for (let i = 0; i < 400; i++) {
      const rows: [string, string | null, number][] = [['R', null, rand(3) === 0 ? rand(7) : 0]];
      for (let k = 1; k < 3 + rand(12); k++) {
        const parent = rows[rand(rows.length)]![0];
        rows.push([`U${k}`, parent, rand(4) === 0 ? 0 : rand(3) === 0 ? 1 + rand(4) : rand(30)]);
      }
      const t = tree(rows);
      if (rows.some(([, , n]) => n > 0 && n < 5)) sensitive++;
      expect(residualsAreSafe(t), JSON.stringify(rows)).toBe(true);
    }
    expect(sensitive).toBeGreaterThan(100); // the trees do put small groups to the test
  });

  test('every residual is safe in every component on many generated trees', () => {
    let seed = 11;
    const rand = (n: number) => (
      (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0),
      (seed >>> 8) % n
    );
    /** Two likert questions (valid, "no opinion") and two options, some units all "no opinion". */
    const componentsOf = (n: number): Record<string, number> => {
      const out: Record<string, number> = {};
      for (const q of ['q1', 'q2']) {
        const valid = rand(3) === 0 ? rand(Math.min(n, 4) + 1) : rand(n + 1);
        out[q] = valid;
        out[`${q}|na`] = rand(n - valid + 1);
      }
      out['opt|x'] = rand(3) === 0 ? rand(Math.min(n, 3) + 1) : rand(n + 1);
      out['opt|y'] = rand(n + 1);
      return out;
    };
    let thin = 0;
    for (let i = 0; i < 400; i++) {
      const t: UnitResponses[] = [];
      const r = rand(3) === 0 ? rand(7) : 0;
      t.push(unit('R', null, r, componentsOf(r)));
      for (let k = 1; k < 3 + rand(12); k++) {
        const n = rand(4) === 0 ? 0 : rand(3) === 0 ? 1 + rand(4) : rand(30);
        t.push(unit(`U${k}`, t[rand(t.length)]!.id, n, componentsOf(n)));
      }
      // Trees where counting responses alone would leave a residual thin in some component.
      const bare = t.map(({ components: _c, ...u }) => u);
      if (!residualsAreSafe(t, suppressedUnits(bare))) thin++;
      expect(residualsAreSafe(t), JSON.stringify(t)).toBe(true);
    }
    expect(thin).toBeGreaterThan(30); // the trees do put thin questions to the test
  });
});
