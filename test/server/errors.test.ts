import { describe, expect, test } from 'vitest';
import { BODY_LIMIT_BYTES } from '../../server/app.js';
import { createTestApp } from '../helpers/app.js';

describe('error shape under /api', () => {
  test('400 validation_failed names each bad field', async () => {
    const t = await createTestApp();
    const res = await t.req('/api/auth/login', { body: { email: 'not-an-email' } });
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe('validation_failed');
    const paths = (error.details as { path: string }[]).map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['email', 'password']));
  });

  test('malformed JSON is a 400, not a 500', async () => {
    const t = await createTestApp();
    const res = await t.req('/api/auth/login', {
      body: '{"email":',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('validation_failed');
  });

  test('an unknown route is 404 not_found, in English on request', async () => {
    const t = await createTestApp();
    const res = await t.req('/api/nothing-here', { headers: { 'accept-language': 'en-US,en' } });
    expect(res.status).toBe(404);
    const { error } = await res.json();
    expect(error).toMatchObject({ code: 'not_found', message: 'Not found.' });
  });

  test('a body over the limit is 413 payload_too_large', async () => {
    const t = await createTestApp();
    const big = JSON.stringify({ email: 'a@b.vn', password: 'x'.repeat(BODY_LIMIT_BYTES) });
    const res = await t.req('/api/auth/login', {
      body: big,
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('payload_too_large');
  });

  test('a cross-site form post is refused by CSRF protection', async () => {
    const t = await createTestApp();
    const res = await t.req('/api/auth/logout', {
      method: 'POST',
      body: 'x=1',
      headers: {
        origin: 'https://evil.example',
        'content-type': 'application/x-www-form-urlencoded',
      },
    });
    expect(res.status).toBe(403);
  });

  test('GET /healthz answers ok and pages carry secure headers', async () => {
    const t = await createTestApp();
    const res = await t.req('/healthz');
    expect(await res.json()).toEqual({ ok: true });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
  });
});
