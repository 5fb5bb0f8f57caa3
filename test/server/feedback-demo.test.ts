import { describe, expect, test } from 'vitest';
import { BASE_STEP, seedDemo } from '../../cli/seed/demo.js';
import { FEEDBACK_STEP } from '../../cli/seed/feedback.js';
import { STATUSES } from '../../server/feedback/state-machine.js';
import { createTestApp, DEMO_PASSWORD } from '../helpers/app.js';

describe('the feedback demo data', () => {
  test('has items in every status, some answered late and some open past due', async () => {
    const t = await createTestApp({ seed: false });
    await seedDemo({ db: t.handle.db, clock: t.clock, password: DEMO_PASSWORD }, () => {}, [
      BASE_STEP,
      FEEDBACK_STEP,
    ]);
    const rows = await t.handle.db.selectFrom('feedback').selectAll().execute();
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(STATUSES));
    expect(rows.some((r) => r.answered_at && r.answered_at > r.due_at)).toBe(true);
    const cookie = await t.login('admin@demo.vn');
    const overdue = (await (await t.req('/api/feedback?overdue=true', { cookie })).json()) as {
      items: { status: string }[];
    };
    expect(overdue.items.some((i) => i.status === 'in_progress')).toBe(true);
    expect(new Set(rows.map((r) => r.kind))).toEqual(
      new Set(['feedback', 'complaint', 'denunciation']),
    );
  });
});
