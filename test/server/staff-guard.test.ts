import { describe, expect, test } from 'vitest';
import { requireStaff } from '../../server/middleware/auth.js';
import { createTestApp } from '../helpers/app.js';

describe('the staff session check', () => {
  test('runs once per request on every staff prefix, /api/campaigns/* included', async () => {
    const t = await createTestApp({ seed: false });
    const guards = t.app.routes.filter((r) => r.handler === requireStaff).map((r) => r.path);
    expect(guards).toContain('/api/campaigns/*');
    // Two sub-apps mounted on one prefix would each look the session up again.
    expect(guards.filter((p, i) => guards.indexOf(p) !== i)).toEqual([]);
  });

  test('still guards the campaign export, now mounted inside the campaigns sub-app', async () => {
    const t = await createTestApp();
    const res = await t.req('/api/campaigns/any/export?format=csv');
    expect(res.status).toBe(401);
  });
});
