import { describe, expect, test } from 'vitest';
import { DIALOGUES_STEP } from '../../cli/seed/dialogues.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

// The fixed clock starts on Mon 23/11/2026 09:00 in Hanoi.
const HELD_AT = '2026-12-10T08:30:00+07:00';
const AFTER = '2026-12-10T05:00:00.000Z'; // 12:00 in Hanoi, the dialogue is over

type Json = Record<string, any>;

async function schedule(t: TestApp, cookie: string, body: Json = {}) {
  const res = await t.req('/api/dialogues', {
    cookie,
    body: {
      unitId: 'HN-TAYHO',
      heldAt: HELD_AT,
      topic: 'Tuyển sinh lớp 6 năm học 2027–2028',
      place: 'Hội trường UBND phường Tây Hồ',
      ...body,
    },
  });
  return { res, body: (await res.json()) as Json };
}

async function ask(t: TestApp, id: string, body: Json) {
  const res = await t.req(`/api/public/dialogues/${id}/questions`, { body });
  return { res, body: (await res.json()) as Json };
}

describe('dialogues: staff schedule within their subtree', () => {
  test('an office schedules a dialogue; another unit neither sees nor changes it', async () => {
    const t = await createTestApp();
    const tayho = await t.login('tayho@demo.vn');
    const { res, body } = await schedule(t, tayho);
    expect(res.status).toBe(201);
    expect(body).toMatchObject({ unitName: 'Phòng GDĐT quận Tây Hồ', state: 'open' });
    expect(body.heldAt).toBe('2026-12-10T01:30:00.000Z');

    const dongthai = await t.login('dongthai@demo.vn');
    expect((await t.req(`/api/dialogues/${body.id}`, { cookie: dongthai })).status).toBe(404);
    const list = (await (await t.req('/api/dialogues', { cookie: dongthai })).json()) as Json[];
    expect(list).toEqual([]);
    const patch = await t.req(`/api/dialogues/${body.id}`, {
      method: 'PATCH',
      cookie: dongthai,
      body: { topic: 'Đổi chủ đề' },
    });
    expect(patch.status).toBe(404);
    // Nor may the office schedule one for the Department above it.
    expect((await schedule(t, tayho, { unitId: 'HN' })).res.status).toBe(404);
    // The Department sees its offices' dialogues.
    const admin = await t.login('admin@demo.vn');
    const all = (await (await t.req('/api/dialogues', { cookie: admin })).json()) as Json[];
    expect(all.map((d) => d.topic)).toEqual(['Tuyển sinh lớp 6 năm học 2027–2028']);
  });

  test('a dialogue without a topic or with a date that is not a time → 400 naming the fields', async () => {
    const t = await createTestApp();
    const { res, body } = await schedule(t, await t.login('tayho@demo.vn'), {
      topic: '',
      heldAt: '10/12/2026',
    });
    expect(res.status).toBe(400);
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.details.map((d: Json) => d.path).sort()).toEqual(['heldAt', 'topic']);
  });
});

describe('POST /api/public/dialogues/:id/questions', () => {
  test('takes a question with the feedback intake rules, once per clientId', async () => {
    const t = await createTestApp();
    const { body: d } = await schedule(t, await t.login('tayho@demo.vn'));
    const short = await ask(t, d.id, { content: 'Hỏi?' });
    expect(short.res.status).toBe(400);
    expect(short.body.error.details.map((x: Json) => x.path)).toEqual(['content']);
    const noConsent = await ask(t, d.id, {
      content: 'Con tôi ở phường Quảng An có được học THCS Đông Thái không?',
      contact: { phone: '0912345678' },
    });
    expect(noConsent.res.status).toBe(400);
    expect(noConsent.body.error.details.map((x: Json) => x.path)).toEqual(['consent']);
    const badPhone = await ask(t, d.id, {
      content: 'Con tôi ở phường Quảng An có được học THCS Đông Thái không?',
      contact: { phone: 'gọi tôi' },
      consent: true,
    });
    expect(badPhone.body.error.details.map((x: Json) => x.path)).toEqual(['contact.phone']);

    const clientId = '0f8fad5b-d9cb-469f-a165-70867728950e';
    const q = { content: 'Năm nay tuyển sinh lớp 6 có thi vào không?', clientId };
    const first = await ask(t, d.id, q);
    const again = await ask(t, d.id, q);
    expect(first.res.status).toBe(201);
    expect(again.res.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    expect(await t.handle.db.selectFrom('dialogue_questions').select('id').execute()).toHaveLength(
      1,
    );
    expect((await ask(t, 'khong-co', q)).res.status).toBe(404);
  });

  test('once the dialogue has started it takes no more questions (409)', async () => {
    const t = await createTestApp();
    const { body: d } = await schedule(t, await t.login('tayho@demo.vn'));
    t.clock.set('2026-12-10T01:30:00.000Z');
    const late = await ask(t, d.id, { content: 'Câu hỏi gửi muộn sau giờ bắt đầu.' });
    expect(late.res.status).toBe(409);
    expect(late.body.error.code).toBe('conflict');
  });

  test('sending questions is rate limited like filing feedback', async () => {
    const t = await createTestApp({ config: { rateLimit: 2 } });
    const { body: d } = await schedule(t, await t.login('tayho@demo.vn'));
    const statuses = [];
    for (let i = 0; i < 3; i++)
      statuses.push(
        (await ask(t, d.id, { content: `Câu hỏi thứ ${i + 1} về tuyển sinh.` })).res.status,
      );
    expect(statuses).toEqual([201, 201, 429]);
  });
});

describe('a dialogue from questions to published answers', () => {
  const NAME = 'Trần Thị Bích Ngọc';
  const PHONE = '0987654321';
  const EMAIL = 'ngoc.tran@example.vn';

  async function heldWithQuestions() {
    const t = await createTestApp();
    let tayho = await t.login('tayho@demo.vn');
    const { body: d } = await schedule(t, tayho);
    const q1 = await ask(t, d.id, {
      content: 'Tuyển sinh lớp 6 năm nay xét tuyển hay thi?',
      contact: { name: NAME, phone: PHONE, email: EMAIL },
      consent: true,
    });
    const q2 = await ask(t, d.id, { content: 'Khi nào công bố tuyến tuyển sinh của từng trường?' });
    const ids = [q1.body.id as string, q2.body.id as string];
    /** The day of the dialogue: a fresh sign-in (the earlier session has timed out). */
    const afterwards = async () => {
      t.clock.set(AFTER);
      tayho = await t.login('tayho@demo.vn');
      return tayho;
    };
    return { t, tayho, d, ids, afterwards };
  }

  test('staff see the sender’s contact; the public page and API never do', async () => {
    const { t, d, ids, afterwards, ...first } = await heldWithQuestions();
    let tayho = first.tayho;
    const staff = (await (await t.req(`/api/dialogues/${d.id}`, { cookie: tayho })).json()) as Json;
    const byId = new Map((staff.questions as Json[]).map((q) => [q.id, q.contact]));
    expect(byId.get(ids[0])).toEqual({ name: NAME, phone: PHONE, email: EMAIL });
    expect(byId.get(ids[1])).toBeNull();

    const early = await t.req(`/api/dialogues/${d.id}/publish`, { method: 'POST', cookie: tayho });
    expect(early.status).toBe(409); // not held yet
    tayho = await afterwards();
    const group = await t.req(`/api/dialogues/${d.id}/groups`, {
      cookie: tayho,
      body: { title: 'Phương thức tuyển sinh lớp 6', questionIds: ids },
    });
    expect(group.status).toBe(201);
    const groupId = ((await group.json()) as Json).groupId as string;
    const unanswered = await t.req(`/api/dialogues/${d.id}/publish`, {
      method: 'POST',
      cookie: tayho,
    });
    expect(unanswered.status).toBe(409);
    await t.req(`/api/dialogues/${d.id}/groups/${groupId}`, {
      method: 'PATCH',
      cookie: tayho,
      body: {
        answer:
          'Năm học 2027–2028 tuyển sinh lớp 6 theo hình thức xét tuyển; tuyến công bố trước 15/5.',
      },
    });
    const published = await t.req(`/api/dialogues/${d.id}/publish`, {
      method: 'POST',
      cookie: tayho,
    });
    expect(published.status).toBe(200);
    expect(((await published.json()) as Json).state).toBe('published');

    const api = await (await t.req('/api/public/dialogues?unitId=HN-TAYHO')).text();
    const page = await (await t.req('/dialogues/HN-TAYHO')).text();
    for (const text of [api, page]) {
      expect(text).toContain('Tuyển sinh lớp 6 năm nay xét tuyển hay thi?');
      expect(text).toContain('theo hình thức xét tuyển');
      expect(text).toContain('Phương thức tuyển sinh lớp 6');
      for (const secret of [NAME, PHONE, EMAIL, 'Trần Thị', '0987'])
        expect(text).not.toContain(secret);
    }
    expect(page).toContain('08:30, 10/12/2026');
    // Published answers are frozen.
    const change = await t.req(`/api/dialogues/${d.id}/groups/${groupId}`, {
      method: 'PATCH',
      cookie: tayho,
      body: { answer: 'Sửa lại' },
    });
    expect(change.status).toBe(409);
  });

  test('a question left out of every group keeps the dialogue from being published', async () => {
    const { t, d, ids, afterwards } = await heldWithQuestions();
    const tayho = await afterwards();
    const group = await t.req(`/api/dialogues/${d.id}/groups`, {
      cookie: tayho,
      body: { title: 'Tuyển sinh', questionIds: [ids[0]] },
    });
    const groupId = ((await group.json()) as Json).groupId as string;
    await t.req(`/api/dialogues/${d.id}/groups/${groupId}`, {
      method: 'PATCH',
      cookie: tayho,
      body: { answer: 'Xét tuyển.' },
    });
    const res = await t.req(`/api/dialogues/${d.id}/publish`, { method: 'POST', cookie: tayho });
    expect(res.status).toBe(409);
    expect(((await res.json()) as Json).error.details.ungrouped).toBe(1);
    await t.req(`/api/dialogues/${d.id}/questions/${ids[1]}`, {
      method: 'PATCH',
      cookie: tayho,
      body: { groupId },
    });
    const ok = await t.req(`/api/dialogues/${d.id}/publish`, { method: 'POST', cookie: tayho });
    expect(ok.status).toBe(200);
  });
});

describe('the no-JavaScript question form', () => {
  test('sends a question from the unit page, and names a bad field in Vietnamese', async () => {
    const t = await createTestApp();
    const { body: d } = await schedule(t, await t.login('tayho@demo.vn'));
    const page = await (await t.req('/dialogues/HN-TAYHO')).text();
    expect(page).toContain('Tuyển sinh lớp 6 năm học 2027–2028');
    expect(page).toContain('Gửi câu hỏi');
    const form = (fields: Record<string, string>) =>
      t.req('/dialogues/HN-TAYHO/questions', {
        body: new URLSearchParams({ dialogueId: d.id, ...fields }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
    const bad = await form({ content: 'ngắn', contact_phone: '0912345678' });
    expect(bad.status).toBe(400);
    const badText = await bad.text();
    expect(badText).toContain('Câu hỏi cần từ 10 đến 2000 ký tự.');
    expect(badText).toContain('Bạn cần đồng ý để chúng tôi lưu thông tin liên hệ');
    const ok = await form({ content: 'Trường có xe đưa đón học sinh không?' });
    expect(ok.status).toBe(201);
    expect(await ok.text()).toContain('Đã nhận câu hỏi của bạn');
  });
});

describe('target dialogue_cadence', () => {
  test('names each unit and half-year without a published dialogue', async () => {
    const t = await createTestApp();
    t.clock.set('2026-11-23T02:00:00.000Z');
    const admin = await t.login('admin@demo.vn');
    // The Department held and published one in March 2026; nothing else in the first half.
    const { body: d } = await schedule(t, admin, {
      unitId: 'HN',
      heldAt: '2026-03-20T08:00:00+07:00',
    });
    const pub = await t.req(`/api/dialogues/${d.id}/publish`, { method: 'POST', cookie: admin });
    expect(pub.status).toBe(200);
    const res = await t.req('/api/targets?unitId=HN&from=2026-01-01&to=2026-12-31', {
      cookie: admin,
    });
    const target = ((await res.json()) as Json[]).find((x) => x.id === 'dialogue_cadence')!;
    expect(target.label).toBe('Đối thoại định kỳ: mỗi 6 tháng ít nhất một buổi');
    // First half: the Department met, three offices failed; second half still running: pending.
    expect(target).toMatchObject({ numerator: 1, denominator: 4, met: false, pending: 4 });
    expect(target.failing.map((f: Json) => f.label)).toContain(
      'Phòng GDĐT quận Tây Hồ — 6 tháng đầu năm 2026',
    );
    expect(target.failing).toHaveLength(3);
    expect(target.failing.every((f: Json) => /6 tháng đầu năm 2026/.test(f.detail))).toBe(true);
    // A half-year belongs to the period in which it ends: a first quarter judges none.
    const q1 = await t.req('/api/targets?unitId=HN&from=2026-01-01&to=2026-03-31', {
      cookie: admin,
    });
    const early = ((await q1.json()) as Json[]).find((x) => x.id === 'dialogue_cadence')!;
    expect([early.value, early.denominator, early.pending]).toEqual([null, 0, 0]);
    // A school's own scope has no unit that must hold dialogues: no data, never 100%.
    const school = await t.req(
      '/api/targets?unitId=HN-TAYHO-THCS-DONGTHAI&from=2026-01-01&to=2026-06-30',
      {
        cookie: admin,
      },
    );
    const none = ((await school.json()) as Json[]).find((x) => x.id === 'dialogue_cadence')!;
    expect(none.value).toBeNull();
  });
});

describe('the demo data', () => {
  test('the Department’s past dialogue is published with answers; an office has one coming', async () => {
    const t = await createTestApp();
    await DIALOGUES_STEP.run({ db: t.handle.db, clock: t.clock, password: 'demo-2024' });
    const hn = await (await t.req('/dialogues/HN')).text();
    expect(hn).toContain('Tuyển sinh vào lớp 10');
    expect(hn).toContain('Các trường chỉ thu các khoản theo Nghị quyết');
    const tayho = (await (await t.req('/api/public/dialogues?unitId=HN-TAYHO')).json()) as Json;
    expect(tayho.upcoming.map((d: Json) => d.topic)).toEqual([
      'Đối thoại về tuyển sinh đầu cấp năm học tới',
    ]);
    const page = await (await t.req('/dialogues/HN-TAYHO')).text();
    expect(page).toContain('Gửi câu hỏi');
    expect(page).not.toContain('Lê Thu Trang');
    expect(page).not.toContain('0900000301');
  });
});
