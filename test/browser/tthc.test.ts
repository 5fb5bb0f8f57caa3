import AxeBuilder from '@axe-core/playwright';
import { describe, expect, test } from 'vitest';
import {
  chromiumPath,
  openPage,
  phonePage,
  screenshot,
  signIn,
  useLive,
} from '../helpers/browser.js';

/** A Vietnamese calendar date `offset` days from today, as 'dd/mm/yyyy' (the live server's clock). */
function day(offset: number): string {
  const iso = new Date(Date.now() + 7 * 3_600_000 + offset * 86_400_000).toISOString();
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}
const isoDay = (offset: number) =>
  new Date(Date.now() + 7 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);

const HEADER = 'Mã hồ sơ;Thủ tục;Mã đơn vị;Ngày nhận;Hạn trả;Ngày trả';
const GOOD = [
  `BT-0001;Cấp bản sao văn bằng, chứng chỉ từ sổ gốc;HN-TAYHO;${day(-9)};${day(-4)};${day(-5)}`,
  `BT-0002;Chuyển trường đối với học sinh trung học cơ sở;HN-TAYHO;${day(-9)};${day(-6)};${day(-3)}`,
  `BT-0003;Thành lập nhóm trẻ độc lập;HN-TAYHO;${day(-20)};${day(-2)};`,
];
const BAD = [
  `BT-0004;Chuyển trường đối với học sinh trung học cơ sở;HN-BADINH;${day(-9)};${day(-6)};`,
  `BT-0005;Cấp bản sao văn bằng, chứng chỉ từ sổ gốc;HN-TAYHO;${day(-9)};31/02/2026;`,
];

function csv(lines: string[]) {
  return { name: 'ho-so-tthc.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) };
}

describe.skipIf(!chromiumPath)('Hồ sơ TTHC in Chromium', () => {
  const live = useLive();

  test('an office imports a file list with bad rows, corrects it, and sees its late files named in the target', async () => {
    const page = await phonePage(live.browser);
    await signIn(page, live.server.url, 'tayho@demo.vn');
    await openPage(page, 'Hồ sơ TTHC');
    await page.getByRole('heading', { name: 'Hồ sơ thủ tục hành chính (TTHC)' }).waitFor();

    // A list with two bad rows: nothing is written, and each row is named with its reason.
    await page
      .getByLabel('Tệp danh sách hồ sơ (CSV hoặc .xlsx)')
      .setInputFiles(csv([HEADER, ...GOOD, ...BAD]));
    await page.getByRole('button', { name: 'Tải lên và kiểm tra' }).click();
    const alert = page.getByRole('alert');
    await alert.getByText('Không ghi hồ sơ nào: 2 dòng có lỗi.', { exact: false }).waitFor();
    const rows = alert.getByRole('list', { name: 'Dòng bị từ chối' }).getByRole('listitem');
    expect(await rows.allInnerTexts()).toEqual([
      'Dòng 5: Mã đơn vị "HN-BADINH" không thuộc phạm vi quản lý của bạn.',
      'Dòng 6: Hạn trả "31/02/2026" không phải là ngày (viết dd/mm/yyyy hoặc yyyy-mm-dd).',
    ]);
    expect(await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze()).toMatchObject({
      violations: [],
    });
    await screenshot(page, 'tthc-rejected-360');

    // The corrected list goes in whole.
    await page
      .getByLabel('Tệp danh sách hồ sơ (CSV hoặc .xlsx)')
      .setInputFiles(csv([HEADER, ...GOOD]));
    await page.getByRole('button', { name: 'Tải lên và kiểm tra' }).click();
    await page.getByRole('status').getByText('Đã nhập 3 hồ sơ mới, cập nhật 0 hồ sơ.').waitFor();
    await page.screenshot({ path: 'client/screenshots/tthc-360.png', fullPage: true });

    // The targets page, over the last weeks: the late and the open-overdue files by code.
    await openPage(page, 'Chỉ tiêu');
    const loaded = page.waitForResponse((r) =>
      r.url().includes(`/api/targets?from=${isoDay(-60)}&to=${isoDay(0)}`),
    );
    await page.getByLabel('Từ ngày').fill(isoDay(-60));
    await page.getByLabel('Đến ngày').fill(isoDay(0));
    await loaded;
    const card = page.getByRole('article', { name: 'Hồ sơ thủ tục hành chính được trả đúng hạn' });
    expect(await card.getByText('Không đạt', { exact: true }).count()).toBe(1);
    await card.locator('summary').click();
    const failing = await card
      .getByRole('list', { name: 'Trường hợp không đạt' })
      .getByRole('listitem')
      .allInnerTexts();
    const mine = failing.filter((f) => f.startsWith('BT-'));
    expect(mine).toHaveLength(2);
    expect(mine[0]).toMatch(
      /^BT-0002 — Chuyển trường đối với học sinh trung học cơ sở · Phòng GDĐT .*Tây Hồ · trả muộn 3 ngày$/,
    );
    expect(mine[1]).toMatch(
      /^BT-0003 — Thành lập nhóm trẻ độc lập · .* · quá hạn, chưa trả: \d+ ngày$/,
    );
    expect(failing.join('\n')).not.toContain('BT-0001');
  });
});
