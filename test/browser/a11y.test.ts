import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  chromiumPath,
  openPage,
  phonePage,
  screenshot,
  signIn,
  useLive,
} from '../helpers/browser.js';
import { liveApi, liveCampaign, storedResponses } from '../helpers/live.js';

/** The serious and critical axe violations on the page as it is now, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(' | ')}`,
    );
}

/** What has the keyboard focus: enough to decide the next key. */
async function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    if (!el || el === document.body)
      return { tag: 'body', type: '', groupDone: false, text: '', visible: true };
    const group =
      el.type === 'radio'
        ? [...document.querySelectorAll<HTMLInputElement>(`input[name="${el.name}"]`)]
        : [];
    const r = el.getBoundingClientRect();
    return {
      tag: el.tagName.toLowerCase(),
      type: el.type ?? '',
      groupDone: group.some((g) => g.checked),
      text: (el.textContent ?? '').trim(),
      visible: r.width > 0 && r.height > 0,
    };
  });
}

describe.skipIf(!chromiumPath)('accessibility (axe) and the keyboard', () => {
  const live = useLive();
  let trackingCode: string;
  beforeAll(async () => {
    const res = await liveApi(live.server.url, '/api/public/feedback', {
      body: {
        unitId: 'HN-TAYHO-THCS-DONGTHAI',
        category: 'co_so_vat_chat',
        title: 'Sân trường ngập khi mưa',
        content: 'Sân trường bị ngập mỗi khi mưa to, học sinh khó đi lại.',
        consent: false,
      },
    });
    trackingCode = ((await res.json()) as { trackingCode: string }).trackingCode;
  });

  test('the questionnaire on a phone, with JavaScript and without, has no serious violations', async () => {
    const { code } = await liveCampaign(live.server);
    const page = await phonePage(live.browser);
    await page.goto(`${live.server.url}/s/${code}`);
    await page.getByText('Phần 1 / 7').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    // A part with an unanswered required question flagged: the error state is checked too.
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByText('Xin trả lời câu hỏi này.').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();

    // axe itself needs JavaScript: the page "without JavaScript" is the one whose script never loads.
    const plain = await phonePage(live.browser);
    await plain.route('**/assets/respondent.js', (r) => r.abort());
    await plain.goto(`${live.server.url}/s/${code}`);
    expect(await plain.locator('fieldset.q').count()).toBe(25);
    expect(await seriousViolations(plain)).toEqual([]);
    await plain.context().close();
  }, 60_000);

  test('the citizen pages: home, feedback form, look-up, status and disclosures', async () => {
    const page = await phonePage(live.browser);
    for (const path of [
      '/',
      '/feedback',
      '/feedback/lookup',
      `/feedback/status/${trackingCode}`,
      '/disclosures/HN-TAYHO-THCS-DONGTHAI',
    ]) {
      await page.goto(live.server.url + path);
      expect({ path, violations: await seriousViolations(page) }).toEqual({ path, violations: [] });
    }
    // The form refused: the error messages and their links to the fields.
    await page.goto(`${live.server.url}/feedback`);
    await page.getByRole('button', { name: 'Gửi phản ánh' }).click();
    await page.getByRole('alert').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  test('the sign-in page and every dashboard page', async () => {
    const ctx = await live.browser.newContext({ viewport: { width: 1280, height: 900 } });
    ctx.setDefaultTimeout(10_000);
    const page = await ctx.newPage();
    await page.goto(`${live.server.url}/app`);
    await page.getByLabel('Email').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await signIn(page, live.server.url, 'admin@demo.vn');
    const nav = page.getByRole('navigation', { name: 'Điều hướng' });
    await nav.waitFor();
    const names = await nav.getByRole('link').allTextContents();
    expect(names.length).toBeGreaterThanOrEqual(6);
    for (const name of names) {
      await nav.getByRole('link', { name, exact: true }).click();
      await page.waitForLoadState('networkidle');
      await page.locator('main.content').waitFor();
      await screenshot(page, `a11y-dashboard-${name}`);
      expect({ page: name, violations: await seriousViolations(page) }).toEqual({
        page: name,
        violations: [],
      });
    }
    await ctx.close();
  }, 90_000);

  test('a whole questionnaire can be answered and sent with the keyboard alone', async () => {
    const { id, code } = await liveCampaign(live.server);
    const page = await phonePage(live.browser);
    await page.goto(`${live.server.url}/s/${code}`);
    await page.getByText('Phần 1 / 7').waitFor();
    let sent = false;
    for (let presses = 0; presses < 400 && !sent; presses++) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      expect(f.visible).toBe(true);
      if (f.tag === 'input' && f.type === 'radio' && !f.groupDone)
        await page.keyboard.press('Space');
      else if (f.tag === 'textarea') await page.keyboard.type('Góp ý gõ bằng bàn phím.');
      else if (f.tag === 'button' && (f.text === 'Tiếp tục' || f.text === 'Gửi phiếu')) {
        sent = f.text === 'Gửi phiếu';
        await page.keyboard.press('Enter');
        if (!sent) await page.waitForFunction(() => document.activeElement?.tagName === 'H2');
      }
    }
    expect(sent).toBe(true);
    await page.getByRole('heading', { name: 'Cảm ơn Quý vị! Phiếu đã được ghi nhận.' }).waitFor();
    const rows = await storedResponses(live.server, id);
    expect(rows).toHaveLength(1);
    // Space on the first choice of each group picks "5 · Rất hài lòng" (the form lists 5 first).
    expect(rows[0]!.answers).toMatchObject({
      khoi_lop: 'lop6',
      tc1: 5,
      kq4: 5,
      hai_long_chung: 5,
      gop_y: 'Góp ý gõ bằng bàn phím.',
    });
    await page.context().close();
  });
  test('the feedback form can be filled and sent with the keyboard alone', async () => {
    const page = await phonePage(live.browser);
    await page.goto(`${live.server.url}/feedback`);
    await page.getByLabel('Tìm đơn vị').waitFor();
    const seen: string[] = [];
    for (let presses = 0; presses < 40; presses++) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(
        () =>
          document.activeElement?.id ||
          document.activeElement?.getAttribute('aria-label') ||
          document.activeElement?.textContent?.trim() ||
          '',
      );
      seen.push(id);
      if (id === 'Tìm đơn vị') await page.keyboard.type('dong thai');
      else if (id === 'unitId') {
        // Arrow keys walk the options the search left visible.
        for (
          let i = 0;
          i < 30 && (await page.locator('#unitId').inputValue()) !== 'HN-TAYHO-THCS-DONGTHAI';
          i++
        ) {
          await page.keyboard.press('ArrowDown');
        }
      } else if (id === 'title') await page.keyboard.type('Cổng trường hỏng khoá');
      else if (id === 'content') await page.keyboard.type('Khoá cổng phụ bị hỏng, cổng mở cả đêm.');
      else if (id === 'Gửi phản ánh') {
        await page.keyboard.press('Enter');
        break;
      }
    }
    await page.locator('#tracking-code').waitFor();
    expect(await page.locator('#tracking-code').textContent()).toMatch(/^PA-[A-Z0-9]{8}$/);
    // The honeypot field is never reached by Tab.
    expect(seen).not.toContain('website');
    const row = await live.server.handle.db
      .selectFrom('feedback')
      .select(['unit_id', 'title'])
      .where('title', '=', 'Cổng trường hỏng khoá')
      .executeTakeFirstOrThrow();
    expect(row.unit_id).toBe('HN-TAYHO-THCS-DONGTHAI');
    await page.context().close();
  });
  test('the calendar page on a phone, with a removal awaiting confirmation and an estimated year', async () => {
    const page = await phonePage(live.browser);
    await signIn(page, live.server.url, 'admin@demo.vn');
    await openPage(page, 'Ngày nghỉ');
    await page.getByRole('button', { name: 'Xoá Thứ Năm, 1/1/2026' }).click();
    await page.getByRole('button', { name: 'Xác nhận xoá' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Năm', { exact: true }).selectOption('2027');
    await page.getByText('Lịch năm 2027 là dự kiến', { exact: false }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });
});
