import { describe, expect, test } from 'vitest';
import { suppressedUnits, type UnitResponses } from '../../server/indices/suppression.js';

/** A tree written as [id, parentId, own responses]. */
const tree = (rows: [string, string | null, number][]): UnitResponses[] =>
  rows.map(([id, parentId, responses]) => ({ id, parentId, responses }));

const reasons = (t: UnitResponses[]) => Object.fromEntries(suppressedUnits(t).units);

/**
 * The rule's promise, checked by brute force: for every shown unit, its responses minus those of
 * the nearest shown cells below it are 0 or at least 5, and every shown cell has at least 5.
 */
function residualsAreSafe(t: UnitResponses[]): boolean {
  const s = suppressedUnits(t);
  const kids = new Map<string, string[]>();
  for (const u of t) if (u.parentId) kids.set(u.parentId, [...(kids.get(u.parentId) ?? []), u.id]);
  const own = new Map(t.map((u) => [u.id, u.responses]));
  const total = (id: string): number =>
    own.get(id)! + (kids.get(id) ?? []).reduce((a, k) => a + total(k), 0);
  const shown = (id: string) => total(id) >= 5 && !s.units.has(id);
  // Shown cells just below `id`: children's subtrees (through withheld ones) and its own responses.
  const below = (id: string): number => {
    const ownShown =
      (kids.get(id) ?? []).length > 0 && !s.own.has(id) && own.get(id)! > 0 ? own.get(id)! : 0;
    return (
      ownShown + (kids.get(id) ?? []).reduce((a, k) => a + (shown(k) ? total(k) : below(k)), 0)
    );
  };
  return t.every((u) => {
    if (!shown(u.id)) return true;
    const residual = total(u.id) - ((kids.get(u.id) ?? []).length ? below(u.id) : total(u.id));
    return residual === 0 || residual >= 5;
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
});
