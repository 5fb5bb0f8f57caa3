import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createTestApp, ORIGIN, type TestApp } from '../helpers/app.js';

/**
 * The respondent page tells "no survey has this code" (404) apart from a failure of the server:
 * a database error is not a wrong code, and a parent told "check your code" would retype a
 * right one. The failure here is a real one: the table of link codes is renamed away.
 */

afterEach(() => {
  vi.restoreAllMocks();
});

async function brokenDatabase(): Promise<TestApp> {
  const t = await createTestApp();
  await sql`alter table campaign_units rename to campaign_units_gone`.execute(t.handle.db);
  return t;
}

function expectServerErrorPage(res: Response, html: string) {
  expect(res.status).toBe(500);
  expect(res.headers.get('content-type')).toContain('text/html');
  expect(html).toContain('<html lang="vi">');
  expect(html).toContain('<h1>Lỗi máy chủ</h1>');
  expect(html).toContain('Xin Quý vị thử lại sau ít phút.');
  expect(html).not.toContain('Không tìm thấy');
  // Nothing of the error itself reaches the person.
  expect(html).not.toMatch(/campaign_units|SQL|no such table|does not exist|Error/);
}

describe('the respondent page when the database fails', () => {
  test('GET /s/:code answers a 500 page in Vietnamese, not "not found", and logs the error', async () => {
    const t = await brokenDatabase();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = await t.req('/s/ABCD2345');
    expectServerErrorPage(res, await res.text());
    expect(logged).toHaveBeenCalledWith(
      'unexpected error',
      'GET',
      '/s/ABCD2345',
      expect.anything(),
    );
    expect(String(logged.mock.calls[0]![3])).toMatch(/campaign_units/);
  });

  test('POST /s/:code (the no-JavaScript form) answers the same 500 page and logs the error', async () => {
    const t = await brokenDatabase();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = await t.req('/s/ABCD2345', {
      body: new URLSearchParams({ _clientId: randomUUID(), tc1: '4' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN },
    });
    expectServerErrorPage(res, await res.text());
    expect(logged).toHaveBeenCalledWith(
      'unexpected error',
      'POST',
      '/s/ABCD2345',
      expect.anything(),
    );
  });

  test('a code nobody issued is still the "not found" page, and nothing is logged', async () => {
    const t = await createTestApp();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = await t.req('/s/ABCD2345');
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('Không tìm thấy phiếu khảo sát');
    expect(logged).not.toHaveBeenCalled();
  });

  test('under /api an unexpected error stays JSON in the contract shape', async () => {
    const t = await brokenDatabase();
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = await t.req('/api/public/forms/ABCD2345');
    expect(res.status).toBe(500);
    expect((await res.json()).error).toMatchObject({
      code: 'internal',
      message: 'Lỗi máy chủ, vui lòng thử lại.',
    });
  });
});
