import { chromium, type BrowserContext } from 'playwright-core';
import { buildClient } from '../../client/build.js';
import { randomUUID } from 'node:crypto';
import { prng, realisticAnswers } from '../answers.js';
import { fmt, median, startChild } from '../lib.js';
import { BENCH_PASSWORD, type Scenario } from '../scenario.js';
import { appEnv } from './submit.js';
import type { BenchContext, Section } from './types.js';

/** Issue 20's slow link: 400 kbps both ways, 400 ms round trip (Chromium's network emulation). */
const LINK = { kbps: 400, rttMs: 400 };
const FIRST_PAINT_TARGET_MS = 2500;
const RUNS = 3;

interface Visit {
  firstPaint: number;
  firstContentfulPaint: number;
  /** When what the page is for is on the screen: the sign-in form, the overview's chart. */
  ready: number;
  /** Every response's bytes as received (headers and body, compressed), as Chromium counts them. */
  bytes: number;
  requests: number;
}

/**
 * One page load in a context under the slow link: the paint timings the browser records, the time
 * until `selector` is in the page, and the bytes it received.
 */
async function visit(ctx: BrowserContext, url: string, selector: string): Promise<Visit> {
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: LINK.rttMs,
    downloadThroughput: (LINK.kbps * 1000) / 8,
    uploadThroughput: (LINK.kbps * 1000) / 8,
  });
  let bytes = 0;
  let requests = 0;
  cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
    bytes += e.encodedDataLength;
    requests++;
  });
  await page.goto(url, { waitUntil: 'commit', timeout: 60_000 });
  const ready = await page.waitForFunction(
    (s) => document.querySelector(s) && performance.now(),
    selector,
    { polling: 'raf', timeout: 60_000 },
  );
  const readyMs = (await ready.jsonValue()) as number;
  await page.waitForLoadState('networkidle', { timeout: 60_000 });
  const paints = await page.evaluate(() =>
    Object.fromEntries(performance.getEntriesByType('paint').map((p) => [p.name, p.startTime])),
  );
  await page.close();
  return {
    firstPaint: paints['first-paint'] ?? NaN,
    firstContentfulPaint: paints['first-contentful-paint'] ?? NaN,
    ready: readyMs,
    bytes,
    requests,
  };
}

/** The session cookie of a demo account, signed in through the API as the form does. */
async function sessionCookie(origin: string, email: string): Promise<string> {
  const res = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ email, password: BENCH_PASSWORD }),
  });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('hl_session='));
  if (!res.ok || !cookie) throw new Error(`sign-in failed: ${res.status}`);
  return cookie.slice('hl_session='.length);
}

/** Responses at the schools of Tây Hồ, so its overview has figures (a chart) to show. */
async function fillTayHo(origin: string, s: Scenario, perSchool: number): Promise<void> {
  const r = prng(20);
  const codes = [...s.codes].filter(([unit]) => unit.includes('TAYHO')).map(([, code]) => code);
  for (const code of codes)
    for (let i = 0; i < perSchool; i++) {
      const res = await fetch(`${origin}/api/public/forms/${code}/responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin },
        body: JSON.stringify({
          clientId: randomUUID(),
          answers: realisticAnswers(s.definition, r),
        }),
      });
      if (!res.ok) throw new Error(`a response was refused: ${res.status} ${await res.text()}`);
    }
}

/**
 * Benchmark: how soon the dashboard paints on a slow link, in Chromium (playwright-core) with
 * `Network.emulateNetworkConditions`: the sign-in page, and the overview of a signed-in manager,
 * each from an empty cache (a new browser context per run), and the overview again with the
 * cache of the run before (the hashed chunks are kept; only the page and its data travel).
 */
export async function paintBench(ctx: BenchContext): Promise<Section> {
  await buildClient({ quiet: true });
  const s = await ctx.scenario('submit');
  const app = await startChild('bench/servers/app.ts', appEnv(s.file));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'],
  });
  try {
    const origin = String(app.ready.origin);
    await fillTayHo(origin, s, 30);
    const session = await sessionCookie(origin, 'tayho@demo.vn');
    const cases = {
      signIn: [] as Visit[],
      overview: [] as Visit[],
      overviewCached: [] as Visit[],
    };
    for (let i = 0; i < RUNS; i++) {
      const out = await browser.newContext({ viewport: { width: 360, height: 740 } });
      cases.signIn.push(await visit(out, `${origin}/app`, '#sign-in button'));
      await out.close();
      const signed = await browser.newContext({ viewport: { width: 360, height: 740 } });
      await signed.addCookies([{ name: 'hl_session', value: session, url: origin }]);
      cases.overview.push(await visit(signed, `${origin}/app/overview`, '.hbars'));
      cases.overviewCached.push(await visit(signed, `${origin}/app/overview`, '.hbars'));
      await signed.close();
      ctx.log(`   run ${i + 1}/${RUNS} done`);
    }
    const rows = [
      {
        label: 'sign-in page `/app` (signed out), empty cache',
        ready: 'form shown',
        v: cases.signIn,
      },
      { label: 'overview `/app/overview`, empty cache', ready: 'chart drawn', v: cases.overview },
      {
        label: 'overview `/app/overview`, second visit',
        ready: 'chart drawn',
        v: cases.overviewCached,
      },
    ].map((r) => ({
      ...r,
      fp: median(r.v.map((x) => x.firstPaint)),
      fcp: median(r.v.map((x) => x.firstContentfulPaint)),
      readyMs: median(r.v.map((x) => x.ready)),
      kb: median(r.v.map((x) => x.bytes)) / 1024,
      requests: median(r.v.map((x) => x.requests)),
    }));
    const s2 = (ms: number) => `${fmt(ms / 1000, 2)} s`;
    const verdict = (ms: number) => (ms <= FIRST_PAINT_TARGET_MS ? 'target met' : 'OVER target');
    return {
      name: 'paint',
      title: '6. Dashboard first paint on a slow link',
      summary: rows.map(
        (r) =>
          `${r.label}: first paint ${s2(r.fp)} (target ≤ ${s2(FIRST_PAINT_TARGET_MS)}, ${verdict(r.fp)}), first contentful paint ${s2(r.fcp)}, ${r.ready} ${s2(r.readyMs)}, ${fmt(r.kb, 1)} KB received`,
      ),
      body: [
        `Chromium (playwright-core) with \`Network.emulateNetworkConditions\`: ${LINK.kbps} kbps down and up,`,
        `${LINK.rttMs} ms round trip, a 360 px window. Each figure is the median of ${RUNS} loads; "empty cache" is a new`,
        'browser context per load, "second visit" loads the page again in the context of the load before.',
        'First paint and first contentful paint are the browser\'s own (`performance.getEntriesByType("paint")`);',
        '"form shown" / "chart drawn" is when the sign-in button / the overview\'s factor bars are in the page;',
        'KB received counts every response (headers and compressed bodies, API answers included) until the',
        'network is idle.',
        '',
        '| page | first paint | first contentful paint | ready | KB received | requests |',
        '|---|---:|---:|---:|---:|---:|',
        ...rows.map(
          (r) =>
            `| ${r.label} | ${s2(r.fp)} | ${s2(r.fcp)} | ${r.ready} ${s2(r.readyMs)} | ${fmt(r.kb, 1)} | ${r.requests} |`,
        ),
      ],
    };
  } finally {
    await browser.close();
    await app.stop();
  }
}
