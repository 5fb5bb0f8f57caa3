import { MIN_RESPONSES } from './engine.js';

/**
 * Which units' figures are withheld so that no small group of parents can be read, directly or
 * by subtraction. Pure: a tree of units with each unit's own responses (and own answer counts)
 * in one campaign in, the decision out. Every route, page, report and export asks this one
 * function (through `campaignSuppression`), so the same unit is withheld everywhere.
 *
 * The rule (README, "Privacy of small groups"). A *cell* is a unit's subtree, or, for a unit with
 * child units, its own direct responses (a cell of their own, because raw rows, open answers and
 * the targets' failing list show them apart from the children). A cell's *size* is a vector: its
 * responses, and one *component* per figure shown of it that counts a group of answers (for the
 * campaign's questionnaire: each likert question's valid answers 1–5, its "no opinion" answers,
 * each choice option's count; the caller names them).
 * 1. Primary: a cell with fewer than MIN_RESPONSES responses is withheld.
 * 2. Complementary: every shown unit's *residual* — its size minus the sizes of its nearest shown
 *    cells below it — must be, in responses, 0 or at least MIN_RESPONSES, and in every
 *    component 0, at least MIN_RESPONSES, or all of the unit's own count (no shown cell below
 *    holds any of it, so subtracting reveals nothing the unit does not show itself). The residual
 *    is exactly what subtracting the shown cells from the unit reveals. Units are settled
 *    bottom-up; while a unit's residual breaks this, a further shown cell below it is withheld,
 *    its residual joining the unit's: the cell with the smallest non-zero residual in responses
 *    (fewest responses first) while the responses fall short; else, while only components fall
 *    short, the smallest cell whose residual would lift every short component to
 *    MIN_RESPONSES, else the smallest with a non-zero residual in one of them. A cell whose
 *    residual holds none of what falls short (its own shown cells would rebuild it) is only
 *    withheld when no other is left, its own shown cells then joining in.
 * With every residual so, the shown figures are sums of disjoint residuals, so any difference of
 * them is a union of whole residuals: never a group of 1–4 responses, nor 1–4 answers to one
 * question (or choices of one option) that the unit's own figure does not already show.
 */

export interface UnitResponses {
  id: string;
  parentId: string | null;
  /** The unit's own direct responses in the campaign (not its descendants'). */
  responses: number;
  /**
   * The unit's own direct counts in each component that is shown of a unit (key → count; a key
   * missing is 0): e.g. a likert question's valid answers, its "no opinion" answers, a choice
   * option. Without them only the responses are checked.
   */
  components?: Readonly<Record<string, number>>;
}

/** `small`: fewer than MIN_RESPONSES responses; `complement`: withheld so the small one cannot be computed. */
export type SuppressionReason = 'small' | 'complement';

export interface Suppression {
  /** Units whose subtree figures are withheld, and why. Only units with responses: none, nothing to hide. */
  units: ReadonlyMap<string, SuppressionReason>;
  /**
   * Units whose own direct responses are withheld as a group (raw rows, open answers, a unit's
   * own figures). For a unit without child units this is the same as `units`.
   */
  own: ReadonlySet<string>;
}

/** Component counts, sparse: a key missing is 0. */
type Counts = Map<string, number>;

interface Cell {
  unitId: string;
  own: boolean;
  total: number;
  children: Cell[];
  shown: boolean;
  residual: number;
  /** Own counts of a cell without children (a leaf unit, or a unit's own responses). */
  counts: Counts;
  /** The residual's components, once settled (the whole counts of a withheld small cell). */
  rest: Counts;
  /** The subtree's component counts, summed when first asked for. */
  sum?: Counts;
}

const NO_SUPPRESSION: Suppression = { units: new Map(), own: new Set() };

const countsOf = (c: Readonly<Record<string, number>> | undefined): Counts =>
  new Map(Object.entries(c ?? {}).filter(([, n]) => n > 0));

function newCell(unitId: string, own: boolean, counts: Counts): Cell {
  return { unitId, own, total: 0, children: [], shown: true, residual: 0, counts, rest: new Map() };
}

/** The withheld units of one campaign (see the module comment for the rule). */
export function suppressedUnits(tree: readonly UnitResponses[], min = MIN_RESPONSES): Suppression {
  if (tree.length === 0) return NO_SUPPRESSION;
  const cells = new Map<string, Cell>();
  for (const u of tree) cells.set(u.id, newCell(u.id, false, new Map()));
  const roots: Cell[] = [];
  for (const u of tree) {
    const cell = cells.get(u.id)!;
    const parent = u.parentId === null ? undefined : cells.get(u.parentId);
    if (parent) parent.children.push(cell);
    else roots.push(cell);
  }
  for (const u of tree) {
    const cell = cells.get(u.id)!;
    // A leaf's own responses are its subtree; a unit with children gets an own cell beside them.
    if (cell.children.length === 0) {
      cell.total = Math.max(0, u.responses);
      cell.counts = countsOf(u.components);
    } else {
      const ownCell = newCell(u.id, true, countsOf(u.components));
      ownCell.total = Math.max(0, u.responses);
      cell.children.push(ownCell);
    }
  }
  const units = new Map<string, SuppressionReason>();
  const own = new Set<string>();
  const withhold = (c: Cell, reason: SuppressionReason) => {
    c.shown = false;
    if (c.total === 0) return;
    if (c.own || c.children.length === 0) own.add(c.unitId);
    if (!c.own) units.set(c.unitId, reason);
  };
  for (const root of roots) settle(root, min, withhold);
  return { units, own };
}

/** The subtree's component counts (memoised: a cell's subtree never changes). */
function sumOf(cell: Cell): Counts {
  if (cell.sum) return cell.sum;
  if (cell.children.length === 0) return (cell.sum = cell.counts);
  const sum: Counts = new Map();
  for (const c of cell.children) addInto(sum, sumOf(c));
  return (cell.sum = sum);
}

function addInto(to: Counts, from: Counts): void {
  for (const [k, n] of from) to.set(k, (to.get(k) ?? 0) + n);
}

/** Post-order: totals, primary suppression, then the unit's residual made 0 or ≥ min. */
function settle(
  cell: Cell,
  min: number,
  withhold: (c: Cell, reason: SuppressionReason) => void,
): void {
  for (const child of cell.children) settle(child, min, withhold);
  if (cell.children.length > 0) cell.total = cell.children.reduce((a, c) => a + c.total, 0);
  if (cell.total < min) {
    withhold(cell, 'small');
    cell.rest = sumOf(cell);
    return;
  }
  let frontier = shownBelow(cell);
  let residual = cell.total - frontier.reduce((a, c) => a + c.total, 0);
  // The residual's components: a leaf's own counts, else its withheld children's residuals.
  const rest: Counts = cell.children.length === 0 ? new Map(cell.counts) : new Map();
  for (const c of cell.children) if (!c.shown) addInto(rest, c.rest);
  while (frontier.length > 0) {
    const short = residual > 0 && residual < min;
    const thin = thinComponents(rest, cell, min);
    if (!short && thin.length === 0) break;
    const next = pickComplement(frontier, short, thin, rest, min);
    withhold(next, 'complement');
    residual += next.residual;
    addInto(rest, next.rest);
    frontier = [...frontier.filter((c) => c !== next), ...shownBelow(next)];
  }
  cell.residual = residual;
  cell.rest = rest;
}

/**
 * The residual's components of 1 to min − 1 that a shown cell below also holds (with none held
 * below, the residual is the unit's own count, which its own figure shows anyway).
 */
function thinComponents(rest: Counts, cell: Cell, min: number): string[] {
  const thin: string[] = [];
  if (rest.size === 0) return thin;
  const sum = sumOf(cell);
  for (const [k, n] of rest) if (n > 0 && n < min && n < (sum.get(k) ?? 0)) thin.push(k);
  return thin;
}

/** The nearest shown cells below `cell` (through withheld ones). */
function shownBelow(cell: Cell): Cell[] {
  return cell.children.flatMap((c) => (c.shown ? [c] : shownBelow(c)));
}

/**
 * The cell to withhold next. While the responses fall short: the smallest non-zero residual,
 * else (only zero residuals) the smallest cell. While only components fall short: the smallest
 * cell whose residual lifts them all to `min`, else the smallest with a non-zero residual in one
 * of them, else the smallest whose subtree holds one (its own shown cells then join in).
 */
function pickComplement(
  frontier: readonly Cell[],
  short: boolean,
  thin: readonly string[],
  rest: Counts,
  min: number,
): Cell {
  const order = (a: Cell, b: Cell) =>
    a.residual - b.residual ||
    a.total - b.total ||
    a.unitId.localeCompare(b.unitId) ||
    Number(a.own) - Number(b.own);
  const bySize = (a: Cell, b: Cell) => a.total - b.total || order(a, b);
  const first = (cells: Cell[], by: (a: Cell, b: Cell) => number) => cells.sort(by)[0];
  if (short) {
    return (
      first(
        frontier.filter((c) => c.residual > 0),
        order,
      ) ?? first([...frontier], bySize)!
    );
  }
  const lifts = (c: Cell, k: string) => (c.rest.get(k) ?? 0) > 0;
  const fixes = (c: Cell) => thin.every((k) => (rest.get(k) ?? 0) + (c.rest.get(k) ?? 0) >= min);
  const helping = frontier.filter((c) => thin.some((k) => lifts(c, k)));
  return (
    first(helping.filter(fixes), order) ??
    first(helping, order) ??
    first(
      frontier.filter((c) => thin.some((k) => (sumOf(c).get(k) ?? 0) > 0)),
      bySize,
    )!
  );
}

/** Whether a figure pooling `unitId`'s subtree over several campaigns may be shown. */
export function shownInAll(suppressions: Iterable<Suppression>, unitId: string): boolean {
  for (const s of suppressions) if (s.units.has(unitId)) return false;
  return true;
}

/** Whether `unitId`'s own direct responses may be shown, in every one of these campaigns. */
export function ownShownInAll(suppressions: Iterable<Suppression>, unitId: string): boolean {
  for (const s of suppressions) if (s.own.has(unitId)) return false;
  return true;
}
