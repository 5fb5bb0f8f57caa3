import type { Db } from '../index.js';
import type { Campaign, Kiosk } from '../schema.js';
import { pathInSubtree } from './subtree.js';

/** Counter devices (kiosks) and the device-side times of their taps. */

export async function insertKiosk(db: Db, row: Kiosk): Promise<void> {
  await db.insertInto('kiosks').values(row).execute();
}

export interface KioskListRow extends Kiosk {
  campaign_name: string;
  unit_name: string;
}

/** The kiosks of units in the subtree rooted at `rootPath`, newest first. */
export async function listKiosksInScope(db: Db, rootPath: string): Promise<KioskListRow[]> {
  return db
    .selectFrom('kiosks as k')
    .innerJoin('units as u', 'u.id', 'k.unit_id')
    .innerJoin('campaigns as c', 'c.id', 'k.campaign_id')
    .selectAll('k')
    .select(['c.name as campaign_name', 'u.name as unit_name'])
    .where(pathInSubtree(db, 'u.path', rootPath))
    .orderBy('k.created_at', 'desc')
    .orderBy('k.id')
    .execute();
}

/** One kiosk, when its unit lies in the subtree rooted at `rootPath`. */
export async function getKioskInScope(
  db: Db,
  id: string,
  rootPath: string,
): Promise<KioskListRow | undefined> {
  return db
    .selectFrom('kiosks as k')
    .innerJoin('units as u', 'u.id', 'k.unit_id')
    .innerJoin('campaigns as c', 'c.id', 'k.campaign_id')
    .selectAll('k')
    .select(['c.name as campaign_name', 'u.name as unit_name'])
    .where('k.id', '=', id)
    .where(pathInSubtree(db, 'u.path', rootPath))
    .executeTakeFirst();
}

export async function setKioskDisabled(db: Db, id: string, at: string | null): Promise<void> {
  await db.updateTable('kiosks').set({ disabled_at: at }).where('id', '=', id).execute();
}

/** What a device code opens: the kiosk, its campaign and its unit's name. */
export async function getKioskByCode(
  db: Db,
  deviceCode: string,
): Promise<{ kiosk: Kiosk; campaign: Campaign; unitName: string } | undefined> {
  const kiosk = await db
    .selectFrom('kiosks')
    .selectAll()
    .where('device_code', '=', deviceCode)
    .executeTakeFirst();
  if (!kiosk) return undefined;
  const campaign = await db
    .selectFrom('campaigns')
    .selectAll()
    .where('id', '=', kiosk.campaign_id)
    .executeTakeFirst();
  const unit = await db
    .selectFrom('units')
    .select('name')
    .where('id', '=', kiosk.unit_id)
    .executeTakeFirst();
  if (!campaign || !unit) return undefined;
  return { kiosk, campaign, unitName: unit.name };
}

/**
 * Records which kiosk sent a response and when the device says it was tapped; a retry of the
 * same response changes nothing (the first record stands).
 */
export async function recordTapOnce(
  db: Db,
  row: {
    response_id: string;
    kiosk_id: string;
    campaign_id: string;
    tapped_at: string;
    received_at: string;
  },
): Promise<void> {
  await db
    .insertInto('kiosk_taps')
    .values(row)
    .onConflict((oc) => oc.column('response_id').doNothing())
    .execute();
}

export interface TapRow {
  kiosk_id: string;
  kiosk_name: string;
  unit_id: string;
  tapped_at: string;
}

/** Every tap of a campaign's kiosks at units of the subtree, by kiosk and time. */
export async function listTapsInScope(
  db: Db,
  campaignId: string,
  rootPath: string,
): Promise<TapRow[]> {
  return db
    .selectFrom('kiosk_taps as t')
    .innerJoin('kiosks as k', 'k.id', 't.kiosk_id')
    .innerJoin('units as u', 'u.id', 'k.unit_id')
    .select(['t.kiosk_id', 'k.name as kiosk_name', 'k.unit_id', 't.tapped_at'])
    .where('t.campaign_id', '=', campaignId)
    .where(pathInSubtree(db, 'u.path', rootPath))
    .orderBy('t.kiosk_id')
    .orderBy('t.tapped_at')
    .execute();
}
