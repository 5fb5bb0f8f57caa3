import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  chromiumPath,
  launchBrowser,
  phonePage,
  screenshot,
  signIn,
  startServer,
  type LiveServer,
} from '../helpers/browser.js';
import { fileOnForm, findAndOpen, replyOnOwnPage, staffMove } from '../helpers/citizen-steps.js';
import { startSmtp, type ReceivedMail } from '../helpers/mail.js';

const TITLE = 'Nhà vệ sinh khu lớp 6 bị hỏng khoá cửa';
const EMAIL = 'phuhuynh.lan@example.vn';
const NOTE = 'Xin gửi ảnh chụp cửa nhà vệ sinh bị hỏng khoá.';
const ANSWER = 'Nhà trường đã thay khoá cửa nhà vệ sinh khu lớp 6.';

/** An ISO time as a machine writes it (2026-11-29T10:00…), never meant for a person. */
const ISO_TIME = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

describe.skipIf(!chromiumPath)('the citizen’s loop by e-mail, through a real SMTP server', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let browser: Browser;
  let server: LiveServer;
  beforeAll(async () => {
    smtp = await startSmtp();
    [browser, server] = await Promise.all([launchBrowser(), startServer({ smtpUrl: smtp.url })]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await smtp?.close();
  });

  /**
   * The one e-mail to the parent whose subject says `about`, once the notifier has sent it (it
   * polls the outbox every 200 ms here); after 15 s without it, the test fails naming it.
   */
  async function mailAbout(about: RegExp): Promise<ReceivedMail> {
    for (let waited = 0; waited < 15_000; waited += 50) {
      const found = smtp.mails.filter((m) => m.to.includes(EMAIL) && about.test(m.subject));
      if (found.length) {
        expect(found).toHaveLength(1);
        return found[0]!;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    const got = smtp.mails.map((m) => m.subject).join(' | ') || 'none';
    throw new Error(`no e-mail about ${about} reached the SMTP server (received: ${got})`);
  }

  /** What every message to a citizen must be: Vietnamese, for a person, with the status link. */
  function expectReadable(mail: ReceivedMail, code: string) {
    expect(mail.text).toMatch(/^Kính gửi bạn,/);
    expect(mail.text).toContain(`Theo dõi tình trạng: ${server.url}/feedback/status/${code}`);
    expect(mail.html).toContain(`href="${server.url}/feedback/status/${code}"`);
    for (const part of [mail.subject, mail.text, mail.html]) expect(part).not.toMatch(ISO_TIME);
  }

  /** The link a person clicks in the e-mail. */
  const linkIn = (mail: ReceivedMail) => /Theo dõi tình trạng: (\S+)/.exec(mail.text)![1]!;

  test('a parent files on a phone, is asked by e-mail for a photo, replies through the link, and reads the answer', async () => {
    const base = server.url;
    const phone = await phonePage(browser);
    const { code, replyKey } = await fileOnForm(phone, base, {
      title: TITLE,
      content:
        'Cửa nhà vệ sinh nữ khu lớp 6 hỏng khoá đã hai tuần, các cháu phải giữ cửa cho nhau.',
      name: 'Trần Thị Lan',
      email: EMAIL,
      consent: true,
    });
    expect(replyKey).toBeTruthy();

    // The receipt by e-mail: the tracking code, the due day as a person reads it, the link.
    const receipt = await mailAbout(new RegExp(`mã tra cứu ${code}`));
    expect(receipt.subject).toBe(`Đã nhận phản ánh, kiến nghị của bạn — mã tra cứu ${code}`);
    expect(receipt.text).toContain(`Mã tra cứu: ${code}.`);
    expect(receipt.text).toContain(`"${TITLE}"`);
    expect(receipt.text).toMatch(/Hạn giải quyết: Thứ (Hai|Ba|Tư|Năm|Sáu), \d{2}\/\d{2}\/\d{4}\./);
    expectReadable(receipt, code);
    // The key is on the receipt page only ("shown once"): e-mails carry the public link.
    expect(receipt.raw).not.toContain(replyKey!);

    // The school's manager, in the dashboard on a desktop, asks for more information.
    const ctx = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    const desk = await ctx.newPage();
    desk.setDefaultTimeout(10_000);
    await signIn(desk, base, 'dongthai@demo.vn');
    await findAndOpen(desk, 've sinh khu lop 6', code, TITLE);
    await staffMove(desk, 'Thụ lý');
    await staffMove(desk, 'Xử lý');
    await staffMove(desk, 'Yêu cầu bổ sung thông tin', {
      'Thông tin cần bổ sung (người gửi sẽ thấy)': NOTE,
    });

    const asked = await mailAbout(/cần bạn bổ sung thông tin/);
    expect(asked.subject).toBe(`${code}: cần bạn bổ sung thông tin`);
    expect(asked.text).toContain(NOTE);
    expectReadable(asked, code);

    // The parent follows the e-mail's link, opens their own page with the key, and replies.
    await phone.goto(linkIn(asked));
    await phone.getByLabel('Khoá trả lời').fill(replyKey!);
    await phone.getByRole('button', { name: 'Mở', exact: true }).click();
    await phone.getByText(NOTE).waitFor();
    await replyOnOwnPage(phone, 'Ảnh chụp cửa nhà vệ sinh, chiều nay.', '#805000');
    expect(await phone.getByRole('img', { name: /Ảnh/ }).count()).toBe(1);
    await screenshot(phone, 'citizen-email-reply-360');

    // Staff read the reply, answer and publish: the item is closed for the citizen.
    await desk.reload();
    await desk.getByText('Ảnh chụp cửa nhà vệ sinh, chiều nay.').waitFor();
    await staffMove(desk, 'Trả lời', { 'Nội dung trả lời (sẽ được công khai)': ANSWER });
    await staffMove(desk, 'Công khai');
    await ctx.close();

    const answered = await mailAbout(/đã có câu trả lời/);
    expect(answered.text).toContain(ANSWER);
    expectReadable(answered, code);
    const published = await mailAbout(/câu trả lời đã được công khai/);
    expect(published.subject).toBe(`${code}: câu trả lời đã được công khai`);
    expectReadable(published, code);

    // The last e-mail's link: the public page, where anyone reads the answer (and nothing of hers).
    await phone.goto(linkIn(published));
    await phone.getByText(ANSWER).waitFor();
    const page = await phone.content();
    expect(page).not.toContain('Trần Thị Lan');
    expect(page).not.toContain(EMAIL);
    expect(page).not.toContain('Ảnh chụp cửa nhà vệ sinh');
    expect(await visibleText(phone)).not.toMatch(ISO_TIME);
    await screenshot(phone, 'citizen-email-answer-360');
    await phone.context().close();
  }, 90_000);
});

const visibleText = (page: Page) => page.evaluate(() => document.body.innerText);
