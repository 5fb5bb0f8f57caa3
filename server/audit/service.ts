import type { Db } from '../../db/index.js';
import {
  auditEventId,
  insertAuditEvent,
  listAuditEvents,
  type AuditRow,
} from '../../db/repositories/audit.js';
import type { Unit } from '../../db/schema.js';
import type { TAuditKind } from '../domain/accounts.js';

export interface AuditInput {
  at: Date | string;
  /** Who made the change; null for the system. */
  userId: string | null;
  action: string;
  kind: TAuditKind;
  objectId: string;
  /** The unit the object belongs to (the trail is read per subtree). */
  unitId: string;
  /** One short Vietnamese sentence with names, not ids: "Tạo tài khoản Nguyễn Văn An …". */
  summary: string;
  /** What changed, for whoever needs the detail; never a password. */
  detail?: Record<string, unknown>;
}

/**
 * Writes one audit event. Call it with the transaction that makes the change, so the event
 * exists exactly when the change does: a change that fails (and rolls back) leaves none.
 */
export async function recordAudit(trx: Db, e: AuditInput): Promise<void> {
  const at = typeof e.at === 'string' ? e.at : e.at.toISOString();
  await insertAuditEvent(trx, {
    id: auditEventId(at),
    at,
    user_id: e.userId,
    action: e.action,
    object_kind: e.kind,
    object_id: e.objectId,
    unit_id: e.unitId,
    summary: e.summary,
    detail: JSON.stringify(e.detail ?? {}),
  });
}

function auditDto(r: AuditRow) {
  let detail: unknown = {};
  try {
    detail = JSON.parse(r.detail);
  } catch {
    detail = {};
  }
  return {
    id: r.id,
    at: r.at,
    userId: r.user_id,
    /** The author's name; null when the system made the change. */
    userName: r.user_name,
    action: r.action,
    kind: r.object_kind,
    objectId: r.object_id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    summary: r.summary,
    detail,
  };
}

/** GET /api/audit: one page of the trail of `unit`'s subtree, newest first. */
export async function auditPage(
  db: Db,
  unit: Pick<Unit, 'path'>,
  q: { from?: string; to?: string; kind?: TAuditKind; limit: number; offset: number },
) {
  const { rows, total } = await listAuditEvents(db, { rootPath: unit.path, ...q });
  return { items: rows.map(auditDto), total };
}
