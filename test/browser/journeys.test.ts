import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_CAMPAIGNS } from '../../cli/seed/campaigns.js';
import {
  ARTIFACTS,
  chromiumPath,
  launchBrowser,
  phonePage,
  screenshot,
  signIn,
  startServer,
  type LiveServer,
} from '../helpers/browser.js';
import { liveApi } from '../helpers/live.js';

const SCHOOL = 'HN-TAYHO-THCS-DONGTHAI';
const TITLE = 'Đèn hành lang tầng 3 bị hỏng';

/** A complete SIPAS response ("4" everywhere, no feedback given, so pa3/pa4 stay hidden). */
async function sipasAnswers(server: LiveServer, code: string) {
  const form = (await (await liveApi(server.url, `/api/public/forms/${code}`)).json()) as {
    survey: { sections: { questions: { id: string; type: string; required: boolean }[] }[] };
  };
  const answers: Record<string, unknown> = { da_phan_anh: 'khong' };
  for (const q of form.survey.sections.flatMap((s) => s.questions)) {
    if (q.type === 'likert5' && !['pa3', 'pa4'].includes(q.id)) answers[q.id] = 4;
  }
  return answers;
}

async function staffPage(browser: Browser, server: LiveServer, email: string): Promise<Page> {
  const ctx = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
  });
  ctx.setDefaultTimeout(10_000);
  const page = await ctx.newPage();
  await signIn(page, server.url, email);
  await page.getByRole('navigation', { name: 'Điều hướng' }).waitFor();
  return page;
}

describe.skipIf(!chromiumPath)('what citizens send reaches the school staff', () => {
  let browser: Browser;
  let server: LiveServer;
  let trackingCode = '';
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startServer()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('a citizen files feedback on a phone with JavaScript on and looks it up by its code', async () => {
    const page = await phonePage(browser);
    await page.goto(`${server.url}/feedback`);
    await page.getByLabel('Tìm đơn vị').fill('dong thai');
    await page.getByLabel('Đơn vị nhận phản ánh').selectOption(SCHOOL);
    await page.getByLabel('Lĩnh vực').selectOption('co_so_vat_chat');
    await page.getByLabel('Tiêu đề').fill(TITLE);
    await page
      .getByLabel('Nội dung')
      .fill('Đèn hành lang tầng 3 hỏng đã một tuần, buổi chiều học sinh đi lại rất tối.');
    await screenshot(page, 'journey-feedback-form');
    await page.getByRole('button', { name: 'Gửi phản ánh' }).click();
    trackingCode = (await page.locator('#tracking-code').textContent()) ?? '';
    expect(trackingCode).toMatch(/^PA-[A-Z0-9]{8}$/);

    // Later, from the home page, typed as a person copies it from a note: lower case, spaces.
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Tra cứu phản ánh bằng mã' }).click();
    await page.getByLabel('Mã tra cứu').fill(`  ${trackingCode.toLowerCase()} `);
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await page.getByRole('heading', { name: `Phản ánh ${trackingCode}` }).waitFor();
    expect(await page.locator('dl.facts').textContent()).toContain(TITLE);
    expect(await page.locator('dl.facts').textContent()).toContain('Đã tiếp nhận');
    await screenshot(page, 'journey-feedback-status');
    await page.context().close();
  });

  test('the school manager finds the new item in the inbox', async () => {
    expect(trackingCode).not.toBe('');
    const page = await staffPage(browser, server, 'dongthai@demo.vn');
    await page.getByRole('link', { name: 'Phản ánh', exact: true }).click();
    await page.getByRole('row', { name: new RegExp(TITLE) }).waitFor();
    expect(await page.getByRole('row', { name: new RegExp(TITLE) }).textContent()).toContain(
      trackingCode,
    );
    await screenshot(page, 'journey-inbox');
    await page.context().close();
  });

  test('a new response shows in the live count on the overview', async () => {
    const { code } = await server.handle.db
      .selectFrom('campaign_units')
      .select('code')
      .where('campaign_id', '=', DEMO_CAMPAIGNS.open)
      .where('unit_id', '=', SCHOOL)
      .executeTakeFirstOrThrow();
    const page = await staffPage(browser, server, 'dongthai@demo.vn');
    const live = page.locator('.card.live .big');
    await live.waitFor();
    const before = Number((await live.textContent())!.replace(/\D/g, ''));

    const res = await liveApi(server.url, `/api/public/forms/${code}/responses`, {
      body: { clientId: crypto.randomUUID(), answers: await sipasAnswers(server, code) },
    });
    expect(res.status).toBe(201);
    await page.reload();
    await page.locator('.card.live .big', { hasText: new RegExp(`^${before + 1}$`) }).waitFor();
    await screenshot(page, 'journey-overview');
    await page.context().close();
  });

  test('the targets page shows the four plan targets and the reports page downloads the report', async () => {
    const page = await staffPage(browser, server, 'tayho@demo.vn');
    await page.getByRole('link', { name: 'Chỉ tiêu', exact: true }).click();
    await page.getByRole('heading', { name: 'Chỉ tiêu', level: 1 }).waitFor();
    await page.locator('article.card').first().waitFor();
    expect(await page.locator('article.card').count()).toBeGreaterThanOrEqual(4);
    await screenshot(page, 'journey-targets');

    await page.getByRole('link', { name: 'Báo cáo', exact: true }).click();
    await page.getByRole('heading', { name: 'Báo cáo định kỳ' }).waitFor();
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Tải Excel (XLSX)' }).last().click(),
    ]);
    expect(xlsx.suggestedFilename()).toMatch(/^bao-cao-HN-TAYHO-.*\.xlsx$/);
    const file = `${ARTIFACTS}/journey-report.xlsx`;
    await xlsx.saveAs(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const text = book.worksheets.flatMap((ws) => ws.getSheetValues().flat().map(String)).join('\n');
    expect(text).toContain('Trường THCS Đông Thái');
    expect(text).not.toContain('Trường THCS Giảng Võ'); // another district's school
    await screenshot(page, 'journey-reports');
    await page.context().close();
  });
});
