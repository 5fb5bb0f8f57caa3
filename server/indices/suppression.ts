import { MIN_RESPONSES } from './engine.js';

/**
 * Which units' figures are withheld so that no small group of parents can be read, directly or
 * by subtraction. Pure: a tree of units with each unit's own responses in one campaign in, the
 * decision out. Every route, page, report and export asks this one function (through
 * `campaignSuppression`), so the same unit is withheld everywhere.
 *
 * The rule (README, "Privacy of small groups"). A *cell* is a unit's subtree, or, for a unit with
 * child units, its own direct responses (a cell of their own, because raw rows, open answers and
 * the targets' failing list show them apart from the children).
 * 1. Primary: a cell with fewer than MIN_RESPONSES responses is withheld.
 * 2. Complementary: every shown unit's *residual* — its responses minus those of its nearest
 *    shown cells below it — must be 0 or at least MIN_RESPONSES, since the residual is exactly
 *    what subtracting the shown cells from the unit reveals. Units are settled bottom-up; while
 *    a unit's residual is 1–4, the shown cell below it with the smallest non-zero residual
 *    (fewest responses first) is withheld too, its residual joining the unit's; a cell whose
 *    residual is 0 is only withheld when no other is left, its own shown cells then joining in.
 * With every residual 0 or ≥ 5, the shown figures are sums of disjoint residuals, so any
 * difference of them is a union of whole residuals: never a group of 1–4 responses.
 */

export interface UnitResponses {
  id: string;
  parentId: string | null;
  /** The unit's own direct responses in the campaign (not its descendants'). */
  responses: number;
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

interface Cell {
  unitId: string;
  own: boolean;
  total: number;
  children: Cell[];
  shown: boolean;
  residual: number;
}

const NO_SUPPRESSION: Suppression = { units: new Map(), own: new Set() };

/** The withheld units of one campaign (see the module comment for the rule). */
export function suppressedUnits(tree: readonly UnitResponses[], min = MIN_RESPONSES): Suppression {
  if (tree.length === 0) return NO_SUPPRESSION;
  const cells = new Map<string, Cell>();
  for (const u of tree)
    cells.set(u.id, { unitId: u.id, own: false, total: 0, children: [], shown: true, residual: 0 });
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
    if (cell.children.length === 0) cell.total = Math.max(0, u.responses);
    else
      cell.children.push({
        unitId: u.id,
        own: true,
        total: Math.max(0, u.responses),
        children: [],
        shown: true,
        residual: 0,
      });
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
    return;
  }
  let frontier = shownBelow(cell);
  let residual = cell.total - frontier.reduce((a, c) => a + c.total, 0);
  while (residual > 0 && residual < min && frontier.length > 0) {
    const next = pickComplement(frontier);
    withhold(next, 'complement');
    residual += next.residual;
    frontier = [...frontier.filter((c) => c !== next), ...shownBelow(next)];
  }
  cell.residual = residual;
}

/** The nearest shown cells below `cell` (through withheld ones). */
function shownBelow(cell: Cell): Cell[] {
  return cell.children.flatMap((c) => (c.shown ? [c] : shownBelow(c)));
}

/** The cell to withhold next: smallest non-zero residual, else (only zero residuals) the smallest. */
function pickComplement(frontier: readonly Cell[]): Cell {
  const order = (a: Cell, b: Cell) =>
    a.residual - b.residual ||
    a.total - b.total ||
    a.unitId.localeCompare(b.unitId) ||
    Number(a.own) - Number(b.own);
  const withResidual = frontier.filter((c) => c.residual > 0).sort(order);
  if (withResidual.length > 0) return withResidual[0]!;
  return [...frontier].sort((a, b) => a.total - b.total || order(a, b))[0]!;
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
