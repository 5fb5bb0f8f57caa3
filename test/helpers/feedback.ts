import { expect } from 'vitest';
import { getFeedbackByCode } from '../../db/repositories/feedback.js';
import type { FeedbackStatus } from '../../db/schema.js';
import type { TestApp } from './app.js';

export const DONGTHAI = 'HN-TAYHO-THCS-DONGTHAI';
export const NHATTAN = 'HN-TAYHO-TH-NHATTAN';

export function filing(overrides: Record<string, unknown> = {}) {
  return {
    unitId: DONGTHAI,
    category: 'co_so_vat_chat',
    title: 'Nhà vệ sinh tầng 2 hỏng',
    content: 'Vòi nước nhà vệ sinh tầng 2 bị hỏng đã hai tuần, học sinh không rửa tay được.',
    consent: false,
    ...overrides,
  };
}

/** Files one item through the public API; returns its code, id and deadline. */
export async function fileOne(t: TestApp, overrides: Record<string, unknown> = {}) {
  const res = await t.req('/api/public/feedback', { body: filing(overrides) });
  expect(res.status).toBe(201);
  const body = (await res.json()) as { trackingCode: string; dueAt: string };
  const row = await getFeedbackByCode(t.handle.db, body.trackingCode);
  return { ...body, id: row!.id };
}

/** The body of a legal move to `to` (with the fields that move needs). */
export function moveBody(to: FeedbackStatus): Record<string, unknown> {
  switch (to) {
    case 'rejected':
      return { to, note: 'Không thuộc thẩm quyền' };
    case 'waiting_citizen':
      return { to, note: 'Xin gửi ảnh chụp' };
    case 'answered':
      return { to, answer: 'Nhà trường đã sửa vòi nước.' };
    case 'transferred':
      return { to, targetUnitId: NHATTAN };
    default:
      return { to };
  }
}

/** The moves that bring a new item to each status. */
export const PATH: Record<FeedbackStatus, FeedbackStatus[]> = {
  received: [],
  accepted: ['accepted'],
  rejected: ['rejected'],
  transferred: ['transferred'],
  in_progress: ['accepted', 'in_progress'],
  waiting_citizen: ['accepted', 'in_progress', 'waiting_citizen'],
  answered: ['accepted', 'in_progress', 'answered'],
  published: ['accepted', 'in_progress', 'answered', 'published'],
};

export async function move(t: TestApp, cookie: string, id: string, body: Record<string, unknown>) {
  return t.req(`/api/feedback/${id}/transitions`, { body, cookie });
}

/** Drives an item to `status` along PATH, failing loudly if any step is refused. */
export async function driveTo(
  t: TestApp,
  cookie: string,
  id: string,
  status: FeedbackStatus,
): Promise<void> {
  for (const to of PATH[status]) {
    const res = await move(t, cookie, id, moveBody(to));
    if (res.status !== 200) throw new Error(`move to ${to}: ${res.status} ${await res.text()}`);
  }
}
