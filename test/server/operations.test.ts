import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { systemClock } from '../../db/clock.js';
import { createDb, migrateToLatest } from '../../db/index.js';
import { BASE_STEP, seedDemo } from '../../cli/seed/demo.js';
import { createApp } from '../../server/app.js';
import { defaultConfig } from '../../server/config.js';
import { prepare } from '../../server/startup.js';
import { createTestApp } from '../helpers/app.js';
import { thcsAnswers } from '../helpers/campaigns.js';
import { startChildServer } from '../helpers/child-server.js';
import { testDialect } from '../helpers/db.js';
import { filing } from '../helpers/feedback.js';
import { liveApi, liveLogin } from '../helpers/live.js';

describe('request logs', () => {
  test('one JSON line per request with method, route pattern, status and duration — never personal data', async () => {
    const t = await createTestApp();
    const lines: string[] = [];
    const app = createApp({
      ...t.handle,
      clock: t.clock,
      config: defaultConfig({ rateLimit: 0 }),
      log: (l) => lines.push(l),
    });
    const contact = { name: 'Nguyễn Thị Lan', phone: '0912345678', email: 'lan@example.vn' };
    const res = await app.request('http://localhost/api/public/feedback', {
      method: 'POST',
      headers: { origin: 'http://localhost', 'content-type': 'application/json' },
      body: JSON.stringify(filing({ contact, consent: true })),
    });
    expect(res.status).toBe(201);
    const { trackingCode } = (await res.json()) as { trackingCode: string };
    await app.request(`http://localhost/feedback/status/${trackingCode}`);
    expect(lines).toHaveLength(2);
    const [filed, status] = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(filed).toMatchObject({ method: 'POST', route: '/api/public/feedback', status: 201 });
    expect(typeof filed!.ms).toBe('number');
    expect(status).toMatchObject({ method: 'GET', route: '/feedback/status/:code', status: 200 });
    const all = lines.join('\n');
    for (const secret of [contact.name, contact.phone, contact.email, trackingCode, 'Nhà vệ sinh'])
      expect(all).not.toContain(secret);
  });
});

describe('health and readiness', () => {
  test('/healthz stays {"ok":true}; /readyz checks the database and says when the server is shutting down', async () => {
    const t = await createTestApp();
    const lifecycle = { draining: false };
    const app = createApp({
      ...t.handle,
      clock: t.clock,
      config: defaultConfig({ rateLimit: 0 }),
      lifecycle,
    });
    expect(await (await app.request('/healthz')).json()).toEqual({ ok: true });
    const ready = await app.request('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ok: true });
    lifecycle.draining = true;
    expect((await app.request('/readyz')).status).toBe(503);
    // A database that no longer answers.
    const gone = createDb(':memory:');
    await gone.close();
    const broken = createApp({ ...gone, clock: t.clock, config: defaultConfig({ rateLimit: 0 }) });
    const down = await broken.request('/readyz');
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ ok: false, reason: 'database' });
  });
});

const dir = mkdtempSync(join(tmpdir(), 'hl-ops-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('graceful shutdown', () => {
  test.skipIf(testDialect !== 'sqlite')(
    'SIGTERM lets a submission in flight finish and be stored, then exits cleanly',
    async () => {
      const file = join(dir, 'ops.db');
      const h = createDb(file);
      await migrateToLatest(h.db);
      await prepare(h.db, systemClock);
      await seedDemo({ db: h.db, clock: systemClock, password: 'demo-2024' }, () => {}, [
        BASE_STEP,
      ]);
      await h.close();
      const server = await startChildServer(file);
      try {
        const cookie = await liveLogin(server.url, 'tayho@demo.vn');
        const now = Date.now();
        const created = await liveApi(server.url, '/api/campaigns', {
          cookie,
          body: {
            surveyId: 'edu-thcs',
            name: 'Khảo sát tắt máy',
            opensAt: new Date(now - 86_400_000).toISOString(),
            closesAt: new Date(now + 86_400_000).toISOString(),
            unitIds: ['HN-TAYHO-THCS-DONGTHAI'],
            access: 'link',
          },
        });
        const code = ((await created.json()) as { links: { code: string }[] }).links[0]!.code;
        const clientId = randomUUID();
        const body = Buffer.from(
          JSON.stringify({
            clientId,
            answers: thcsAnswers(),
            startedAt: new Date(now - 600_000).toISOString(),
          }),
        );
        const { port } = new URL(server.url);
        // Half the submission is sent, then the server is told to stop, then the rest arrives.
        const answered = new Promise<{ status: number; body: string }>((resolve, reject) => {
          const req = request(
            {
              host: '127.0.0.1',
              port,
              method: 'POST',
              path: `/api/public/forms/${code}/responses`,
              headers: {
                'content-type': 'application/json',
                'content-length': body.length,
                origin: server.url,
              },
            },
            (res) => {
              let text = '';
              res.on('data', (d: Buffer) => (text += d.toString()));
              res.on('end', () => resolve({ status: res.statusCode!, body: text }));
            },
          );
          req.on('error', reject);
          req.write(body.subarray(0, 20));
          req.once('socket', (socket) =>
            socket.once('connect', async () => {
              // A request on another connection, answered after this one's headers reached the server.
              expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
              server.proc.kill('SIGTERM');
              await server.printed(/"msg":"shutting down"/);
              req.end(body.subarray(20));
            }),
          );
        });
        const res = await answered;
        expect(res.status).toBe(201);
        await server.exited;
        expect(server.proc.exitCode).toBe(0);
        expect(await server.printed(/"msg":"stopped"/)).toBeTruthy();
        const after = createDb(file);
        const stored = await after.db
          .selectFrom('responses')
          .select('client_id')
          .where('client_id', '=', clientId)
          .execute();
        await after.close();
        expect(stored).toHaveLength(1);
      } finally {
        if (server.proc.exitCode === null) server.proc.kill('SIGKILL');
      }
    },
  );
});
