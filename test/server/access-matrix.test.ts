import { describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createCampaign } from '../helpers/campaigns.js';
import { foreignData, foreignState, leaks, type Foreign } from '../helpers/foreign-data.js';

/**
 * Every staff route, found in the app's own route table (so a route added later is covered or
 * fails the "every route is known" test), asked by each demo account about a unit, campaign and
 * feedback item outside its subtree.
 */

const ROLES = [
  // The Department admin sees all of Hà Nội: its foreign unit is another province's school.
  { email: 'admin@demo.vn', foreign: 'DN-THCS-NGOAI', parent: 'DN' },
  { email: 'tayho@demo.vn', foreign: 'HN-BADINH-THCS-GIANGVO', parent: 'HN-BADINH' },
  { email: 'dongthai@demo.vn', foreign: 'HN-TAYHO-TH-NHATTAN', parent: 'HN-TAYHO' },
] as const;

/** The staff routes: everything under /api except sign-in and the public API; middleware excluded. */
function staffRoutes(t: TestApp): { method: string; path: string }[] {
  const seen = new Map<string, { method: string; path: string }>();
  for (const r of t.app.routes) {
    if (r.method === 'ALL' || !r.path.startsWith('/api/')) continue;
    if (r.path.startsWith('/api/public') || r.path.startsWith('/api/auth')) continue;
    seen.set(`${r.method} ${r.path}`, { method: r.method, path: r.path });
  }
  return [...seen.values()];
}

function fillPath(path: string, f: Foreign): string {
  return path
    .replace(/:unitId\b/, f.unitId)
    .replace(/:trackingCode\b/, f.trackingCode)
    .replace(/^\/api\/feedback\/templates\/:id/, `/api/feedback/templates/${f.templateId}`)
    .replace(/^\/api\/campaigns\/:id/, `/api/campaigns/${f.campaignId}`)
    .replace(/^\/api\/feedback\/:id/, `/api/feedback/${f.feedbackId}`)
    .replace(/^\/api\/notifications\/:id/, `/api/notifications/${f.outboxId}`)
    .replace(/^\/api\/surveys\/:id/, `/api/surveys/${FOREIGN_SURVEY}`)
    .replace(/^\/api\/kiosks\/:id/, `/api/kiosks/${f.kioskId}`)
    .replace(/^\/api\/dialogues\/:id/, `/api/dialogues/${FOREIGN_DIALOGUE.id}`)
    .replace(/:groupId\b/, FOREIGN_DIALOGUE.groupId)
    .replace(/:questionId\b/, FOREIGN_DIALOGUE.questionId)
    .replace(/:id\b/, f.unitId);
}

/** The body each write route gets: the foreign ids wherever the route takes one. */
const WRITE_BODIES: Record<string, (f: Foreign, now: number) => unknown> = {
  'POST /api/campaigns': (f, now) => ({
    surveyId: 'edu-thcs',
    name: 'Đợt lấn sân',
    opensAt: new Date(now).toISOString(),
    closesAt: new Date(now + 86_400_000).toISOString(),
    unitIds: [f.unitId],
    access: 'link',
  }),
  'POST /api/campaigns/:id/tokens': (f) => ({ unitId: f.unitId, count: 2 }),
  'PATCH /api/campaigns/:id/units/:unitId': () => ({ eligible: 1 }),
  'PATCH /api/campaigns/:id': () => ({ name: 'Đợt lấn sân' }),
  'POST /api/campaigns/:id/close': () => undefined,
  'DELETE /api/campaigns/:id': () => undefined,
  'POST /api/campaigns/:id/archive': () => undefined,
  'POST /api/campaigns/:id/unarchive': () => undefined,
  'POST /api/campaigns/:id/publish': () => undefined,
  'DELETE /api/campaigns/:id/publish': () => undefined,
  'POST /api/campaigns/:id/duplicate': (_, now) => ({
    name: 'Đợt lấn sân',
    opensAt: new Date(now + 86_400_000).toISOString(),
    closesAt: new Date(now + 2 * 86_400_000).toISOString(),
  }),
  'PUT /api/targets/settings': (f) => ({
    unitId: f.unitId,
    targetId: 'pakn_on_time',
    validFrom: '2026-01-01',
    value: 10,
  }),
  'POST /api/feedback/:id/transitions': () => ({ to: 'accepted' }),
  'POST /api/feedback/:id/assign': () => ({ userId: null }),
  'POST /api/feedback/templates': (f) => ({ unitId: f.unitId, title: 'Lấn sân', body: 'x' }),
  'PATCH /api/feedback/templates/:id': () => ({ title: 'Sửa mẫu ngoài phạm vi' }),
  'DELETE /api/feedback/templates/:id': () => undefined,
  'DELETE /api/feedback/by-code/:trackingCode/personal-data': () => undefined,
  'POST /api/notifications/:id/retry': () => ({}),
  // The foreign unit's own questionnaire: read, overwritten, archived, deleted, imported over.
  'PUT /api/surveys/:id': () => foreignSurvey(),
  'DELETE /api/surveys/:id': () => undefined,
  'POST /api/surveys/:id/archive': () => undefined,
  'POST /api/surveys/:id/unarchive': () => undefined,
  'POST /api/surveys/import': () => {
    const form = new FormData();
    form.set('file', new File([JSON.stringify(foreignSurvey())], 'x.json'));
    return form;
  },
  // Creating always makes a questionnaire of the user's own unit; the foreign one's id is taken.
  'POST /api/surveys': () => foreignSurvey(),
  // An administrative file of the foreign unit: the row is refused, and nothing written.
  'POST /api/tthc/import': (f) => {
    const form = new FormData();
    const csv = `code,procedure,unitId,receivedAt,dueAt,returnedAt\nLS-1,Lấn sân,${f.unitId},2026-11-02,2026-11-05,`;
    form.set('file', new File([csv], 'ho-so.csv'));
    return form;
  },
  'POST /api/users': (f) => ({
    email: 'lan-san@demo.vn',
    name: 'Tài khoản lấn sân',
    role: 'viewer',
    unitId: f.unitId,
  }),
  'PATCH /api/users/:id': (f) => ({ unitId: f.unitId }),
  'POST /api/users/:id/reset-password': () => undefined,
  'POST /api/kiosks': (f) => ({ campaignId: f.campaignId, unitId: f.unitId, name: 'Quầy lấn sân' }),
  'PATCH /api/kiosks/:id': () => ({ disabled: true }),
  // The foreign unit's dialogue: scheduled over, changed, grouped, answered, published.
  'POST /api/dialogues': (f, now) => ({
    unitId: f.unitId,
    heldAt: new Date(now + 86_400_000).toISOString(),
    topic: 'Đối thoại lấn sân',
    place: 'Hội trường',
  }),
  'PATCH /api/dialogues/:id': () => ({ topic: 'Đối thoại lấn sân' }),
  'POST /api/dialogues/:id/groups': () => ({ title: 'Nhóm lấn sân' }),
  'PATCH /api/dialogues/:id/groups/:groupId': () => ({ answer: 'Trả lời lấn sân' }),
  'DELETE /api/dialogues/:id/groups/:groupId': () => undefined,
  'PATCH /api/dialogues/:id/questions/:questionId': () => ({ groupId: null }),
  'POST /api/dialogues/:id/publish': () => undefined,
};

const FOREIGN_DIALOGUE = {
  id: 'doi-thoai-ngoai',
  groupId: 'nhom-ngoai',
  questionId: 'cau-hoi-ngoai',
  topic: 'Đối thoại riêng của đơn vị ngoài',
  contact: 'Người hỏi ngoài phạm vi',
};

/** A held dialogue of the foreign unit with one grouped question whose sender left a name. */
async function addForeignDialogue(t: TestApp, unitId: string): Promise<void> {
  const now = t.clock().getTime();
  const at = (ms: number) => new Date(now + ms).toISOString();
  const db = t.handle.db;
  await db
    .insertInto('dialogues')
    .values({
      id: FOREIGN_DIALOGUE.id,
      unit_id: unitId,
      topic: FOREIGN_DIALOGUE.topic,
      place: 'Hội trường',
      held_at: at(-3_600_000),
      published_at: null,
      created_by: null,
      created_at: at(-86_400_000),
      updated_at: at(-86_400_000),
    })
    .execute();
  await db
    .insertInto('dialogue_groups')
    .values({
      id: FOREIGN_DIALOGUE.groupId,
      dialogue_id: FOREIGN_DIALOGUE.id,
      title: 'Nhóm ngoài',
      answer: 'Trả lời ngoài',
      position: 1,
      created_at: at(0),
      updated_at: at(0),
    })
    .execute();
  await db
    .insertInto('dialogue_questions')
    .values({
      id: FOREIGN_DIALOGUE.questionId,
      dialogue_id: FOREIGN_DIALOGUE.id,
      group_id: FOREIGN_DIALOGUE.groupId,
      content: 'Câu hỏi của đơn vị ngoài',
      client_id: null,
      received_at: at(-86_400_000),
    })
    .execute();
  await db
    .insertInto('dialogue_contacts')
    .values({
      question_id: FOREIGN_DIALOGUE.questionId,
      name: FOREIGN_DIALOGUE.contact,
      phone: null,
      email: null,
      consent_at: at(0),
      retain_until: at(86_400_000),
      erased_at: null,
    })
    .execute();
}

async function foreignDialogueState(t: TestApp) {
  const db = t.handle.db;
  return {
    dialogues: await db.selectFrom('dialogues').selectAll().execute(),
    groups: await db.selectFrom('dialogue_groups').selectAll().execute(),
    questions: await db.selectFrom('dialogue_questions').selectAll().execute(),
  };
}

/** Writes that name no foreign thing but a taken id: a conflict without its data is right. */
const CONFLICT_IS_REFUSAL = new Set(['POST /api/surveys']);

/**
 * Imports that answer row by row (CONTRACT: `{imported, updated, rejected}`): refusing means
 * every row rejected and nothing imported or updated.
 */
const ROWS_REJECTED_IS_REFUSAL = new Set(['POST /api/tthc/import']);

function rowsRejected(status: number, text: string): boolean {
  if (status !== 200) return false;
  const body = JSON.parse(text) as { imported?: number; updated?: number; rejected?: unknown[] };
  return body.imported === 0 && body.updated === 0 && (body.rejected?.length ?? 0) > 0;
}

const FOREIGN_SURVEY = 'bang-hoi-ngoai';
const FOREIGN_SURVEY_TITLE = 'Bảng hỏi riêng của đơn vị ngoài';
function foreignSurvey() {
  return {
    id: FOREIGN_SURVEY,
    version: 1,
    kind: 'education',
    title: { vi: FOREIGN_SURVEY_TITLE },
    factors: [{ id: 'f1', title: { vi: 'Nhóm 1' } }],
    sections: [
      {
        id: 's1',
        title: { vi: 'Phần 1' },
        questions: [{ id: 'q1', type: 'likert5', text: { vi: 'Câu 1' }, factor: 'f1' }],
      },
    ],
  };
}

/** The foreign unit's questionnaire, stored as that unit's staff would have made it. */
async function addForeignSurvey(t: TestApp, unitId: string): Promise<void> {
  const def = foreignSurvey();
  const now = t.clock().toISOString();
  await t.handle.db
    .insertInto('surveys')
    .values({
      id: def.id,
      version: 1,
      title: def.title.vi,
      definition: JSON.stringify({ ...def, convention: 'share_satisfied' }),
      hash: 'foreign',
      created_at: now,
      created_by: null,
    })
    .execute();
  await t.handle.db
    .insertInto('survey_library')
    .values({
      id: def.id,
      unit_id: unitId,
      archived: 0,
      created_by: null,
      created_at: now,
      updated_by: null,
      updated_at: now,
    })
    .execute();
}

async function foreignSurveyState(t: TestApp) {
  return {
    versions: await t.handle.db
      .selectFrom('surveys')
      .select(['version', 'definition'])
      .where('id', '=', FOREIGN_SURVEY)
      .execute(),
    library: await t.handle.db
      .selectFrom('survey_library')
      .selectAll()
      .where('id', '=', FOREIGN_SURVEY)
      .execute(),
  };
}

/** Reads only an admin may make (in its own subtree): below admin, 403 even for the own scope. */
const ADMIN_ONLY_READS = new Set(['/api/users', '/api/audit']);

/** Routes about the whole installation, not a unit: refused below admin, allowed to the admin. */
const ADMIN_ONLY_GLOBAL: Record<string, unknown> = {
  'PUT /api/holidays': { dates: ['2026-01-01'] },
};

describe('the access matrix: every staff route × each demo role × data outside its subtree', () => {
  test('every staff route is either a read or a write this matrix knows how to aim', async () => {
    const t = await createTestApp();
    const unknown = staffRoutes(t)
      .filter((r) => r.method !== 'GET')
      .map((r) => `${r.method} ${r.path}`)
      .filter((k) => !(k in WRITE_BODIES) && !(k in ADMIN_ONLY_GLOBAL));
    expect(unknown).toEqual([]);
  });

  test('without a session every staff route answers 401 in the error shape', async () => {
    const t = await createTestApp();
    const f = await foreignData(t, 'HN-TAYHO-TH-NHATTAN', 'HN-TAYHO');
    for (const r of staffRoutes(t)) {
      const key = `${r.method} ${r.path}`;
      const res = await t.req(fillPath(r.path, f), {
        method: r.method,
        body: WRITE_BODIES[key]?.(f, Date.now()) ?? ADMIN_ONLY_GLOBAL[key],
      });
      expect({ key, status: res.status }).toEqual({ key, status: 401 });
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
        'unauthenticated',
      );
    }
  });

  for (const role of ROLES) {
    test(`${role.email} gets 403 or 404, never data, for ${role.foreign}`, async () => {
      const t = await createTestApp();
      const f = await foreignData(t, role.foreign, role.parent);
      await addForeignSurvey(t, role.foreign);
      await addForeignDialogue(t, role.foreign);
      const own = await createCampaign(t, { as: role.email, unitIds: ['HN-TAYHO-THCS-DONGTHAI'] });
      const cookie = await t.login(role.email);
      const before = await foreignState(t, f);
      const surveyBefore = await foreignSurveyState(t);
      const dialogueBefore = await foreignDialogueState(t);
      const problems: string[] = [];
      const base = `campaignId=${own.id}&surveyFamily=edu-thcs`;

      for (const r of staffRoutes(t)) {
        const key = `${r.method} ${r.path}`;
        if (key in ADMIN_ONLY_GLOBAL) {
          const res = await t.req(r.path, {
            method: r.method,
            body: ADMIN_ONLY_GLOBAL[key],
            cookie,
          });
          if (role.email !== 'admin@demo.vn' && res.status !== 403)
            problems.push(`${key}: ${res.status}, expected 403`);
          continue;
        }
        const path = fillPath(r.path, f);
        const aimed = path !== r.path;
        if (r.method === 'GET' && !aimed) {
          // The same read about the user's own campaign works, so a refusal below means something.
          const ok = await t.req(`${path}?${base}`, { cookie });
          const expected =
            ADMIN_ONLY_READS.has(r.path) && role.email !== 'admin@demo.vn' ? 403 : 200;
          if (ok.status !== expected)
            problems.push(`${r.method} ${path}?${base}: ${ok.status} for the user's own scope`);
        }
        // Reads get the foreign unit with the user's own campaign, the foreign campaign, and both.
        const other = `campaignId=${f.campaignId}&surveyFamily=edu-thcs`;
        const all = [`unitId=${f.unitId}&${other}`];
        const queries =
          r.method !== 'GET' ? [''] : aimed ? all : [`unitId=${f.unitId}&${base}`, other, ...all];
        for (const q of queries) {
          const url = q ? `${path}?${q}` : path;
          const res = await t.req(url, {
            method: r.method,
            body: WRITE_BODIES[key]?.(f, t.clock().getTime()),
            cookie,
          });
          const text = await res.text();
          const found = leaks(text, f);
          if (text.includes(FOREIGN_SURVEY_TITLE)) found.push(FOREIGN_SURVEY_TITLE);
          for (const mark of [FOREIGN_DIALOGUE.topic, FOREIGN_DIALOGUE.contact])
            if (text.includes(mark)) found.push(mark);
          if (found.length)
            problems.push(`${r.method} ${url}: ${res.status} shows ${found.join(', ')}`);
          if (res.status >= 500) problems.push(`${r.method} ${url}: ${res.status}`);
          const refused =
            res.status === 403 ||
            res.status === 404 ||
            (res.status === 409 && CONFLICT_IS_REFUSAL.has(key)) ||
            (ROWS_REJECTED_IS_REFUSAL.has(key) && rowsRejected(res.status, text));
          // A route whose path names the foreign thing, or a write, must refuse outright.
          if ((aimed || r.method !== 'GET') && !refused)
            problems.push(`${r.method} ${url}: ${res.status}, expected 403/404`);
          // A read told about a foreign unit must refuse too, unless it reads no unit at all.
          if (
            !aimed &&
            r.method === 'GET' &&
            q.startsWith('unitId') &&
            !refused &&
            !IGNORES_UNIT.has(r.path)
          )
            problems.push(`${r.method} ${url}: ${res.status}, expected 403/404`);
        }
      }
      expect(problems).toEqual([]);
      expect(await foreignState(t, f)).toEqual(before);
      expect(await foreignSurveyState(t)).toEqual(surveyBefore);
      const files = t.handle.db.selectFrom('tthc_files').select('code');
      expect(await files.where('unit_id', '=', f.unitId).execute()).toEqual([]);
      expect(await foreignDialogueState(t)).toEqual(dialogueBefore);
    });
  }
});

/** Reads with no unit in them: they answer about the user's own scope whatever the query says. */
const IGNORES_UNIT = new Set([
  '/api/surveys',
  '/api/holidays',
  '/api/campaigns',
  '/api/reports/calendar',
  '/api/units',
  '/api/indices/campaigns',
  '/api/users',
]);

describe('the session cookie and sign-in throttling', () => {
  test('the session cookie is HttpOnly, SameSite=Lax, site-wide, and Secure when configured', async () => {
    const plain = await createTestApp();
    const res = await plain.req('/api/auth/login', {
      body: { email: 'tayho@demo.vn', password: 'demo-2024' },
    });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^hl_session=[A-Za-z0-9_-]{40,};/);
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/; Secure/i);

    const https = await createTestApp({ config: { cookieSecure: true } });
    const secure = await https.req('/api/auth/login', {
      body: { email: 'tayho@demo.vn', password: 'demo-2024' },
    });
    expect(secure.headers.get('set-cookie')).toMatch(/; Secure/i);
  });

  test('after five wrong passwords even the right one is refused with 429 for a while', async () => {
    const t = await createTestApp();
    for (let i = 0; i < 5; i++) {
      t.clock.advance(16 * 60_000); // past each delay: every guess is checked, and fails
      const res = await t.req('/api/auth/login', {
        body: { email: 'tayho@demo.vn', password: `doan-mo-${i}` },
      });
      expect(res.status).toBe(401);
    }
    const locked = await t.req('/api/auth/login', {
      body: { email: 'tayho@demo.vn', password: 'demo-2024' },
    });
    expect(locked.status).toBe(429);
    expect(locked.headers.get('set-cookie')).toBeNull();
    t.clock.advance(16 * 60_000);
    expect(
      (await t.req('/api/auth/login', { body: { email: 'tayho@demo.vn', password: 'demo-2024' } }))
        .status,
    ).toBe(200);
  });
});
