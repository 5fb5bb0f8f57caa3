import { Hono, type Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { newId } from '../../db/ids.js';
import type { TText } from '../../surveys/schema.js';
import { formToAnswers, type AnswerError } from '../answers.js';
import type { AppEnv } from '../context.js';
import { AppError } from '../errors.js';
import { campaignState, openCode, submitResponse, type OpenTarget } from '../responses.js';
import { validate } from '../validate.js';
import { formatVnTimeDate } from '../domain/vn-time.js';
import { hasPublicResults } from '../results/public.js';
import { html, page } from '../html/layout.js';
import { respondentForm, tr, type FormState, type Lang } from './respondent-form.js';

export const RESPONDENT_ASSETS = { styles: ['/assets/respondent.css'], scripts: ['/assets/respondent.js'] };

const M = {
  thanks: { vi: 'Cảm ơn Quý vị!', en: 'Thank you!' },
  thanksBody: {
    vi: 'Phiếu của Quý vị đã được ghi nhận. Ý kiến của Quý vị giúp nhà trường và cơ quan quản lý phục vụ tốt hơn.',
    en: 'Your answers have been recorded. They help the school and the authorities serve you better.',
  },
  closed: { vi: 'Đợt khảo sát đã kết thúc', en: 'This survey has closed' },
  closedBody: { vi: 'Đợt khảo sát này đã kết thúc lúc', en: 'This survey closed on' },
  notYet: { vi: 'Đợt khảo sát chưa bắt đầu', en: 'This survey has not started yet' },
  notYetBody: { vi: 'Xin quay lại sau thời điểm', en: 'Please come back after' },
  used: { vi: 'Mã này đã được sử dụng', en: 'This code has already been used' },
  usedBody: {
    vi: 'Mỗi mã chỉ dùng để gửi một phiếu. Nếu Quý vị chưa gửi phiếu, xin liên hệ nhà trường để nhận mã mới.',
    en: 'Each code accepts one response. If you have not answered yet, please ask the school for a new code.',
  },
  done: { vi: 'Quý vị đã trả lời phiếu này', en: 'You have already answered' },
  doneBody: {
    vi: 'Phiếu gửi từ điện thoại này đã được ghi nhận. Cảm ơn Quý vị!',
    en: 'The answers sent from this phone have been recorded. Thank you!',
  },
  again: { vi: 'Trả lời cho một con khác', en: 'Answer for another child' },
  next: { vi: 'Quý vị có thể:', en: 'You may also:' },
  results: {
    vi: 'Xem kết quả khảo sát đã công khai của nhà trường',
    en: "Read the school's published survey results",
  },
  feedback: {
    vi: 'Gửi phản ánh, kiến nghị tới nhà trường',
    en: 'Send feedback or a complaint to the school',
  },
  unknown: { vi: 'Không tìm thấy phiếu khảo sát', en: 'No survey has this code' },
  unknownBody: { vi: 'Xin kiểm tra lại mã, hoặc nhập mã in trên giấy:', en: 'Please check the code, or type the code printed on your slip:' },
  code: { vi: 'Mã khảo sát', en: 'Survey code' },
  open: { vi: 'Mở phiếu', en: 'Open' },
} satisfies Record<string, TText>;

/**
 * The mark a submit leaves on this phone for this code (the script sets the same one and keeps
 * a localStorage mark too): opening the link again says "already answered" instead of a blank
 * form. A link campaign offers to answer again (another child); a one-time code does not.
 */
const doneCookie = (code: string) => `hl_done_${code}`;

function markDone(c: Context<AppEnv>, code: string, t: OpenTarget, now: Date) {
  const left = Math.ceil((Date.parse(t.campaign.closes_at) - now.getTime()) / 1000);
  setCookie(c, doneCookie(code), '1', { path: `/s/${code}`, sameSite: 'Lax', maxAge: Math.min(Math.max(left, 60), 400 * 86_400) });
}

/** The next useful steps after answering: the school's published results once there are any, its feedback form. */
function nextSteps(t: OpenTarget, lang: Lang, published: boolean) {
  const unit = encodeURIComponent(t.unitId);
  const results = published ? html`<li><a href="/results/${unit}">${tr(M.results, lang)}</a></li>` : '';
  return html`<p>${tr(M.next, lang)}</p><ul class="next">${results}<li><a href="/feedback?unitId=${unit}">${tr(M.feedback, lang)}</a></li></ul>`;
}

function alreadyAnswered(t: OpenTarget, code: string, lang: Lang, published: boolean) {
  const again = t.token ? '' : html`<p><a class="btn" href="/s/${code}?again=1${lang === 'en' ? '&lang=en' : ''}">${tr(M.again, lang)}</a></p>`;
  return notice(lang, M.done, html`<p>${tr(M.doneBody, lang)}</p>${again}${nextSteps(t, lang, published)}`);
}

function langOf(c: Context<AppEnv>, fromForm?: unknown): Lang {
  return (fromForm ?? c.req.query('lang')) === 'en' ? 'en' : 'vi';
}

function notice(lang: Lang, title: TText, body: ReturnType<typeof html> | string) {
  return page({
    title: tr(title, lang),
    lang,
    styles: RESPONDENT_ASSETS.styles,
    body: html`<main class="rs msg"><h1>${tr(title, lang)}</h1>${body}</main>`,
  });
}

function codeEntry(lang: Lang, status: TText, body: TText) {
  return notice(
    lang,
    status,
    html`<p>${tr(body, lang)}</p><form method="get" action="/s"><label for="code">${tr(M.code, lang)}</label><input id="code" name="code" autocomplete="off" autocapitalize="characters" required><button type="submit">${tr(M.open, lang)}</button></form>`,
  );
}

/** The page for a code whose form cannot be answered now, or undefined when it can. */
function blocked(t: OpenTarget, now: Date, lang: Lang) {
  const state = campaignState(t.campaign, now);
  if (state === 'closed') return notice(lang, M.closed, html`<p>${tr(M.closedBody, lang)} ${formatVnTimeDate(t.campaign.closes_at)}.</p>`);
  if (state === 'not_yet_open') return notice(lang, M.notYet, html`<p>${tr(M.notYetBody, lang)} ${formatVnTimeDate(t.campaign.opens_at)}.</p>`);
  if (t.token?.usedAt) return notice(lang, M.used, html`<p>${tr(M.usedBody, lang)}</p>`);
  return undefined;
}

export function formPage(t: OpenTarget, code: string, st: FormState) {
  return page({
    title: tr(t.definition.title, st.lang),
    lang: st.lang,
    styles: RESPONDENT_ASSETS.styles,
    scripts: RESPONDENT_ASSETS.scripts,
    body: respondentForm(t, code, st),
  });
}

const ZCode = z.object({ code: z.string().min(1).max(64) });
const ZForm = z.record(z.string().max(64), z.union([z.string().max(10_000), z.array(z.string().max(10_000)).max(100)]));

/**
 * The form a code opens, or undefined for a code nobody issued (the "not found" page). Any other
 * failure, a database error included, goes on to the app's error handler: a 500, logged.
 */
async function openIfKnown(deps: AppEnv['Variables']['deps'], code: string) {
  try {
    return await openCode(deps, code);
  } catch (e) {
    if (e instanceof AppError && e.code === 'not_found') return undefined;
    throw e;
  }
}

/** Normalises what a person types from a paper slip: case, spaces, dashes. */
const cleanCode = (s: string) => s.toUpperCase().replace(/[\s-]/g, '');

const respondent = new Hono<AppEnv>()
  .get('/', validate('query', z.object({ code: z.string().max(64).optional(), lang: z.string().optional() })), (c) => {
    const code = c.req.valid('query').code;
    if (code && cleanCode(code)) return c.redirect(`/s/${encodeURIComponent(cleanCode(code))}`, 303);
    return c.html(codeEntry(langOf(c), M.code, M.unknownBody));
  })
  .get('/:code', validate('param', ZCode), async (c) => {
    const lang = langOf(c);
    const { clock } = c.var.deps;
    const code = cleanCode(c.req.valid('param').code);
    const t = await openIfKnown(c.var.deps, code);
    if (!t) return c.html(codeEntry(lang, M.unknown, M.unknownBody), 404);
    const open = campaignState(t.campaign, clock()) === 'open';
    if (open && getCookie(c, doneCookie(code)) && (t.token || c.req.query('again') !== '1')) {
      c.header('Cache-Control', 'no-store');
      return c.html(alreadyAnswered(t, code, lang, await hasPublicResults(c.var.deps, t.unitId, clock())));
    }
    const b = blocked(t, clock(), lang);
    if (b) return c.html(b);
    // The clientId is minted here, so a double-posted form (back, resubmit) is stored once.
    c.header('Cache-Control', 'no-store');
    return c.html(formPage(t, code, { clientId: newId(), startedAt: clock().toISOString(), lang }));
  })
  .post('/:code', validate('param', ZCode), validate('form', ZForm), async (c) => {
    const form = c.req.valid('form');
    const lang = langOf(c, form._lang);
    const { clock } = c.var.deps;
    const code = cleanCode(c.req.valid('param').code);
    const t = await openIfKnown(c.var.deps, code);
    if (!t) return c.html(codeEntry(lang, M.unknown, M.unknownBody), 404);
    const fields = z
      .object({ _clientId: z.uuid(), _startedAt: z.iso.datetime({ offset: true }).optional() })
      .safeParse(form);
    const clientId = fields.success ? fields.data._clientId : newId();
    const startedAt = fields.success ? (fields.data._startedAt ?? null) : null;
    const answers = formToAnswers(t.definition, form);
    try {
      await submitResponse(c.var.deps, t, { clientId, answers, startedAt }, 'form');
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      if (e.code === 'validation_failed') {
        const errors = (e.details ?? []) as AnswerError[];
        const st = { clientId, startedAt: startedAt ?? clock().toISOString(), lang, values: answers, errors };
        return c.html(formPage(t, code, st), 400);
      }
      return c.html(blocked(t, clock(), lang) ?? notice(lang, M.used, html`<p>${tr(M.usedBody, lang)}</p>`), e.status);
    }
    markDone(c, code, t, clock());
    const published = await hasPublicResults(c.var.deps, t.unitId, clock());
    return c.html(notice(lang, M.thanks, html`<p>${tr(M.thanksBody, lang)}</p>${nextSteps(t, lang, published)}`));
  });

export default respondent;
