import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { openPage } from './browser.js';

/**
 * The steps of the citizen's loop as a person takes them in Chromium, shared by the browser
 * journeys (citizen-loop, inbox, citizen-email-journey).
 */

/** A small JPEG of one colour, as `setInputFiles` takes it. */
export async function photo(color: string) {
  const buffer = await sharp({ create: { width: 64, height: 48, channels: 3, background: color } })
    .jpeg()
    .toBuffer();
  return { name: 'anh.jpg', mimeType: 'image/jpeg', buffer };
}

export interface Filing {
  unitId?: string;
  category?: string;
  title: string;
  content: string;
  name?: string;
  email?: string;
  /** Ticks "Tôi đồng ý …" (notifications to the address given). */
  consent?: boolean;
  photoColor?: string;
}

/**
 * Fills the public form at /feedback and sends it; returns the tracking code on the receipt and,
 * when the receipt shows one, the reply key (shown once).
 */
export async function fileOnForm(
  page: Page,
  base: string,
  f: Filing,
): Promise<{ code: string; replyKey: string | null }> {
  await page.goto(`${base}/feedback`);
  await page.getByLabel('Đơn vị nhận phản ánh').selectOption(f.unitId ?? 'HN-TAYHO-THCS-DONGTHAI');
  await page.getByLabel('Lĩnh vực').selectOption(f.category ?? 'co_so_vat_chat');
  await page.getByLabel('Tiêu đề').fill(f.title);
  await page.getByLabel('Nội dung').fill(f.content);
  if (f.name) await page.getByLabel('Họ và tên').fill(f.name);
  if (f.email) await page.getByLabel('Thư điện tử').fill(f.email);
  if (f.consent) await page.getByLabel(/Tôi đồng ý/).check();
  if (f.photoColor) await page.locator('#photos').setInputFiles(await photo(f.photoColor));
  await page.getByRole('button', { name: 'Gửi phản ánh' }).click();
  const code = (await page.locator('#tracking-code').textContent())!.trim();
  const key = page.locator('#reply-key');
  const replyKey = (await key.count()) ? (await key.textContent())!.trim() : null;
  return { code, replyKey };
}

/** On the citizen's own status page: writes the reply (with a photo) and sends it. */
export async function replyOnOwnPage(page: Page, text: string, photoColor?: string) {
  await page.getByLabel('Nội dung bổ sung').fill(text);
  if (photoColor) await page.locator('#reply-photos').setInputFiles(await photo(photoColor));
  await page.getByRole('button', { name: 'Gửi bổ sung' }).click();
  await page.getByText('Đã gửi thông tin bổ sung').waitFor();
}

/**
 * In the dashboard: searches the inbox for `query` (typed as a person would, e.g. without
 * diacritics), expects exactly one match and opens it.
 */
export async function findAndOpen(page: Page, query: string, code: string, title: string) {
  await openPage(page, 'Phản ánh');
  await page.getByLabel('Tìm theo mã, tiêu đề, nội dung').fill(query);
  await page.getByRole('button', { name: 'Tìm', exact: true }).click();
  await page.getByText('1 mục khớp').waitFor();
  await page.getByRole('link', { name: code }).click();
  await page.getByRole('heading', { level: 1, name: new RegExp(title) }).waitFor();
}

/**
 * In an item's detail: presses a move's button (e.g. "Thụ lý"), fills what that move asks for,
 * and sends the form, waiting until it has gone (the move is stored and the page shows it).
 */
export async function staffMove(page: Page, verb: string, fill: Record<string, string> = {}) {
  await page.getByRole('button', { name: verb, exact: true }).first().click();
  const form = page.locator('form.card');
  for (const [label, value] of Object.entries(fill)) await form.getByLabel(label).fill(value);
  await form.getByRole('button', { name: verb, exact: true }).click();
  await form.waitFor({ state: 'detached' });
}
