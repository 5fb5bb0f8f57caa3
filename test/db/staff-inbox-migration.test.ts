import { describe, expect, test } from 'vitest';
import * as staffInbox from '../../db/migrations/2026-11-29T1800-staff-inbox.js';
import { createTestApp } from '../helpers/app.js';
import { testDialect } from '../helpers/db.js';
import { fileOne } from '../helpers/feedback.js';

describe(`the staff-inbox migration (${testDialect})`, () => {
  test('backfills the folded search text of items filed before it ran', async () => {
    const t = await createTestApp();
    const old = await fileOne(t, {
      title: 'Sân trường đọng nước',
      content: 'Mỗi khi mưa, sân trường Đông Thái đọng nước rất lâu.',
    });
    // As a database upgraded from before this migration: the tables it adds did not exist.
    await staffInbox.down(t.handle.db);
    await staffInbox.up(t.handle.db);
    const cookie = await t.login('tayho@demo.vn');
    const res = await t.req('/api/feedback?q=dong%20nuoc', { cookie });
    const body = (await res.json()) as { items: { id: string }[] };
    expect(body.items.map((i) => i.id)).toEqual([old.id]);
    const byCode = await t.req(`/api/feedback?q=${old.trackingCode.toLowerCase()}`, { cookie });
    expect(((await byCode.json()) as { total: number }).total).toBe(1);
  });
});
