import { z } from 'zod';
import type { Clock } from '../db/clock.js';
import type { Db } from '../db/index.js';
import {
  campaignHasResponses,
  copyCampaignEligible,
  deleteCampaignRows,
  setCampaignArchived,
  updateCampaignFields,
} from '../db/repositories/campaign-operations.js';
import { getCampaign, insertCampaign, listCampaignUnits } from '../db/repositories/campaigns.js';
import { listLatestSurveyRows } from '../db/repositories/surveys.js';
import { getUnit } from '../db/repositories/units.js';
import type { Campaign, Unit } from '../db/schema.js';
import { newCode, newId } from '../db/ids.js';
import { recordAudit } from './audit/service.js';
import { campaignState } from './campaign-state.js';
import { formatVnDateTime } from './domain/vn-time.js';
import { campaignInScope } from './campaigns.js';
import { AppError, conflict, forbidden, type Msg } from './errors.js';
import type { LinkCache } from './responses.js';

/**
 * Staff's operations on a campaign after it was made (issue 17): edit, extend, close early,
 * duplicate for the next period, delete one without responses, archive one with responses.
 * Only a user whose subtree holds the campaign's owner may change it: a school sees the
 * Department's campaign at its school, but does not run it.
 */

const ZIso = z.iso.datetime({ offset: true }).transform((s) => new Date(s).toISOString());

export const ZPatchCampaign = z
  .object({ name: z.string().trim().min(1).max(200), opensAt: ZIso, closesAt: ZIso })
  .partial()
  .strict();
export type TPatchCampaign = z.infer<typeof ZPatchCampaign>;

export const ZDuplicateCampaign = z
  .object({ name: z.string().trim().min(1).max(200), opensAt: ZIso, closesAt: ZIso })
  .strict();
export type TDuplicateCampaign = z.infer<typeof ZDuplicateCampaign>;

export interface OperationDeps {
  db: Db;
  clock: Clock;
  links: LinkCache;
}

const M = {
  opensAtStarted: {
    vi: 'Đợt khảo sát đã mở nên không đổi được thời điểm mở.',
    en: 'The campaign has opened: its opening time can no longer change.',
  },
  opensAtPast: {
    vi: 'Thời điểm mở không được ở trong quá khứ.',
    en: 'The opening time cannot be in the past.',
  },
  closesBeforeOpens: {
    vi: 'Thời điểm đóng phải sau thời điểm mở.',
    en: 'The closing time must be after the opening time.',
  },
  closesPast: {
    vi: 'Thời điểm đóng không được ở trong quá khứ.',
    en: 'The closing time cannot be in the past.',
  },
  alreadyClosed: { vi: 'Đợt khảo sát đã đóng.', en: 'The campaign is already closed.' },
  notYetOpen: {
    vi: 'Đợt khảo sát chưa mở nên không cần đóng; nếu không dùng nữa, hãy xoá đợt này.',
    en: 'The campaign has not opened: there is nothing to close; delete it if it is not needed.',
  },
  archiveOpen: {
    vi: 'Đợt khảo sát đang mở: hãy đóng đợt trước khi lưu trữ.',
    en: 'The campaign is open: close it before archiving it.',
  },
} satisfies Record<string, Msg>;

function invalidField(path: string, msg: Msg): AppError {
  return new AppError(400, 'validation_failed', msg, [{ path, message: msg.vi }]);
}

/** The campaign if the user may run it (its owner unit lies in the user's subtree), else 403/404. */
export async function ownedCampaign(db: Db, root: Unit, id: string): Promise<Campaign> {
  const { campaign } = await campaignInScope(db, root, id);
  const owner = await getUnit(db, campaign.owner_unit_id);
  if (!owner?.path.startsWith(root.path)) throw forbidden();
  return campaign;
}

/** The start of the current minute: a time picked in a minute-precise field is not "the past". */
function minuteStart(now: Date): string {
  return new Date(Math.floor(now.getTime() / 60_000) * 60_000).toISOString();
}

/** Checks a new window against the rules for `campaign` as it stands at `now`. */
function checkWindow(campaign: Campaign, patch: TPatchCampaign, now: Date): void {
  const opensChanged = patch.opensAt !== undefined && patch.opensAt !== campaign.opens_at;
  if (opensChanged) {
    if (campaignState(campaign, now) !== 'not_yet_open')
      throw invalidField('opensAt', M.opensAtStarted);
    if (patch.opensAt! < minuteStart(now)) throw invalidField('opensAt', M.opensAtPast);
  }
  const opens = patch.opensAt ?? campaign.opens_at;
  const closes = patch.closesAt ?? campaign.closes_at;
  if (closes <= opens) throw invalidField('closesAt', M.closesBeforeOpens);
  if (patch.closesAt !== undefined && patch.closesAt !== campaign.closes_at) {
    if (patch.closesAt < minuteStart(now)) throw invalidField('closesAt', M.closesPast);
  }
}

/** A change to a campaign and its audit entry, in one transaction (server/audit). */
async function audited(
  deps: OperationDeps,
  by: string | null,
  campaign: Campaign,
  entry: { action: string; summary: string; detail?: Record<string, unknown> },
  write: (trx: Db) => Promise<void>,
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    await write(trx);
    await recordAudit(trx, {
      at: deps.clock(),
      userId: by,
      kind: 'campaign',
      objectId: campaign.id,
      unitId: campaign.owner_unit_id,
      ...entry,
    });
  });
}

/** PATCH /api/campaigns/:id: a new name, opening time (before it opens) or closing time. */
export async function patchCampaign(
  deps: OperationDeps,
  root: Unit,
  id: string,
  patch: TPatchCampaign,
  by: string | null = null,
): Promise<Campaign> {
  const campaign = await ownedCampaign(deps.db, root, id);
  checkWindow(campaign, patch, deps.clock());
  const window = `${formatVnDateTime(patch.opensAt ?? campaign.opens_at)} – ${formatVnDateTime(patch.closesAt ?? campaign.closes_at)}`;
  const summary = `Sửa đợt khảo sát "${patch.name ?? campaign.name}" (${window})`;
  const before = { name: campaign.name, opensAt: campaign.opens_at, closesAt: campaign.closes_at };
  await audited(
    deps,
    by,
    campaign,
    { action: 'update', summary, detail: { before, patch } },
    (trx) =>
      updateCampaignFields(trx, id, {
        name: patch.name,
        opens_at: patch.opensAt,
        closes_at: patch.closesAt,
      }),
  );
  deps.links.clear(); // the public form reads the new window at once
  return (await getCampaign(deps.db, id))!;
}

/** POST /api/campaigns/:id/close: closed from now on. */
export async function closeCampaign(
  deps: OperationDeps,
  root: Unit,
  id: string,
  by: string | null = null,
) {
  const campaign = await ownedCampaign(deps.db, root, id);
  const now = deps.clock();
  const state = campaignState(campaign, now);
  if (state === 'closed') throw conflict(M.alreadyClosed);
  if (state === 'not_yet_open') throw conflict(M.notYetOpen);
  const summary = `Đóng sớm đợt khảo sát "${campaign.name}" lúc ${formatVnDateTime(now)}`;
  const detail = { closesAtBefore: campaign.closes_at };
  await audited(deps, by, campaign, { action: 'close', summary, detail }, (trx) =>
    updateCampaignFields(trx, id, { closes_at: now.toISOString() }),
  );
  deps.links.clear();
  return (await getCampaign(deps.db, id))!;
}

/** DELETE /api/campaigns/:id: only a campaign without any response. */
export async function deleteCampaign(
  deps: OperationDeps,
  root: Unit,
  id: string,
  by: string | null = null,
): Promise<void> {
  const campaign = await ownedCampaign(deps.db, root, id);
  await deps.db.transaction().execute(async (trx) => {
    if (await campaignHasResponses(trx, id)) {
      throw conflict({
        vi: 'Đợt khảo sát đã có phiếu trả lời nên không xoá được. Hãy lưu trữ đợt này: số liệu được giữ lại và đợt không còn hiện trong danh sách.',
        en: 'The campaign has responses and cannot be deleted. Archive it instead: its figures are kept and it leaves the lists.',
      });
    }
    await deleteCampaignRows(trx, id);
    await recordAudit(trx, {
      at: deps.clock(),
      userId: by,
      action: 'delete',
      kind: 'campaign',
      objectId: campaign.id,
      unitId: campaign.owner_unit_id,
      summary: `Xoá đợt khảo sát "${campaign.name}" (chưa có phiếu trả lời)`,
    });
  });
  deps.links.clear();
}

/** POST /api/campaigns/:id/archive and /unarchive. */
export async function archiveCampaign(
  deps: OperationDeps,
  root: Unit,
  id: string,
  archived: boolean,
  by: string | null = null,
): Promise<Campaign> {
  const campaign = await ownedCampaign(deps.db, root, id);
  const now = deps.clock();
  if (archived && campaignState(campaign, now) === 'open') throw conflict(M.archiveOpen);
  if (archived !== (campaign.archived_at !== null)) {
    const summary = `${archived ? 'Lưu trữ' : 'Đưa ra khỏi lưu trữ'} đợt khảo sát "${campaign.name}"`;
    await audited(
      deps,
      by,
      campaign,
      { action: archived ? 'archive' : 'unarchive', summary },
      (trx) => setCampaignArchived(trx, id, archived ? now.toISOString() : null),
    );
  }
  return (await getCampaign(deps.db, id))!;
}

/**
 * POST /api/campaigns/:id/duplicate: the same questionnaire (its newest version), units, access
 * and population N, for a new window; new link codes, no one-time codes.
 */
export async function duplicateCampaign(
  deps: OperationDeps,
  staff: { userId: string; root: Unit },
  id: string,
  input: TDuplicateCampaign,
) {
  const source = await ownedCampaign(deps.db, staff.root, id);
  const now = deps.clock();
  if (input.closesAt <= input.opensAt) throw invalidField('closesAt', M.closesBeforeOpens);
  if (input.closesAt < minuteStart(now)) throw invalidField('closesAt', M.closesPast);
  const latest = (await listLatestSurveyRows(deps.db)).find((s) => s.id === source.survey_id);
  const campaign: Campaign = {
    id: newId(),
    survey_id: source.survey_id,
    survey_version: latest?.version ?? source.survey_version,
    name: input.name,
    opens_at: input.opensAt,
    closes_at: input.closesAt,
    access: source.access,
    owner_unit_id: source.owner_unit_id,
    created_by: staff.userId,
    created_at: now.toISOString(),
    archived_at: null,
  };
  const units = (await listCampaignUnits(deps.db, id)).map((u) => ({
    unit_id: u.unit_id,
    code: newCode(),
  }));
  await deps.db.transaction().execute(async (trx) => {
    await insertCampaign(trx, campaign, units);
    await copyCampaignEligible(trx, source.id, campaign.id);
    await recordAudit(trx, {
      at: now,
      userId: staff.userId,
      action: 'duplicate',
      kind: 'campaign',
      objectId: campaign.id,
      unitId: campaign.owner_unit_id,
      summary: `Tạo đợt khảo sát "${campaign.name}" từ đợt "${source.name}"`,
      detail: { sourceId: source.id },
    });
  });
  return { campaign, units };
}
