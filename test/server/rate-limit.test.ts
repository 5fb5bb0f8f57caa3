import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterEach, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createCampaign, thcsAnswers } from '../helpers/campaigns.js';

/**
 * The public write limit (RATE_LIMIT) through the real app on a real socket. Other tests turn
 * it off; here it is 3 a minute. Clients are told apart by the address the server sees as the
 * peer: on Linux every 127.x.y.z is loopback, so a client bound to 127.0.0.2 is a second address.
 * No X-Forwarded-For is sent (proxy handling is configured separately).
 */

const LIMIT = 3;

const servers: ServerType[] = [];
afterEach(async () => {
  while (servers.length) {
    const s = servers.pop()!;
    await new Promise<void>((r) => s.close(() => r()));
  }
});

async function listen(t: TestApp): Promise<number> {
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  servers.push(server);
  return (server.address() as AddressInfo).port;
}

/** A JSON POST from the given local address; the status, the Retry-After header and the body. */
function post(port: number, from: string, path: string, body: unknown) {
  const data = JSON.stringify(body);
  return new Promise<{
    status: number;
    retryAfter?: string;
    body: { error: { details?: unknown } };
  }>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        localAddress: from,
        headers: {
          'content-type': 'application/json',
          origin: 'http://127.0.0.1',
          'content-length': Buffer.byteLength(data),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () =>
          resolve({
            status: res.statusCode!,
            retryAfter: res.headers['retry-after'] as string | undefined,
            body: JSON.parse(text),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

async function setup() {
  const t = await createTestApp({ config: { rateLimit: LIMIT } });
  const { id: campaignId, links } = await createCampaign(t, {
    unitIds: ['HN-TAYHO-THCS-DONGTHAI'],
  });
  const port = await listen(t);
  const path = `/api/public/forms/${links[0]!.code}/responses`;
  const submitFrom = (from: string) =>
    post(port, from, path, { clientId: randomUUID(), answers: thcsAnswers(4) });
  const stored = async () => {
    const res = await t.req(`/api/indices?campaignId=${campaignId}`, {
      cookie: await t.login('tayho@demo.vn'),
    });
    return ((await res.json()) as { responses: number }).responses;
  };
  return { t, submitFrom, stored };
}

describe('the public write limit (RATE_LIMIT=3)', () => {
  test("refuses the 4th write in a minute from one address with 429 rate_limited in the contract's shape", async () => {
    const { submitFrom, stored } = await setup();
    for (let i = 0; i < LIMIT; i++) expect((await submitFrom('127.0.0.1')).status).toBe(201);
    const refused = await submitFrom('127.0.0.1');
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({
      error: {
        code: 'rate_limited',
        message: 'Quá nhiều yêu cầu, vui lòng thử lại sau ít phút.',
        messages: {
          vi: 'Quá nhiều yêu cầu, vui lòng thử lại sau ít phút.',
          en: 'Too many requests; please try again in a few minutes.',
        },
        details: { retryAfterSeconds: 60 },
      },
    });
    expect(refused.retryAfter).toBe('60');
    // The refused submission was not stored.
    expect(await stored()).toBe(LIMIT);
  });

  test('another address is not affected by one that reached the limit', async () => {
    const { submitFrom, stored } = await setup();
    for (let i = 0; i < LIMIT; i++) expect((await submitFrom('127.0.0.1')).status).toBe(201);
    expect((await submitFrom('127.0.0.1')).status).toBe(429);
    for (let i = 0; i < LIMIT; i++) expect((await submitFrom('127.0.0.2')).status).toBe(201);
    expect((await submitFrom('127.0.0.2')).status).toBe(429);
    expect(await stored()).toBe(2 * LIMIT);
  });

  test("the window ends one minute after its first write, on the app's clock", async () => {
    const { t, submitFrom } = await setup();
    for (let i = 0; i < LIMIT; i++) expect((await submitFrom('127.0.0.1')).status).toBe(201);
    t.clock.advance(59_999);
    const last = await submitFrom('127.0.0.1');
    expect(last.status).toBe(429);
    expect(last.body.error.details).toEqual({ retryAfterSeconds: 1 });
    t.clock.advance(1);
    for (let i = 0; i < LIMIT; i++) expect((await submitFrom('127.0.0.1')).status).toBe(201);
    expect((await submitFrom('127.0.0.1')).status).toBe(429);
  });
});
