import { afterEach, describe, expect, test } from 'vitest';
import { getFeedbackByCode } from '../../db/repositories/feedback.js';
import { findUserByEmail } from '../../db/repositories/users.js';
import { defaultConfig, loadConfig, type Config } from '../../server/config.js';
import { transitionIn } from '../../server/feedback/transitions.js';
import { sweep } from '../../server/maintenance.js';
import { createNotifier } from '../../server/notifications/notifier.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createTestDb, testDialect } from '../helpers/db.js';
import { fileOne, move, moveBody } from '../helpers/feedback.js';
import { startSmsGateway, startSmtp } from '../helpers/mail.js';

const PUBLIC = 'https://hailong.example.vn';
const MINUTE = 60_000;
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()!();
});

async function setup(
  opts: { sms?: boolean; handle?: Awaited<ReturnType<typeof createTestDb>> } = {},
) {
  const smtp = await startSmtp();
  cleanup.push(smtp.close);
  const sms = opts.sms ? await startSmsGateway() : null;
  if (sms) cleanup.push(sms.close);
  const t = await createTestApp({ handle: opts.handle });
  const config: Config = defaultConfig({
    smtpUrl: smtp.url,
    smsWebhookUrl: sms?.url ?? null,
    publicUrl: PUBLIC,
  });
  const notifier = createNotifier({ db: t.handle.db, clock: t.clock, config });
  return { t, smtp, sms, notifier, config };
}

const withEmail = (email = 'me@example.vn') => ({
  contact: { name: 'Nguyễn Văn A', email },
  consent: true,
});

async function outboxRows(t: TestApp) {
  return t.handle.db.selectFrom('outbox').selectAll().orderBy('created_at').execute();
}

async function manager(t: TestApp) {
  return t.login('dongthai@demo.vn');
}

describe('citizen e-mails', () => {
  test('filing with an e-mail and consent sends one e-mail with the code, due date and link', async () => {
    const { t, smtp, notifier } = await setup();
    const filed = await fileOne(t, withEmail());
    expect(filed.dueAt).toBe('2026-12-14T16:59:59.000Z');
    expect(smtp.mails).toHaveLength(0); // nothing is sent inside the request

    expect(await notifier.runOnce()).toEqual({ sent: 1, failed: 0 });
    expect(smtp.mails).toHaveLength(1);
    const mail = smtp.mails[0]!;
    expect(mail.to).toEqual(['me@example.vn']);
    expect(mail.user).toBe('notify');
    expect(mail.subject).toContain(filed.trackingCode);
    expect(mail.text).toContain(`Mã tra cứu: ${filed.trackingCode}`);
    expect(mail.text).toContain('Hạn giải quyết: Thứ Hai, 14/12/2026');
    expect(mail.text).toContain(`${PUBLIC}/feedback/status/${filed.trackingCode}`);
    expect(mail.html).toContain(`href="${PUBLIC}/feedback/status/${filed.trackingCode}"`);
    expect(mail.text).not.toMatch(/\d{4}-\d{2}-\d{2}|received|waiting_citizen/);

    expect(await notifier.runOnce()).toEqual({ sent: 0, failed: 0 });
    expect(smtp.mails).toHaveLength(1);
  });

  test('asking the citizen for information sends an e-mail saying what to supply', async () => {
    const { t, smtp, notifier } = await setup();
    const filed = await fileOne(t, withEmail());
    const cookie = await manager(t);
    for (const to of ['accepted', 'in_progress'] as const)
      expect((await move(t, cookie, filed.id, moveBody(to))).status).toBe(200);
    await notifier.runOnce();
    expect(smtp.mails.map((m) => m.subject)).toEqual([
      expect.stringContaining('Đã nhận'),
      expect.stringContaining('đã được thụ lý'),
    ]); // in_progress is staff's business: no message

    const res = await move(t, cookie, filed.id, {
      to: 'waiting_citizen',
      note: 'Xin gửi ảnh chụp vòi nước',
    });
    expect(res.status).toBe(200);
    await notifier.runOnce();
    expect(smtp.mails).toHaveLength(3);
    expect(smtp.mails[2]!.subject).toContain('cần bạn bổ sung thông tin');
    expect(smtp.mails[2]!.text).toContain('Xin gửi ảnh chụp vòi nước');
  });

  test('answer, publication, rejection and transfer each send one e-mail', async () => {
    const { t, smtp, notifier } = await setup();
    const cookie = await manager(t);
    const a = await fileOne(t, withEmail('a@example.vn'));
    for (const to of ['accepted', 'in_progress', 'answered', 'published'] as const)
      expect((await move(t, cookie, a.id, moveBody(to))).status).toBe(200);
    const b = await fileOne(t, withEmail('b@example.vn'));
    expect((await move(t, cookie, b.id, moveBody('transferred'))).status).toBe(200);
    await notifier.runOnce();
    const toA = smtp.mails.filter((m) => m.to[0] === 'a@example.vn').map((m) => m.subject);
    expect(toA).toHaveLength(4);
    expect(toA[2]).toContain('đã có câu trả lời');
    expect(toA[3]).toContain('công khai');
    const transfer = smtp.mails.find((m) => m.to[0] === 'b@example.vn' && /chuyển/.test(m.subject));
    const moved = await getFeedbackByCode(t.handle.db, b.trackingCode);
    const next = await t.handle.db
      .selectFrom('feedback')
      .select('tracking_code')
      .where('id', '=', moved!.transferred_to!)
      .executeTakeFirstOrThrow();
    expect(transfer?.text).toContain(`Mã tra cứu mới: ${next.tracking_code}`);
    expect(transfer?.text).toContain('Tiểu học Nhật Tân');
  });

  test('no contact details, no message', async () => {
    const { t, smtp, notifier } = await setup();
    const filed = await fileOne(t);
    const cookie = await manager(t);
    await move(t, cookie, filed.id, moveBody('accepted'));
    await notifier.runOnce();
    expect(await outboxRows(t)).toHaveLength(0);
    expect(smtp.mails).toHaveLength(0);
  });

  test('contact details without consent are refused and nothing is queued', async () => {
    const { t, notifier, smtp } = await setup();
    const res = await t.req('/api/public/feedback', {
      body: {
        unitId: 'HN-TAYHO-THCS-DONGTHAI',
        category: 'co_so_vat_chat',
        title: 'Sân trường ngập',
        content: 'Sân trường ngập nước sau mưa.',
        contact: { email: 'me@example.vn' },
        consent: false,
      },
    });
    expect(res.status).toBe(400);
    await notifier.runOnce();
    expect(await outboxRows(t)).toHaveLength(0);
    expect(smtp.mails).toHaveLength(0);
  });
});

describe('retries', () => {
  test('an SMTP server that refuses: the filing succeeds and the e-mail is retried later', async () => {
    const { t, smtp, notifier } = await setup();
    smtp.state.reject = true;
    const filed = await fileOne(t, withEmail()); // 201: the request never waits for the mail
    expect(await notifier.runOnce()).toEqual({ sent: 0, failed: 1 });
    let [row] = await outboxRows(t);
    expect(row!.attempts).toBe(1);
    expect(row!.last_error).toContain('Mailbox temporarily unavailable');
    expect(row!.next_attempt_at).toBe(new Date(t.clock().getTime() + MINUTE).toISOString());

    smtp.state.reject = false;
    t.clock.advance(MINUTE - 1);
    expect(await notifier.runOnce()).toEqual({ sent: 0, failed: 0 }); // not due yet
    t.clock.advance(1);
    expect(await notifier.runOnce()).toEqual({ sent: 1, failed: 0 });
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]!.subject).toContain(filed.trackingCode);
    [row] = await outboxRows(t);
    expect(row!.sent_at).toBe(t.clock().toISOString());

    t.clock.advance(24 * 60 * MINUTE);
    expect(await notifier.runOnce()).toEqual({ sent: 0, failed: 0 });
    expect(smtp.mails).toHaveLength(1);
  });

  test('after six failures a message stays failed, is listed for staff, and can be sent again', async () => {
    const { t, smtp, notifier } = await setup();
    smtp.state.reject = true;
    const filed = await fileOne(t, withEmail());
    const waits = [MINUTE, 5 * MINUTE, 30 * MINUTE, 120 * MINUTE, 720 * MINUTE];
    for (const wait of waits) {
      expect((await notifier.runOnce()).failed).toBe(1);
      t.clock.advance(wait);
    }
    expect((await notifier.runOnce()).failed).toBe(1);
    const [row] = await outboxRows(t);
    expect(row!.attempts).toBe(6);
    expect(row!.next_attempt_at).toBeNull();
    t.clock.advance(30 * 24 * 60 * MINUTE);
    expect(await notifier.runOnce()).toEqual({ sent: 0, failed: 0 });

    const app = t;
    const cookie = await manager(t);
    const list = await app.req('/api/notifications/failed', { cookie });
    expect(list.status).toBe(200);
    const body = (await list.json()) as {
      pending: number;
      items: {
        id: string;
        trackingCode: string;
        givenUp: boolean;
        attempts: number;
        recipient: string;
      }[];
    };
    expect(body.pending).toBe(0);
    expect(body.items).toEqual([
      expect.objectContaining({
        trackingCode: filed.trackingCode,
        givenUp: true,
        attempts: 6,
        recipient: 'me@example.vn',
      }),
    ]);

    smtp.state.reject = false;
    const again = await app.req(`/api/notifications/${body.items[0]!.id}/retry`, {
      cookie,
      body: {},
    });
    expect(again.status).toBe(200);
    expect(await notifier.runOnce()).toEqual({ sent: 1, failed: 0 });
    expect(smtp.mails).toHaveLength(1);
    const after = (await (await app.req('/api/notifications/failed', { cookie })).json()) as {
      items: unknown[];
    };
    expect(after.items).toHaveLength(0);
  });

  test('two senders sharing the database send each message once', async () => {
    const handle = await createTestDb();
    const { t, smtp, notifier, config } = await setup({ handle });
    const other =
      testDialect === 'postgres' ? handle.reopen() : { db: t.handle.db, close: async () => {} };
    cleanup.push(() => other.close());
    const second = createNotifier({ db: other.db, clock: t.clock, config });
    for (let i = 0; i < 4; i++) await fileOne(t, withEmail(`p${i}@example.vn`));
    const results = await Promise.all([notifier.runOnce(), second.runOnce(), notifier.runOnce()]);
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(4);
    expect(smtp.mails.map((m) => m.to[0]).sort()).toEqual([
      'p0@example.vn',
      'p1@example.vn',
      'p2@example.vn',
      'p3@example.vn',
    ]);
  });
});

describe('SMS', () => {
  test('a phone number with consent gets a short SMS through the webhook', async () => {
    const { t, sms, smtp, notifier } = await setup({ sms: true });
    const filed = await fileOne(t, { contact: { phone: '0912345678' }, consent: true });
    expect(await notifier.runOnce()).toEqual({ sent: 1, failed: 0 });
    expect(smtp.mails).toHaveLength(0);
    expect(sms!.messages).toHaveLength(1);
    const msg = sms!.messages[0]!;
    expect(msg.to).toBe('0912345678');
    expect(msg.text).toContain(filed.trackingCode);
    expect(msg.text).toContain('14/12/2026');
    expect(msg.text).toContain(`${PUBLIC}/feedback/status/${filed.trackingCode}`);
    expect(msg.text.length).toBeLessThanOrEqual(160);
  });

  test('a gateway that answers 500 gets the SMS again later', async () => {
    const { t, sms, notifier } = await setup({ sms: true });
    sms!.state.status = 500;
    await fileOne(t, { contact: { phone: '0912345678' }, consent: true });
    expect(await notifier.runOnce()).toEqual({ sent: 0, failed: 1 });
    sms!.state.status = 200;
    t.clock.advance(MINUTE);
    expect(await notifier.runOnce()).toEqual({ sent: 1, failed: 0 });
    expect(sms!.messages).toHaveLength(1);
  });

  test('without SMS_WEBHOOK_URL the SMS waits in the outbox and nothing is sent', async () => {
    const { t, notifier } = await setup();
    await fileOne(t, { contact: { phone: '0912345678' }, consent: true });
    expect(await notifier.runOnce()).toEqual({ sent: 0, failed: 0 });
    const [row] = await outboxRows(t);
    expect(row!.channel).toBe('sms');
    expect(row!.sent_at).toBeNull();
    expect(row!.attempts).toBe(0);
  });
});

describe('the outbox and the change it reports', () => {
  test('a transition that fails after writing its message leaves no message', async () => {
    const { t, smtp, notifier } = await setup();
    const filed = await fileOne(t, withEmail());
    await notifier.runOnce(); // the receipt
    const cookie = await manager(t);
    await move(t, cookie, filed.id, moveBody('accepted'));
    await move(t, cookie, filed.id, moveBody('in_progress'));
    await notifier.runOnce();
    const before = (await outboxRows(t)).length;
    const staff = (await findUserByEmail(t.handle.db, 'dongthai@demo.vn'))!;
    await expect(
      t.handle.db.transaction().execute(async (trx) => {
        await transitionIn(trx, t.clock(), staff, filed.id, moveBody('waiting_citizen') as never, {
          notify: true,
        });
        expect(await trx.selectFrom('outbox').select('id').execute()).toHaveLength(before + 1);
        throw new Error('something after the move failed');
      }),
    ).rejects.toThrow('something after the move failed');
    expect(await outboxRows(t)).toHaveLength(before);
    expect((await getFeedbackByCode(t.handle.db, filed.trackingCode))!.status).toBe('in_progress');
    await notifier.runOnce();
    expect(smtp.mails).toHaveLength(2);
  });

  test('erasing the contact drops the messages not yet sent', async () => {
    const { t, smtp, notifier } = await setup();
    const filed = await fileOne(t, withEmail());
    const admin = await t.login('admin@demo.vn');
    const res = await t.req(`/api/feedback/by-code/${filed.trackingCode}/personal-data`, {
      method: 'DELETE',
      cookie: admin,
    });
    expect(res.status).toBe(200);
    expect(await notifier.runOnce()).toEqual({ sent: 0, failed: 0 });
    expect(smtp.mails).toHaveLength(0);
    expect(await outboxRows(t)).toHaveLength(0);
    // and no later change queues anything for the erased contact
    await move(t, await manager(t), filed.id, moveBody('accepted'));
    expect(await outboxRows(t)).toHaveLength(0);
  });

  test('the retention sweep that erases a contact drops its unsent messages and blanks sent ones', async () => {
    const { t, smtp, notifier } = await setup();
    smtp.state.reject = true;
    await fileOne(t, withEmail('old@example.vn'));
    await fileOne(t, { ...withEmail('older@example.vn'), title: 'Sân trường ngập' });
    smtp.state.reject = false;
    await t.handle.db
      .updateTable('outbox')
      .set({ next_attempt_at: null })
      .where('recipient', '=', 'old@example.vn')
      .execute(); // given up, never sent
    await notifier.runOnce(); // the other one is sent
    expect(smtp.mails.map((m) => m.to[0])).toEqual(['older@example.vn']);
    t.clock.advance(25 * 31 * 24 * 60 * MINUTE);
    await sweep(t.handle.db, t.clock());
    const rows = await outboxRows(t);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.sent_at).not.toBeNull();
    expect(rows[0]!.recipient).toBe('');
  });
});

describe('GET /api/notifications/failed', () => {
  test('lists only the signed-in user subtree and refuses to retry another unit', async () => {
    const { t, smtp, notifier } = await setup();
    smtp.state.reject = true;
    await fileOne(t, { ...withEmail(), unitId: 'HN-TAYHO-TH-NHATTAN' });
    await notifier.runOnce();
    const dongthai = await manager(t);
    const own = (await (await t.req('/api/notifications/failed', { cookie: dongthai })).json()) as {
      items: unknown[];
      pending: number;
    };
    expect(own.items).toHaveLength(0);
    expect(own.pending).toBe(0);
    const tayho = await t.login('tayho@demo.vn');
    const office = (await (await t.req('/api/notifications/failed', { cookie: tayho })).json()) as {
      items: { id: string; givenUp: boolean; reason: { vi: string } }[];
      pending: number;
    };
    expect(office.items).toHaveLength(1);
    expect(office.items[0]!.givenUp).toBe(false);
    expect(office.items[0]).toMatchObject({
      reason: { vi: 'Máy chủ thư tạm thời từ chối thư.' },
      channel: 'email',
      event: 'received',
    });
    expect(office.pending).toBe(1);
    const count = async (unitId: string, cookie: string) => {
      const res = await t.req(`/api/notifications/failed?unitId=${unitId}`, { cookie });
      return res.status === 200
        ? ((await res.json()) as { items: unknown[] }).items.length
        : res.status;
    };
    expect(await count('HN-TAYHO-TH-NHATTAN', tayho)).toBe(1);
    expect(await count('HN-TAYHO-THCS-DONGTHAI', tayho)).toBe(0);
    expect(await count('HN-TAYHO-TH-NHATTAN', dongthai)).toBe(404);
    const refused = await t.req(`/api/notifications/${office.items[0]!.id}/retry`, {
      cookie: dongthai,
      body: {},
    });
    expect(refused.status).toBe(404);
    expect((await t.req('/api/notifications/failed')).status).toBe(401);
  });
});

describe('configuration', () => {
  test('a malformed SMTP_URL or SMS_WEBHOOK_URL stops the start with a clear message', () => {
    expect(() => loadConfig({ SMTP_URL: 'mail.example.vn:587' })).toThrow(
      /SMTP_URL: a URL such as smtp:/,
    );
    expect(() => loadConfig({ SMS_WEBHOOK_URL: 'ftp://x' })).toThrow(/SMS_WEBHOOK_URL/);
    const c = loadConfig({ SMTP_URL: 'smtp://u:p@mail.example.vn:587', PUBLIC_URL: PUBLIC });
    expect(c.smtpUrl).toBe('smtp://u:p@mail.example.vn:587');
    expect(c.mailFrom).toBe('"Hài Lòng" <no-reply@hailong.example.vn>');
    expect(loadConfig({}).smtpUrl).toBeNull();
  });
});
