import type { Db } from '../../db/index.js';
import { AppError } from '../errors.js';
import { createServices } from '../services.js';
import { loadCampaignFor, unitIndices, type IndicesDto } from './service.js';

/** A campaign of another tree is skipped; any other failure (a database error) fails the snapshot. */
function notInTree(e: unknown): null {
  if (e instanceof AppError && e.status === 404) return null;
  throw e;
}

/**
 * The pooled indices of every campaign over each top-level unit, as GET /api/indices computes
 * them: two databases holding the same data give equal snapshots (db:copy, backup/restore).
 */
export async function indicesSnapshot(db: Db): Promise<Record<string, IndicesDto>> {
  const roots = await db
    .selectFrom('units')
    .selectAll()
    .where('parent_id', 'is', null)
    .orderBy('id')
    .execute();
  const campaigns = await db.selectFrom('campaigns').select('id').orderBy('id').execute();
  const out: Record<string, IndicesDto> = {};
  // Its own services, closed here: a snapshot is taken of a handle no server is using (db:copy).
  const deps = createServices(db);
  try {
    for (const root of roots) {
      for (const { id } of campaigns) {
        const loaded = await loadCampaignFor({ db, ...deps }, root, id).catch(notInTree);
        if (loaded) out[`${root.id}/${id}`] = await unitIndices({ db, ...deps }, loaded, root);
      }
    }
  } finally {
    await deps.tally.close();
  }
  return out;
}
