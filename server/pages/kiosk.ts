import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { newId } from '../../db/ids.js';
import type { TQuestion } from '../../surveys/schema.js';
import { campaignState } from '../campaign-state.js';
import type { AppEnv } from '../context.js';
import { AppError } from '../errors.js';
import { html, page } from '../html/layout.js';
import { openKiosk, submitTap, type OpenKiosk } from '../kiosks/service.js';
import { validate } from '../validate.js';

/**
 * The counter's rating page (/k/CODE): five large faces, one optional follow-up, thanks, and a
 * reset. The script (client/kiosk) queues taps on the device and sends them when it can; without
 * it the faces are a plain form whose thanks page returns to the faces by itself.
 */
export const KIOSK_ASSETS = { styles: ['/assets/kiosk.css'], scripts: ['/assets/kiosk.js'] };

export const LEVELS = [
  'Rất không hài lòng',
  'Không hài lòng',
  'Bình thường',
  'Hài lòng',
  'Rất hài lòng',
] as const;

/** A face drawn inline (no emoji font needed): the mouth bends from a frown (1) to a smile (5). */
function face(level: number) {
  const bend = (level - 3) * 7;
  const colours = ['#c62828', '#ef6c00', '#f9a825', '#7cb342', '#2e7d32'];
  return html`<svg viewBox="0 0 64 64" aria-hidden="true" focusable="false">
    <circle cx="32" cy="32" r="30" fill="${colours[level - 1]}" />
    <circle cx="22" cy="25" r="4" fill="#1a1a1a" />
    <circle cx="42" cy="25" r="4" fill="#1a1a1a" />
    <path
      d="M18 ${44 - bend / 2} Q32 ${44 + bend} 46 ${44 - bend / 2}"
      stroke="#1a1a1a"
      stroke-width="4"
      fill="none"
      stroke-linecap="round"
    />
  </svg>`;
}

/** The follow-up is asked for these ratings (its showIf on the rating), or never. */
function followUpWhen(k: OpenKiosk): number[] {
  const f = k.questions.followUp;
  if (!f) return [];
  if (!f.showIf) return [1, 2, 3, 4, 5];
  if (f.showIf.question !== k.questions.rating.id) return [];
  return f.showIf.in.map(Number).filter((n) => n >= 1 && n <= 5);
}

function reasons(f: TQuestion) {
  return (f.options ?? []).map(
    (o) =>
      html`<button type="button" class="reason" data-value="${o.value}">${o.label.vi}</button>`,
  );
}

function ratingPage(k: OpenKiosk) {
  const { rating, followUp } = k.questions;
  const when = followUpWhen(k);
  return page({
    title: `Đánh giá sự hài lòng – ${k.unitName}`,
    styles: KIOSK_ASSETS.styles,
    scripts: KIOSK_ASSETS.scripts,
    body: html`<main
      class="kiosk"
      id="kiosk"
      data-device="${k.kiosk.device_code}"
      data-rating="${rating.id}"
    >
      <section id="k-rate" class="screen">
        <p class="unit">${k.unitName}</p>
        <h1>
          ${rating.text.vi}${rating.text.en ? html` <span lang="en" class="en">${rating.text.en}</span>` : ''}
        </h1>
        <form method="post" action="/k/${k.kiosk.device_code}" class="faces">
          <input type="hidden" name="clientId" value="${newId()}" />
          ${LEVELS.map(
            (label, i) =>
              html`<button type="submit" name="rating" value="${i + 1}" class="face f${i + 1}">
                ${face(i + 1)}<span class="label">${label}</span>
              </button>`,
          )}
        </form>
      </section>
      ${
        followUp && when.length
          ? html`<section
              id="k-more"
              class="screen"
              hidden
              data-question="${followUp.id}"
              data-when="${when.join(',')}"
            >
              <h2 tabindex="-1">${followUp.text.vi}</h2>
              <div class="reasons">${reasons(followUp)}</div>
              <button type="button" class="skip" data-skip>Bỏ qua</button>
            </section>`
          : ''
      }
      <section id="k-thanks" class="screen" hidden>
        <h2 tabindex="-1">Cảm ơn Ông/Bà!</h2>
        <p>Ý kiến của Ông/Bà giúp chúng tôi phục vụ tốt hơn.</p>
      </section>
      <p id="k-net" class="net" role="status" aria-live="polite"></p>
    </main>`,
  });
}

function notice(title: string, body: string, refreshSeconds?: number) {
  return page({
    title,
    styles: KIOSK_ASSETS.styles,
    body: html`${refreshSeconds ? html`<meta http-equiv="refresh" content="${refreshSeconds}" />` : ''}
      <main class="kiosk notice">
        <h1>${title}</h1>
        <p>${body}</p>
      </main>`,
  });
}

/** The thanks of the page without script, which goes back to the faces after a few seconds. */
function thanksPage(k: OpenKiosk) {
  return page({
    title: 'Cảm ơn Ông/Bà!',
    styles: KIOSK_ASSETS.styles,
    body: html`<meta http-equiv="refresh" content="5;url=/k/${k.kiosk.device_code}" />
      <main class="kiosk">
        <section class="screen">
          <h1>Cảm ơn Ông/Bà!</h1>
          <p>Ý kiến của Ông/Bà giúp chúng tôi phục vụ tốt hơn.</p>
          <p><a class="again" href="/k/${k.kiosk.device_code}">Đánh giá tiếp</a></p>
        </section>
      </main>`,
  });
}

/** The page of a device that cannot take ratings now, or null when it can. */
function unavailable(c: Context<AppEnv>, k: OpenKiosk) {
  if (k.kiosk.disabled_at !== null) {
    return c.html(
      notice('Máy đánh giá đã ngừng sử dụng', 'Máy này đã được tắt. Xin liên hệ cán bộ tại quầy.'),
      403,
    );
  }
  const state = campaignState(k.campaign, c.var.deps.clock());
  if (state !== 'open') {
    // Checked again every few minutes: a campaign that opens later starts the faces by itself.
    return c.html(
      notice(
        state === 'not_yet_open' ? 'Chưa đến thời gian đánh giá' : 'Đợt đánh giá đã kết thúc',
        'Cảm ơn Ông/Bà đã quan tâm.',
        300,
      ),
    );
  }
  return null;
}

const ZDevice = z.object({ deviceCode: z.string().min(1).max(64) });
const ZForm = z.object({ clientId: z.uuid(), rating: z.coerce.number().int().min(1).max(5) });

async function opened(c: Context<AppEnv>, code: string) {
  try {
    return await openKiosk(c.var.deps, code);
  } catch (e) {
    if (e instanceof AppError && e.status === 404) return null;
    throw e;
  }
}

const kioskPages = new Hono<AppEnv>()
  .get('/:deviceCode', validate('param', ZDevice), async (c) => {
    c.header('Cache-Control', 'no-store');
    const k = await opened(c, c.req.valid('param').deviceCode);
    if (!k)
      return c.html(
        notice('Không tìm thấy máy đánh giá', 'Xin kiểm tra lại địa chỉ của máy này.'),
        404,
      );
    return unavailable(c, k) ?? c.html(ratingPage(k));
  })
  .post('/:deviceCode', validate('param', ZDevice), validate('form', ZForm), async (c) => {
    c.header('Cache-Control', 'no-store');
    const k = await opened(c, c.req.valid('param').deviceCode);
    if (!k)
      return c.html(
        notice('Không tìm thấy máy đánh giá', 'Xin kiểm tra lại địa chỉ của máy này.'),
        404,
      );
    const off = unavailable(c, k);
    if (off) return off;
    const form = c.req.valid('form');
    await submitTap(c.var.deps, k, {
      clientId: form.clientId,
      answers: { [k.questions.rating.id]: form.rating },
    });
    return c.html(thanksPage(k));
  });

export default kioskPages;
