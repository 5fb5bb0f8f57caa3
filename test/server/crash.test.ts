import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, test } from 'vitest';
import { createDb, migrateToLatest } from '../../db/index.js';
import { BASE_STEP, seedDemo } from '../../cli/seed/demo.js';
import { systemClock } from '../../db/clock.js';
import { prepare } from '../../server/startup.js';
import { recount, storedCounters, thcsAnswers } from '../helpers/campaigns.js';
import { startChildServer, type ChildServer } from '../helpers/child-server.js';
import { testDialect } from '../helpers/db.js';
import { liveApi, liveLogin } from '../helpers/live.js';

/**
 * `npm run test:soak` sets SOAK=1: more rounds, more submissions before each kill. In `npm test`
 * the kills are many and short: a server that acknowledges before its commit loses a response
 * only when a kill lands in that gap, so each kill is a draw and the file is checked after each.
 */
const SOAK = process.env.SOAK === '1';
const ROUNDS = SOAK ? 8 : 4;
const ACKS_BEFORE_KILL = SOAK ? 400 : 24;
const IN_FLIGHT = 8;

const dir = mkdtempSync(join(tmpdir(), 'hl-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A migrated SQLite file with the demo units and accounts, as `npm start` would leave it. */
async function freshDatabaseFile(): Promise<string> {
  const file = join(dir, 'crash.db');
  const h = createDb(file);
  await migrateToLatest(h.db);
  await prepare(h.db, systemClock);
  await seedDemo({ db: h.db, clock: systemClock, password: 'demo-2024' }, () => {}, [BASE_STEP]);
  await h.close();
  return file;
}

async function openCampaign(base: string) {
  const cookie = await liveLogin(base, 'tayho@demo.vn');
  const now = Date.now();
  const res = await liveApi(base, '/api/campaigns', {
    cookie,
    body: {
      surveyId: 'edu-thcs',
      name: 'Khảo sát chịu lỗi',
      opensAt: new Date(now - 86_400_000).toISOString(),
      closesAt: new Date(now + 86_400_000).toISOString(),
      unitIds: ['HN-TAYHO-THCS-DONGTHAI', 'HN-TAYHO-THCS-TULIEN'],
      access: 'link',
    },
  });
  expect(res.status).toBe(201);
  const body = (await res.json()) as { id: string; links: { code: string }[] };
  return { id: body.id, codes: body.links.map((l) => l.code) };
}

/** A varied, valid response: levels 1–5 and "no opinion", sometimes a priority and a suggestion. */
function answersFor(i: number): Record<string, unknown> {
  const a = thcsAnswers();
  Object.keys(a).forEach((k, j) => (a[k] = (i + j) % 6 === 5 ? null : ((i * 7 + j) % 5) + 1));
  if (i % 3 === 0) a.uu_tien = ['co_so_vat_chat', 'ket_qua'].slice(0, 1 + (i % 2));
  if (i % 4 === 0) a.gop_y = `Góp ý số ${i}`;
  return a;
}

interface Sent {
  code: string;
  /** Every third goes as the no-JavaScript form post, the rest through the JSON API. */
  channel: 'api' | 'form';
  body: { clientId: string; answers: Record<string, unknown>; startedAt: string };
}

/** The answers as the plain HTML form posts them: 'na' for no opinion, one field per choice. */
function formFields(s: Sent): URLSearchParams {
  const f = new URLSearchParams({ _clientId: s.body.clientId, _startedAt: s.body.startedAt });
  for (const [k, v] of Object.entries(s.body.answers)) {
    for (const one of Array.isArray(v) ? v : [v]) f.append(k, one === null ? 'na' : String(one));
  }
  return f;
}

/** Sends one submission; the id when the API answered it (the form's thank-you page has none). */
async function send(base: string, s: Sent): Promise<{ status: number; id?: string }> {
  if (s.channel === 'api') {
    const res = await liveApi(base, `/api/public/forms/${s.code}/responses`, { body: s.body });
    return { status: res.status, id: ((await res.json()) as { id?: string }).id };
  }
  const res = await fetch(`${base}/s/${s.code}`, {
    method: 'POST',
    headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded' },
    body: formFields(s),
  });
  const page = await res.text();
  return { status: res.status === 200 && page.includes('Cảm ơn Quý vị!') ? 201 : res.status };
}

/**
 * Keeps IN_FLIGHT submissions going until `ackTarget` are acknowledged, then SIGKILLs the server
 * with requests still in flight. Returns the acknowledged ids and every request sent.
 */
async function submitUntilKilled(
  server: ChildServer,
  codes: string[],
  ackTarget: number,
  offset: number,
) {
  const acked = new Map<string, string>();
  const sent: Sent[] = [];
  let killed = false;
  let i = offset;
  const deadline = Date.now() + 60_000;
  const worker = async () => {
    while (!killed && Date.now() < deadline) {
      const n = i++;
      const s: Sent = {
        code: codes[n % codes.length]!,
        channel: n % 3 === 2 ? 'form' : 'api',
        body: {
          clientId: randomUUID(),
          answers: answersFor(n),
          startedAt: new Date(Date.now() - 300_000).toISOString(),
        },
      };
      sent.push(s);
      try {
        const res = await send(server.url, s);
        if (res.status !== 201) throw new Error(`unexpected ${res.status} (${s.channel})`);
        acked.set(s.body.clientId, res.id ?? '');
      } catch (e) {
        if (!killed) throw e;
        return; // the connection died with the server: the outcome of this one is unknown
      }
      if (acked.size >= ackTarget && !killed) {
        killed = true;
        server.proc.kill('SIGKILL');
      }
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  expect(killed).toBe(true);
  await server.exited;
  return { acked, sent };
}

/**
 * The database file as the kill left it, read before any server opens it again: the
 * acknowledged client ids that it does not hold (or holds under another id than acknowledged).
 */
function missingAfterKill(file: string, acked: ReadonlyMap<string, string>): string[] {
  const db = new Database(file, { readonly: true });
  try {
    const byClient = db.prepare<[string], { id: string }>(
      'select id from responses where client_id = ?',
    );
    return [...acked]
      .filter(([clientId, id]) => {
        const row = byClient.get(clientId);
        return !row || (id !== '' && row.id !== id);
      })
      .map(([clientId]) => clientId);
  } finally {
    db.close();
  }
}

describe.skipIf(testDialect === 'postgres')(
  'the server killed with SIGKILL during sustained submissions',
  () => {
    test(
      `loses no acknowledged response and stores none twice over ${ROUNDS} kills`,
      async () => {
        const file = await freshDatabaseFile();
        let server = await startChildServer(file);
        const { id: campaignId, codes } = await openCampaign(server.url);
        const acked = new Map<string, string>();
        const sent: Sent[] = [];

        for (let round = 0; round < ROUNDS; round++) {
          const r = await submitUntilKilled(server, codes, ACKS_BEFORE_KILL, sent.length);
          expect(
            missingAfterKill(file, r.acked),
            `kill ${round + 1}: acknowledged, not in the database`,
          ).toEqual([]);
          r.acked.forEach((v, k) => acked.set(k, v));
          sent.push(...r.sent);
          server = await startChildServer(file);
        }

        // Every acknowledged clientId sent again through the API: the original id, nothing new.
        for (const s of sent.filter((x) => acked.has(x.body.clientId))) {
          const res = await send(server.url, { ...s, channel: 'api' });
          expect(res.status).toBe(200);
          if (s.channel === 'api') expect(res.id).toBe(acked.get(s.body.clientId));
          else acked.set(s.body.clientId, res.id!);
        }
        // The ones cut off mid-flight: either stored before the kill (200, same row) or now (201).
        for (const s of sent.filter((x) => !acked.has(x.body.clientId))) {
          expect([200, 201]).toContain((await send(server.url, s)).status);
        }
        // What the staff see: the dashboard's count is every submission, once.
        const cookie = await liveLogin(server.url, 'tayho@demo.vn');
        const shown = await liveApi(server.url, `/api/indices?campaignId=${campaignId}`, {
          cookie,
        });
        expect(((await shown.json()) as { responses: number }).responses).toBe(sent.length);
        server.proc.kill('SIGTERM');
        await server.exited;

        const h = createDb(file);
        try {
          const rows = await h.db
            .selectFrom('responses')
            .select(['id', 'client_id'])
            .where('campaign_id', '=', campaignId)
            .execute();
          const byClient = new Map(rows.map((r) => [r.client_id, r.id]));
          expect(rows.length).toBe(sent.length);
          expect(byClient.size).toBe(rows.length);
          for (const [clientId, id] of acked) expect(byClient.get(clientId)).toBe(id);
          expect(await storedCounters(h.db, campaignId)).toEqual(await recount(h.db, campaignId));
        } finally {
          await h.close();
        }
      },
      SOAK ? 600_000 : 150_000,
    );
  },
);
