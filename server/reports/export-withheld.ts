import { listSubtree } from '../../db/repositories/units.js';
import type { Unit } from '../../db/schema.js';
import { MIN_RESPONSES } from '../indices/engine.js';
import { campaignSuppression } from '../indices/withheld.js';
import type { ExportInput } from './export-stream.js';
import type { CountReader } from '../services.js';

/**
 * The raw export's share of the small-groups rule: the units under `unit` whose own responses
 * are withheld in this campaign, and the note, in Vietnamese, that the file carries about them.
 * Undefined when nothing is withheld.
 */
export async function exportWithheld(
  deps: CountReader,
  campaignId: string,
  unit: Unit,
): Promise<ExportInput['withheld']> {
  const { db } = deps;
  const [withheld, subtree] = await Promise.all([
    campaignSuppression(deps, campaignId),
    listSubtree(db, unit.id),
  ]);
  const hidden = subtree.filter((u) => withheld.own.has(u.id));
  if (hidden.length === 0) return undefined;
  const names = hidden.map((u) => u.name).join('; ');
  const note =
    `Ghi chú: không xuất phiếu trả lời của ${hidden.length} đơn vị (${names}) để giữ ẩn danh cho phụ huynh: ` +
    `đơn vị có dưới ${MIN_RESPONSES} phiếu, và đơn vị được ẩn kèm để không thể suy ra nhóm dưới ${MIN_RESPONSES} phiếu bằng phép trừ.`;
  return { unitIds: hidden.map((u) => u.id), note };
}
