import type { Db } from '../../db/index.js';
import { newCode, newId } from '../../db/ids.js';
import {
  getKioskByCode,
  getKioskInScope,
  insertKiosk,
  listKiosksInScope,
  recordTapOnce,
  setKioskDisabled,
  type KioskListRow,
} from '../../db/repositories/kiosks.js';
import { getResponseByClientId } from '../../db/repositories/responses.js';
import type { Campaign, Kiosk, Unit } from '../../db/schema.js';
import type { TSurveyDefinition } from '../../surveys/schema.js';
import { recordAudit } from '../audit/service.js';
import { campaignUnitInScope } from '../campaign-views.js';
import type { AppDeps, StaffScope } from '../context.js';
import { AppError, invalid, notFound } from '../errors.js';
import { submitResponse, type OpenTarget } from '../responses.js';
import { kioskQuestions, type KioskQuestions } from './questions.js';
import type { TCreateKiosk, TKioskTap } from './schemas.js';

/** Registering, listing and disabling counter devices, and storing their taps. */

export function kioskUrl(origin: string, deviceCode: string): string {
  return `${origin}/k/${deviceCode}`;
}

function kioskDto(k: KioskListRow, origin: string) {
  return {
    id: k.id,
    deviceCode: k.device_code,
    url: kioskUrl(origin, k.device_code),
    name: k.name,
    campaignId: k.campaign_id,
    campaignName: k.campaign_name,
    unitId: k.unit_id,
    unitName: k.unit_name,
    createdAt: k.created_at,
    disabled: k.disabled_at !== null,
    disabledAt: k.disabled_at,
  };
}
export type KioskDto = ReturnType<typeof kioskDto>;

const unfit = () =>
  invalid(
    [
      {
        path: 'campaignId',
        message:
          'Bảng hỏi của đợt này không dùng được tại quầy: cần một câu hỏi mức độ hài lòng (1–5) và không có câu bắt buộc nào khác.',
        messageEn:
          "This campaign's questionnaire does not fit a counter: it needs a 1–5 satisfaction question and no other required question.",
      },
    ],
    {
      vi: 'Đợt khảo sát này không dùng được cho máy đánh giá tại quầy.',
      en: 'This campaign cannot be used on a counter device.',
    },
  );

/** POST /api/kiosks: a device bound to a campaign and one of its units in the user's subtree. */
export async function createKiosk(
  deps: Pick<AppDeps, 'db' | 'clock' | 'surveys'>,
  staff: StaffScope,
  input: TCreateKiosk,
  origin: string,
): Promise<KioskDto> {
  const { campaign, unit } = await campaignUnitInScope(
    deps.db,
    staff.root,
    input.campaignId,
    input.unitId,
  );
  const def = await deps.surveys.get(campaign.survey_id, campaign.survey_version);
  if (!def || !kioskQuestions(def)) throw unfit();
  const row: Kiosk = {
    id: newId(),
    device_code: newCode(12),
    campaign_id: campaign.id,
    unit_id: unit.unit_id,
    name: input.name,
    created_at: deps.clock().toISOString(),
    created_by: staff.user.id,
    disabled_at: null,
  };
  await deps.db.transaction().execute(async (trx) => {
    await insertKiosk(trx, row);
    await recordAudit(trx, {
      at: row.created_at,
      userId: staff.user.id,
      action: 'kiosk_create',
      kind: 'campaign',
      objectId: campaign.id,
      unitId: unit.unit_id,
      summary: `Đăng ký máy đánh giá tại quầy "${row.name}" của ${unit.name} cho đợt khảo sát "${campaign.name}"`,
    });
  });
  return kioskDto({ ...row, campaign_name: campaign.name, unit_name: unit.name }, origin);
}

/** GET /api/kiosks: the devices of units in `root`'s subtree (scoped by the caller), newest first. */
export async function listKiosks(db: Db, root: Unit, origin: string) {
  return (await listKiosksInScope(db, root.path)).map((k) => kioskDto(k, origin));
}

/** A device of the user's subtree, else 404. */
export async function kioskInScope(db: Db, staff: StaffScope, id: string): Promise<KioskListRow> {
  const k = await getKioskInScope(db, id, staff.root.path);
  if (!k) throw notFound();
  return k;
}

/** PATCH /api/kiosks/:id {disabled}: a disabled device's page and taps are refused from now on. */
export async function setDisabled(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  staff: StaffScope,
  id: string,
  disabled: boolean,
  origin: string,
): Promise<KioskDto> {
  const k = await kioskInScope(deps.db, staff, id);
  if (disabled === (k.disabled_at !== null)) return kioskDto(k, origin);
  const at = disabled ? deps.clock().toISOString() : null;
  await deps.db.transaction().execute(async (trx) => {
    await setKioskDisabled(trx, k.id, at);
    await recordAudit(trx, {
      at: deps.clock(),
      userId: staff.user.id,
      action: disabled ? 'kiosk_disable' : 'kiosk_enable',
      kind: 'campaign',
      objectId: k.campaign_id,
      unitId: k.unit_id,
      summary: `${disabled ? 'Tắt' : 'Bật lại'} máy đánh giá tại quầy "${k.name}" của ${k.unit_name}`,
    });
  });
  return kioskDto({ ...k, disabled_at: at }, origin);
}

export interface OpenKiosk {
  kiosk: Kiosk;
  campaign: Campaign;
  unitName: string;
  definition: TSurveyDefinition;
  questions: KioskQuestions;
}

const unknownDevice = () =>
  notFound({ vi: 'Không tìm thấy máy đánh giá này.', en: 'No counter device has this code.' });

/** What a device code opens; 404 for an unknown code, or a campaign that no longer fits. */
export async function openKiosk(
  deps: Pick<AppDeps, 'db' | 'surveys'>,
  deviceCode: string,
): Promise<OpenKiosk> {
  const code = deviceCode.toUpperCase();
  const found = /^[A-Z0-9]{4,32}$/.test(code) ? await getKioskByCode(deps.db, code) : undefined;
  if (!found) throw unknownDevice();
  const definition = await deps.surveys.get(
    found.campaign.survey_id,
    found.campaign.survey_version,
  );
  const questions = definition && kioskQuestions(definition);
  if (!definition || !questions) throw unknownDevice();
  return { ...found, definition, questions };
}

export const deviceDisabled = () =>
  new AppError(403, 'forbidden', {
    vi: 'Máy đánh giá này đã bị tắt: lượt đánh giá không được ghi nhận.',
    en: 'This counter device has been disabled: its ratings are not recorded.',
  });

/** How far back a queued tap's own time is believed (a device offline for longer is odd). */
const MAX_TAP_AGE_MS = 7 * 86_400_000;

/** The device's time of a tap, kept between the device's registration (or a week ago) and now. */
function tapTime(kiosk: Kiosk, tappedAt: string | undefined, now: Date): string {
  const floor = Math.max(Date.parse(kiosk.created_at), now.getTime() - MAX_TAP_AGE_MS);
  const at = tappedAt ? Date.parse(tappedAt) : now.getTime();
  return new Date(Math.min(now.getTime(), Math.max(floor, at))).toISOString();
}

/**
 * POST /api/public/kiosks/:deviceCode/responses: one tap, stored through the submission service
 * with channel `kiosk` (idempotent on the device's clientId), then the tap's device time. A retry
 * of a tap stored before the device was disabled still gets its id back.
 */
export async function submitTap(
  deps: AppDeps,
  open: OpenKiosk,
  tap: TKioskTap,
): Promise<{ id: string; created: boolean }> {
  const now = deps.clock();
  if (open.kiosk.disabled_at !== null) {
    const before = await getResponseByClientId(deps.db, tap.clientId);
    if (before && before.campaign_id === open.campaign.id) return { id: before.id, created: false };
    throw deviceDisabled();
  }
  const target: OpenTarget = {
    campaign: open.campaign,
    unitId: open.kiosk.unit_id,
    unitName: open.unitName,
    token: null,
    definition: open.definition,
  };
  const res = await submitResponse(
    deps,
    target,
    { clientId: tap.clientId, answers: tap.answers },
    'kiosk',
  );
  // After the response's own commit; a crash in between leaves the device unacknowledged, and its
  // retry (same clientId) records the tap then.
  await recordTapOnce(deps.db, {
    response_id: res.id,
    kiosk_id: open.kiosk.id,
    campaign_id: open.campaign.id,
    tapped_at: tapTime(open.kiosk, tap.tappedAt, now),
    received_at: now.toISOString(),
  });
  return res;
}
