import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { countRows, userTables } from '../../db/copy.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

/** Every public write and read, with the shapes an attacker would vary. */
const PUBLIC_POSTS = ['/api/public/feedback', '/api/public/forms/NOSUCHCODE/responses', '/api/auth/login'];
/** Encodes what a URL can carry, and keeps raw malformed escapes ('%E0%A4%A', '%zz') as they are. */
const enc = (s: string): string =>
  s.startsWith('%') ? s : encodeURIComponent(s.replace(/[\uD800-\uDFFF]/g, ''));
const PUBLIC_GETS = [
  (s: string) => `/api/public/feedback/${enc(s)}`,
  (s: string) => `/api/public/forms/${enc(s)}`,
  (s: string) => `/api/public/disclosures?unitId=${enc(s)}`,
];

const hostileString = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.constantFrom(
    "'; DROP TABLE feedback; --",
    '<script>alert(1)</script>',
    '__proto__',
    'constructor',
    '\u0000\uFFFF\uD800',
    'Ａ'.repeat(5000),
    '%E0%A4%A',
    '%zz',
  ),
);

const hostileJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(hostileString, fc.constantFrom('__proto__', 'constructor', 'prototype')), tie('value'), { maxKeys: 5 }),
  ),
})).value;

const deepNesting = fc.integer({ min: 100, max: 3000 }).map((d) => '['.repeat(d) + ']'.repeat(d));

async function snapshotCounts(t: TestApp): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of await userTables(t.handle.db)) out[table] = await countRows(t.handle.db, table);
  delete out.login_attempts;
  return out;
}

async function expectErrorShape(res: Response): Promise<void> {
  expect(res.status).toBeLessThan(500);
  if (res.status >= 400) {
    const body = await res.json();
    expect(typeof body.error.code).toBe('string');
    expect(typeof body.error.message).toBe('string');
  }
}

describe('hostile input on public routes', () => {
  test('random JSON bodies never cause a 5xx, always the error shape, and store nothing', async () => {
    const t = await createTestApp();
    const before = await snapshotCounts(t);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...PUBLIC_POSTS), fc.oneof(hostileJson.map((v) => JSON.stringify(v)), deepNesting, fc.string()), async (path, body) => {
        const res = await t.req(path, { body, headers: { 'content-type': 'application/json' } });
        expect(res.status).toBeGreaterThanOrEqual(400);
        await expectErrorShape(res);
      }),
      { numRuns: 150 },
    );
    expect(await snapshotCounts(t)).toEqual(before);
  });

  test('hostile path and query values never cause a 5xx', async () => {
    const t = await createTestApp();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...PUBLIC_GETS), hostileString, async (make, s) => {
        await expectErrorShape(await t.req(make(s)));
      }),
      { numRuns: 100 },
    );
  });

  test('wrong content types are refused with the error shape', async () => {
    const t = await createTestApp();
    for (const path of PUBLIC_POSTS) {
      const res = await t.req(path, { body: '<xml/>', headers: { 'content-type': 'application/xml' } });
      expect(res.status).toBeGreaterThanOrEqual(400);
      await expectErrorShape(res);
    }
  });
});
