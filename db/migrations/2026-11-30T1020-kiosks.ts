import type { Kysely } from 'kysely';

// Frozen: counter devices (kiosks) registered by staff, each bound to one campaign and one of its
// units, and the device-side time of each tap they sent (issue 19): a kiosk legitimately gets
// many identical answers, so its bursts are judged by the device's tap rate, not by repeats.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('kiosks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('device_code', 'text', (c) => c.notNull().unique())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('disabled_at', 'text')
    .execute();
  await db.schema.createIndex('kiosks_campaign_idx').on('kiosks').column('campaign_id').execute();
  await db.schema
    .createTable('kiosk_taps')
    .addColumn('response_id', 'text', (c) => c.primaryKey())
    .addColumn('kiosk_id', 'text', (c) => c.notNull().references('kiosks.id'))
    .addColumn('campaign_id', 'text', (c) => c.notNull())
    .addColumn('tapped_at', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('kiosk_taps_campaign_idx')
    .on('kiosk_taps')
    .columns(['campaign_id', 'kiosk_id', 'tapped_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('kiosk_taps').execute();
  await db.schema.dropTable('kiosks').execute();
}
