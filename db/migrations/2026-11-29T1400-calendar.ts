import type { Kysely } from 'kysely';

// Frozen: the calendar holds working days as well as days off (a swapped Saturday is a working
// day), a day off can be marked as estimated (a year not announced yet), and a database that
// already holds the first version's defaults gets the days those defaults missed (2025, and
// 2/1/2026 and 31/8/2026). Days an administrator added are left alone; an empty table is left
// empty (a fresh install seeds the full defaults on start).
// A feedback item records when its resolution clock was stopped by a wait for the citizen
// (null when the wait stops nothing because the item was already overdue).

const DAYS_OFF_ADDED: [string, string][] = [
  ['2025-01-01', 'Tết Dương lịch'],
  ['2025-01-27', 'Tết Nguyên đán Ất Tỵ'],
  ['2025-01-28', 'Tết Nguyên đán Ất Tỵ'],
  ['2025-01-29', 'Tết Nguyên đán Ất Tỵ'],
  ['2025-01-30', 'Tết Nguyên đán Ất Tỵ'],
  ['2025-01-31', 'Tết Nguyên đán Ất Tỵ'],
  ['2025-04-07', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'],
  ['2025-04-30', 'Ngày Giải phóng miền Nam'],
  ['2025-05-01', 'Ngày Quốc tế Lao động'],
  ['2025-05-02', 'Nghỉ hoán đổi (làm bù thứ Bảy 26/4/2025)'],
  ['2025-09-01', 'Quốc khánh (ngày liền kề)'],
  ['2025-09-02', 'Quốc khánh'],
  ['2026-01-02', 'Nghỉ hoán đổi (làm bù thứ Bảy 10/1/2026)'],
  ['2026-08-31', 'Nghỉ hoán đổi (làm bù thứ Bảy 22/8/2026)'],
];

const WORKING_DAYS_ADDED: [string, string][] = [
  ['2025-04-26', 'Làm bù cho ngày nghỉ 2/5/2025'],
  ['2026-01-10', 'Làm bù cho ngày nghỉ 2/1/2026'],
  ['2026-08-22', 'Làm bù cho ngày nghỉ 31/8/2026'],
];

/** The first version's 2027 defaults: still estimated while the table holds exactly these. */
const OLD_2027 = [
  '2027-01-01',
  '2027-02-05',
  '2027-02-06',
  '2027-02-07',
  '2027-02-08',
  '2027-02-09',
  '2027-02-10',
  '2027-02-11',
  '2027-04-16',
  '2027-04-30',
  '2027-05-01',
  '2027-05-03',
  '2027-09-02',
  '2027-09-03',
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('working_days')
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .alterTable('holidays')
    .addColumn('estimated', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema.alterTable('feedback').addColumn('clock_paused_at', 'text').execute();
  // The sweep of waits that ran out reads the waiting items of every unit on each inbox read.
  await db.schema.createIndex('feedback_status_idx').on('feedback').column('status').execute();
  await backfillPauses(db);

  const present = (await db.selectFrom('holidays').select('date').execute()).map(
    (r) => r.date as string,
  );
  if (!present.length) return;
  const have = new Set(present);
  const missing = DAYS_OFF_ADDED.filter(([d]) => !have.has(d)).map(([date, name]) => ({
    date,
    name,
    estimated: 0,
  }));
  if (missing.length) await db.insertInto('holidays').values(missing).execute();
  await db
    .insertInto('working_days')
    .values(WORKING_DAYS_ADDED.map(([date, name]) => ({ date, name })))
    .execute();
  const of2027 = present.filter((d) => d.startsWith('2027-')).sort();
  if (of2027.join() === OLD_2027.join()) {
    await db
      .updateTable('holidays')
      .set({ estimated: 1 })
      .where('date', 'like', '2027-%')
      .execute();
  }
}

/** Items waiting now: the wait stopped the clock when it began on or before the due date (Vietnam time). */
async function backfillPauses(db: Kysely<any>): Promise<void> {
  const waiting = await db
    .selectFrom('feedback')
    .select(['id', 'due_at'])
    .where('status', '=', 'waiting_citizen')
    .execute();
  const vnDate = (iso: string) =>
    new Date(Date.parse(iso) + 7 * 3_600_000).toISOString().slice(0, 10);
  for (const w of waiting) {
    const start = await db
      .selectFrom('feedback_events')
      .select('at')
      .where('feedback_id', '=', w.id)
      .where('to_status', '=', 'waiting_citizen')
      .orderBy('at', 'desc')
      .executeTakeFirst();
    if (start && vnDate(start.at) <= vnDate(w.due_at)) {
      await db
        .updateTable('feedback')
        .set({ clock_paused_at: start.at })
        .where('id', '=', w.id)
        .execute();
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('feedback_status_idx').execute();
  await db.schema.alterTable('feedback').dropColumn('clock_paused_at').execute();
  await db.schema.alterTable('holidays').dropColumn('estimated').execute();
  await db.schema.dropTable('working_days').execute();
}
