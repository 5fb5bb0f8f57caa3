import { expect } from 'vitest';
import { newCode } from '../../db/ids.js';
import { insertCampaign } from '../../db/repositories/campaigns.js';
import { upsertUnits } from '../../db/repositories/units.js';
import type { TestApp } from './app.js';
import { submit, thcsAnswers } from './campaigns.js';
import { fileOne } from './feedback.js';

/** Text that exists only in the foreign unit's data: none of it may reach the user. */
export const MARK = {
  title: 'NGOAIPHAMVI tiêu đề phản ánh',
  contact: 'Người Ngoài Phạm Vi',
  campaign: 'NGOAIPHAMVI đợt khảo sát',
  suggestion: 'NGOAIPHAMVI góp ý riêng',
  template: 'NGOAIPHAMVI mẫu trả lời',
  kiosk: 'NGOAIPHAMVI quầy tiếp nhận',
};

export interface Foreign {
  unitId: string;
  unitName: string;
  campaignId: string;
  code: string;
  feedbackId: string;
  trackingCode: string;
  /** The SMS to the item's contact, as if it had failed for good (staff list it, may send it again). */
  outboxId: string;
  /** A reply template of the foreign unit. */
  templateId: string;
  /** A counter device (kiosk) of the foreign unit. */
  kioskId: string;
}

/** A campaign with one response and a feedback item with contact details, at `unitId`. */
export async function foreignData(t: TestApp, unitId: string, parent: string): Promise<Foreign> {
  const now = t.clock().toISOString();
  await upsertUnits(
    t.handle.db,
    [
      {
        id: 'DN',
        parent_id: null,
        name: 'Sở GDĐT Đà Nẵng',
        kind: 'department',
        level: null,
        eligible: 0,
      },
      {
        id: 'DN-THCS-NGOAI',
        parent_id: 'DN',
        name: 'Trường THCS Ngoài Phạm Vi',
        kind: 'school',
        level: 'THCS',
        eligible: 100,
      },
    ],
    now,
  );
  const unit = await t.handle.db
    .selectFrom('units')
    .select('name')
    .where('id', '=', unitId)
    .executeTakeFirstOrThrow();
  const campaignId = `foreign-${unitId}`;
  const code = newCode();
  const day = 86_400_000;
  await insertCampaign(
    t.handle.db,
    {
      id: campaignId,
      survey_id: 'edu-thcs',
      survey_version: 1,
      name: MARK.campaign,
      opens_at: new Date(t.clock().getTime() - day).toISOString(),
      closes_at: new Date(t.clock().getTime() + day).toISOString(),
      access: 'link',
      owner_unit_id: parent,
      created_by: null,
      created_at: now,
    },
    [{ unit_id: unitId, code }],
  );
  const res = await submit(t, code, {
    clientId: crypto.randomUUID(),
    answers: { ...thcsAnswers(2), gop_y: MARK.suggestion },
  });
  expect(res.status).toBe(201);
  const fb = await fileOne(t, {
    unitId,
    title: MARK.title,
    contact: { name: MARK.contact, phone: '0912345678' },
    consent: true,
  });
  const sms = await t.handle.db
    .updateTable('outbox')
    .set({ attempts: 6, next_attempt_at: null, last_error: 'SMS webhook answered 500' })
    .where('feedback_id', '=', fb.id)
    .returning('id')
    .executeTakeFirstOrThrow();
  const templateId = `tpl-${unitId}`;
  await t.handle.db
    .insertInto('reply_templates')
    .values({
      id: templateId,
      unit_id: unitId,
      title: MARK.template,
      body: MARK.template,
      created_by: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const kioskId = `kiosk-${unitId}`;
  await t.handle.db
    .insertInto('kiosks')
    .values({
      id: kioskId,
      device_code: newCode(12),
      campaign_id: campaignId,
      unit_id: unitId,
      name: MARK.kiosk,
      created_at: now,
      created_by: null,
      disabled_at: null,
    })
    .execute();
  return {
    kioskId,
    templateId,
    outboxId: sms.id,
    unitId,
    unitName: unit.name,
    campaignId,
    code,
    feedbackId: fb.id,
    trackingCode: fb.trackingCode,
  };
}

export function leaks(text: string, f: Foreign): string[] {
  return [f.unitName, ...Object.values(MARK)].filter((m) => text.includes(m));
}

/** What the foreign unit's data looks like after the attempts: nothing may have changed. */
export async function foreignState(t: TestApp, f: Foreign) {
  const db = t.handle.db;
  const fb = await db
    .selectFrom('feedback')
    .select('status')
    .where('id', '=', f.feedbackId)
    .executeTakeFirstOrThrow();
  const contacts = await db
    .selectFrom('feedback_contacts')
    .selectAll()
    .where('feedback_id', '=', f.feedbackId)
    .execute();
  const tokens = await db
    .selectFrom('campaign_tokens')
    .select('code')
    .where('campaign_id', '=', f.campaignId)
    .execute();
  const campaigns = await db
    .selectFrom('campaign_units')
    .select('campaign_id')
    .where('unit_id', '=', f.unitId)
    .execute();
  const settings = await db
    .selectFrom('target_settings')
    .selectAll()
    .where('unit_id', '=', f.unitId)
    .execute();
  const outbox = await db
    .selectFrom('outbox')
    .select(['attempts', 'next_attempt_at'])
    .where('feedback_id', '=', f.feedbackId)
    .execute();
  const templates = await db
    .selectFrom('reply_templates')
    .select(['id', 'title', 'body'])
    .where('unit_id', '=', f.unitId)
    .execute();
  const assignments = await db
    .selectFrom('feedback_assignments')
    .select('id')
    .where('feedback_id', '=', f.feedbackId)
    .execute();
  const kiosks = await db
    .selectFrom('kiosks')
    .select(['id', 'name', 'disabled_at'])
    .where('unit_id', '=', f.unitId)
    .execute();
  return {
    kiosks,
    templates,
    assignments: assignments.length,
    outbox,
    status: fb.status,
    contacts: contacts.length,
    tokens: tokens.length,
    campaigns: campaigns.length,
    settings: settings.length,
  };
}
