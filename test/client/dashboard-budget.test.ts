import { describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';

/** Issue 20: what a slow link must carry before the sign-in form, and before the overview's chart. */
const SIGN_IN_BUDGET_BYTES = 15 * 1024;
const OVERVIEW_BUDGET_BYTES = 50 * 1024;

/** The modules a script imports statically (`import"./x.js"`, `from"./x.js"`), as minified. */
const staticImports = (js: string) =>
  [...js.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)].map((m) => `/assets/${m[1]}`);

/**
 * Everything the browser fetches for a path of the dashboard as served (the real build), in the
 * encoding asked for: the HTML, its stylesheets, its script and modulepreloads, every module those
 * import statically, and, when `view` names a page, that page's chunk (imported by the entry with
 * `import()`) with the modules it imports. Returns each file's bytes on the wire.
 */
async function onTheWire(
  t: TestApp,
  path: string,
  encoding: 'gzip' | 'br',
  opts: { cookie?: string; view?: string } = {},
) {
  const { cookie, view } = opts;
  // What a browser sends; gzip: one that does not take brotli.
  const headers = { 'accept-encoding': encoding === 'br' ? 'gzip, deflate, br' : 'gzip, deflate' };
  const res = await t.req(path, { headers, cookie });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-encoding')).toBe(encoding);
  const wire = new Map<string, number>([[path, (await res.arrayBuffer()).byteLength]]);
  const html = await (await t.req(path, { cookie })).text();
  const linked = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
  const queue = [...linked];
  const scripts: string[] = [];
  while (queue.length) {
    const a = queue.shift()!;
    if (wire.has(a)) continue;
    const r = await t.req(a, { headers });
    expect(r.status, a).toBe(200);
    expect(r.headers.get('content-encoding'), a).toBe(encoding);
    wire.set(a, (await r.arrayBuffer()).byteLength);
    if (!a.endsWith('.js')) continue;
    const js = await (await t.req(a)).text();
    scripts.push(js);
    queue.push(...staticImports(js));
    if (view && a.startsWith('/assets/dashboard-')) {
      const chunk = js.match(new RegExp(`import\\("\\./(${view}-[A-Z0-9]+\\.js)"\\)`))?.[1];
      expect(chunk, `the entry imports the ${view} page`).toBeDefined();
      queue.push(`/assets/${chunk}`);
    }
  }
  const total = [...wire.values()].reduce((a, b) => a + b, 0);
  return { wire, total, html, scripts };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

describe('the dashboard on a slow link', () => {
  test('the sign-in page (/app signed out) with its stylesheets and script weighs at most 15 KB gzipped: the form is in the HTML, no dashboard code', async () => {
    const t = await createTestApp();
    const gz = await onTheWire(t, '/app', 'gzip');
    const br = await onTheWire(t, '/app', 'br');
    console.log(`sign-in page on the wire: ${kb(gz.total)} gzip, ${kb(br.total)} brotli`);
    expect(gz.html).toMatch(
      /<form id="sign-in"[\s\S]*Email[\s\S]*Mật khẩu[\s\S]*Đăng nhập<\/button>/,
    );
    expect(gz.scripts).toHaveLength(1);
    expect([...gz.wire.keys()].filter((f) => /dashboard-|chunk-/.test(f))).toEqual([]);
    expect(gz.total).toBeLessThanOrEqual(SIGN_IN_BUDGET_BYTES);
  });

  test('the overview with its chart weighs at most 50 KB gzipped', async () => {
    const t = await createTestApp();
    const cookie = await t.login('admin@demo.vn');
    const gz = await onTheWire(t, '/app/overview', 'gzip', { cookie, view: 'overview' });
    const br = await onTheWire(t, '/app/overview', 'br', { cookie, view: 'overview' });
    console.log(
      `overview on the wire: ${kb(gz.total)} gzip, ${kb(br.total)} brotli\n` +
        [...gz.wire].map(([f, n]) => `  ${f} ${kb(n)}`).join('\n'),
    );
    // What draws the factor chart is among what was counted, and Chart.js is not.
    expect(gz.scripts.join('')).toContain('hbar-bar');
    expect(gz.scripts.join('')).not.toMatch(/chartjs/i);
    expect(gz.total).toBeLessThanOrEqual(OVERVIEW_BUDGET_BYTES);
  });

  test('signed in, the HTML paints the header and a Vietnamese loading status before any script runs', async () => {
    const t = await createTestApp();
    const cookie = await t.login('admin@demo.vn');
    const res = await t.req('/app/overview', { cookie });
    expect(res.headers.get('cache-control')).toBe('private, no-cache');
    const html = await res.text();
    expect(html).toMatch(/<div class="topbar" role="banner">[\s\S]*Hài Lòng[\s\S]*?<\/div>/);
    expect(html).toMatch(
      /<main[^>]*aria-busy="true"[^>]*>[\s\S]*role="status"[^>]*>[^<]*<[^>]*><\/span>Đang tải/,
    );
    expect(html).not.toContain('id="sign-in"');
    // One entry script; what it imports is asked for at the same time, not a round trip later.
    expect([...html.matchAll(/<script /g)]).toHaveLength(1);
    expect(html).toMatch(/<script type="module" src="\/assets\/dashboard-[A-Z0-9]{8}\.js">/);
    expect(html).toMatch(/<link rel="modulepreload" href="\/assets\/chunk-[A-Z0-9]{8}\.js">/);
  });

  test('hashed files are kept a year; the fixed-name ones are not', async () => {
    const t = await createTestApp();
    const cookie = await t.login('admin@demo.vn');
    const html = await (await t.req('/app', { cookie })).text();
    const entry = html.match(/src="(\/assets\/dashboard-[A-Z0-9]{8}\.js)"/)?.[1];
    expect(entry).toBeDefined();
    for (const enc of ['identity', 'gzip', 'br']) {
      const res = await t.req(entry!, { headers: { 'accept-encoding': enc } });
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    }
    const fixed = await t.req('/assets/respondent.js');
    expect(fixed.headers.get('cache-control')).toBeNull();
    const missing = await t.req('/assets/chunk-AAAAAAAA.js');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('cache-control') ?? '').not.toMatch(/immutable/);
  });
});
