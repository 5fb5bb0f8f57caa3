import { describe, expect, test } from 'vitest';
import type { FeedbackStatus } from '../../db/schema.js';
import { createTestApp } from '../helpers/app.js';
import { driveTo, fileOne, move, moveBody } from '../helpers/feedback.js';

const ALL: FeedbackStatus[] = [
  'received',
  'accepted',
  'rejected',
  'transferred',
  'in_progress',
  'waiting_citizen',
  'answered',
  'published',
];

// Written out from CONTRACT.md on purpose, not imported: the test checks the code against the contract.
const ALLOWED = new Set([
  'received→accepted',
  'received→rejected',
  'received→transferred',
  'accepted→in_progress',
  'in_progress→waiting_citizen',
  'in_progress→answered',
  'in_progress→transferred',
  'waiting_citizen→in_progress',
  'answered→published',
]);

describe('POST /api/feedback/:id/transitions follows the state machine', () => {
  for (const from of ALL) {
    test(`from ${from}: exactly the contract's moves are allowed, every other → 409 conflict`, async () => {
      const t = await createTestApp();
      const cookie = await t.login('tayho@demo.vn');
      for (const to of ALL) {
        const { id } = await fileOne(t);
        await driveTo(t, cookie, id, from);
        const res = await move(t, cookie, id, moveBody(to));
        const allowed = ALLOWED.has(`${from}→${to}`);
        const body = (await res.json()) as { status?: string; error?: { code: string } };
        expect({ move: `${from}→${to}`, status: res.status }).toEqual({
          move: `${from}→${to}`,
          status: allowed ? 200 : 409,
        });
        if (allowed) expect(body.status).toBe(to);
        else expect(body.error?.code).toBe('conflict');
      }
    });
  }

  test('every transition is kept in the timeline with actor, time and note', async () => {
    const t = await createTestApp();
    const cookie = await t.login('tayho@demo.vn');
    const { id } = await fileOne(t);
    await driveTo(t, cookie, id, 'published');
    const detail = (await (await t.req(`/api/feedback/${id}`, { cookie })).json()) as {
      timeline: { from: string | null; to: string; actor: string | null; at: string }[];
    };
    expect(detail.timeline.map((e) => e.to)).toEqual([
      'received',
      'accepted',
      'in_progress',
      'answered',
      'published',
    ]);
    expect(detail.timeline.slice(1).every((e) => e.actor === 'Phòng GDĐT Tây Hồ')).toBe(true);
    expect(detail.timeline[0]!.actor).toBeNull();
  });

  test('answering without an answer → 400 and the item stays in progress', async () => {
    const t = await createTestApp();
    const cookie = await t.login('tayho@demo.vn');
    const { id } = await fileOne(t);
    await driveTo(t, cookie, id, 'in_progress');
    const res = await move(t, cookie, id, { to: 'answered', answer: '   ' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
      'validation_failed',
    );
    const after = (await (await t.req(`/api/feedback/${id}`, { cookie })).json()) as {
      status: string;
    };
    expect(after.status).toBe('in_progress');
  });

  test('a rejection needs a reason unless it names the original of a duplicate', async () => {
    const t = await createTestApp();
    const cookie = await t.login('tayho@demo.vn');
    const { id } = await fileOne(t);
    expect((await move(t, cookie, id, { to: 'rejected' })).status).toBe(400);
  });

  test('a refused move names both statuses as staff read them, never as codes', async () => {
    const t = await createTestApp();
    const cookie = await t.login('tayho@demo.vn');
    const { id } = await fileOne(t);
    const res = await move(t, cookie, id, moveBody('published'));
    const body = (await res.json()) as { error: { messages: { vi: string; en: string } } };
    expect(body.error.messages.vi).toBe('Không thể chuyển từ "Đã tiếp nhận" sang "Đã công khai".');
    expect(body.error.messages.en).toBe('Cannot move from "Received" to "Published".');
  });

  test('an unknown status → 400, not 409', async () => {
    const t = await createTestApp();
    const cookie = await t.login('tayho@demo.vn');
    const { id } = await fileOne(t);
    expect((await move(t, cookie, id, { to: 'closed' })).status).toBe(400);
  });
});
