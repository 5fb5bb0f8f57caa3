import { sql } from 'kysely';
import type { Db } from '../index.js';

/** One stored response as the raw export reads it. */
export interface ExportRow {
  id: string;
  unit_id: string;
  unit_name: string;
  submitted_at: string;
  duration_ms: number | null;
  channel: string;
  answers: string;
}

/** Where the previous page ended, in the export's order (unit, submission time, id). */
export interface ExportCursor {
  unitId: string;
  submittedAt: string;
  id: string;
}

/**
 * One page of a campaign's responses within a subtree, after `after` in (unit, time, id) order:
 * keyset paging along the (campaign_id, unit_id, submitted_at) index, so every page costs the
 * same however deep into a million rows it is.
 */
export async function responsePage(
  db: Db,
  q: {
    campaignId: string;
    rootPath: string;
    after: ExportCursor | null;
    limit: number;
    excludeUnitIds?: readonly string[];
  },
): Promise<ExportRow[]> {
  let query = db
    .selectFrom('responses as r')
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .where('r.campaign_id', '=', q.campaignId)
    .where(sql<boolean>`substr(u.path, 1, ${q.rootPath.length}) = ${q.rootPath}`);
  // Units whose responses are withheld (server/indices/suppression.ts): their rows never leave.
  if (q.excludeUnitIds?.length) query = query.where('r.unit_id', 'not in', [...q.excludeUnitIds]);
  const after = q.after;
  if (after) {
    query = query.where((eb) =>
      eb(
        eb.refTuple('r.unit_id', 'r.submitted_at', 'r.id'),
        '>',
        eb.tuple(after.unitId, after.submittedAt, after.id),
      ),
    );
  }
  const rows = await query
    .select([
      'r.id',
      'r.unit_id',
      'u.name as unit_name',
      'r.submitted_at',
      'r.duration_ms',
      'r.channel',
      'r.answers',
    ])
    .orderBy('r.unit_id')
    .orderBy('r.submitted_at')
    .orderBy('r.id')
    .limit(q.limit)
    .execute();
  return rows.map((r) => ({
    ...r,
    duration_ms: r.duration_ms === null ? null : Number(r.duration_ms),
  }));
}
