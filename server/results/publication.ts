import type { Clock } from '../../db/clock.js';
import type { Db } from '../../db/index.js';
import {
  deletePublicationsIn,
  insertPublication,
  listPublications,
  type PublicationRow,
} from '../../db/repositories/publications.js';
import type { Campaign, Unit } from '../../db/schema.js';
import { recordAudit } from '../audit/service.js';
import { campaignState } from '../campaign-state.js';
import { campaignInScope } from '../campaigns.js';
import { formatVnTimeDate } from '../domain/vn-time.js';
import { conflict } from '../errors.js';

/**
 * Publication (công khai) of a closed campaign's results (issue 19). A manager publishes for
 * their own subtree: the Department's manager for every school of the campaign, a school's
 * manager for that school alone. `/results/:unitId` then shows a unit's figures when a
 * publication was made at that unit or above it. Withdrawing removes the publications made
 * inside the caller's subtree (one made above it stays: that is the upper level's decision).
 */

export interface PublicationDto {
  campaignId: string;
  /** Closed: only then may it be published. */
  closed: boolean;
  /** The caller's unit's results are public (published at the caller's unit or above). */
  published: boolean;
  /** When they became public for the caller's unit (the earliest covering publication). */
  publishedAt: string | null;
  /** Publications made inside the caller's subtree: the ones the caller may withdraw. */
  withdrawable: boolean;
  units: { unitId: string; name: string; publishedAt: string }[];
  /** The public page of the caller's unit. */
  resultsPath: string;
}

interface Staff {
  userId: string;
  root: Unit;
}

function dto(campaign: Campaign, rows: PublicationRow[], root: Unit, now: Date): PublicationDto {
  const mine = rows.filter(
    (r) => root.path.startsWith(r.unit_path) || r.unit_path.startsWith(root.path),
  );
  const covering = mine.filter((r) => root.path.startsWith(r.unit_path));
  return {
    campaignId: campaign.id,
    closed: campaignState(campaign, now) === 'closed',
    published: covering.length > 0,
    publishedAt: covering[0]?.published_at ?? null,
    withdrawable: mine.some((r) => r.unit_path.startsWith(root.path)),
    units: mine.map((r) => ({ unitId: r.unit_id, name: r.unit_name, publishedAt: r.published_at })),
    resultsPath: `/results/${encodeURIComponent(root.id)}`,
  };
}

/** GET /api/campaigns/:id/publication: whether the campaign's results are public, and where. */
export async function publicationOf(
  deps: { db: Db; clock: Clock },
  root: Unit,
  id: string,
): Promise<PublicationDto> {
  const { campaign } = await campaignInScope(deps.db, root, id);
  return dto(campaign, await listPublications(deps.db, id), root, deps.clock());
}

/** POST /api/campaigns/:id/publish: only a closed campaign, else 409 `conflict`. */
export async function publishCampaign(
  deps: { db: Db; clock: Clock },
  staff: Staff,
  id: string,
): Promise<PublicationDto> {
  const { campaign } = await campaignInScope(deps.db, staff.root, id);
  const now = deps.clock();
  const state = campaignState(campaign, now);
  if (state === 'open')
    throw conflict({
      vi: `Đợt khảo sát đang mở đến ${formatVnTimeDate(campaign.closes_at)}: chỉ công khai được kết quả khi đợt đã đóng. Hãy chờ đến khi đợt đóng hoặc đóng sớm đợt này.`,
      en: `The campaign is open until ${formatVnTimeDate(campaign.closes_at)}: results can be published only once it has closed. Wait until it closes, or close it early.`,
    });
  if (state === 'not_yet_open')
    throw conflict({
      vi: 'Đợt khảo sát chưa mở nên chưa có kết quả để công khai.',
      en: 'The campaign has not opened yet: there are no results to publish.',
    });
  await deps.db.transaction().execute(async (trx) => {
    const added = await insertPublication(trx, {
      campaign_id: campaign.id,
      unit_id: staff.root.id,
      published_at: now.toISOString(),
      published_by: staff.userId,
    });
    if (!added) return;
    await recordAudit(trx, {
      at: now,
      userId: staff.userId,
      action: 'publish',
      kind: 'campaign',
      objectId: campaign.id,
      unitId: staff.root.id,
      summary: `Công khai kết quả đợt khảo sát "${campaign.name}" cho ${staff.root.name}`,
    });
  });
  return dto(campaign, await listPublications(deps.db, id), staff.root, now);
}

/** DELETE /api/campaigns/:id/publish: withdraws the publications made inside the caller's subtree. */
export async function unpublishCampaign(
  deps: { db: Db; clock: Clock },
  staff: Staff,
  id: string,
): Promise<PublicationDto> {
  const { campaign } = await campaignInScope(deps.db, staff.root, id);
  const now = deps.clock();
  await deps.db.transaction().execute(async (trx) => {
    const removed = await deletePublicationsIn(trx, campaign.id, staff.root.path);
    if (removed === 0) return;
    await recordAudit(trx, {
      at: now,
      userId: staff.userId,
      action: 'unpublish',
      kind: 'campaign',
      objectId: campaign.id,
      unitId: staff.root.id,
      summary: `Thôi công khai kết quả đợt khảo sát "${campaign.name}" trong ${staff.root.name}`,
    });
  });
  return dto(campaign, await listPublications(deps.db, id), staff.root, now);
}
