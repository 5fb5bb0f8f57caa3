import type { FeedbackKind, FeedbackStatus, OutboxChannel } from '../../db/schema.js';
import { formatVnDate, vnDate } from '../domain/vn-time.js';

/** The facts a message reports, frozen when the change happened (the outbox row's payload). */
export interface NoticeFacts {
  code: string;
  kind: FeedbackKind;
  title: string;
  unitName: string;
  /** The resolution deadline (ISO, stored form). */
  dueAt: string;
  /** What staff wrote with the move: what to supply, or why it was refused. */
  note?: string | null;
  answer?: string | null;
  duplicate?: boolean;
  /** A transfer: the new item's tracking code and unit. */
  newCode?: string | null;
  newUnitName?: string | null;
}

export interface Rendered {
  subject: string | null;
  text: string;
  html: string | null;
}

/** The moves a citizen sees, and receipt: the only events that send anything. */
export const NOTIFIED: readonly FeedbackStatus[] = [
  'received',
  'accepted',
  'waiting_citizen',
  'answered',
  'published',
  'transferred',
  'rejected',
];

const WEEKDAYS = ['Chủ Nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];
const KIND: Record<FeedbackKind, string> = {
  feedback: 'phản ánh, kiến nghị',
  complaint: 'đơn khiếu nại',
  denunciation: 'đơn tố cáo',
};

/** '31/12/2026', the day a deadline falls on in Vietnam. */
export function shortDate(iso: string): string {
  return formatVnDate(iso);
}

/** 'Thứ Năm, 31/12/2026'. */
export function longDate(iso: string): string {
  const day = new Date(`${vnDate(iso)}T00:00:00Z`).getUTCDay();
  return `${WEEKDAYS[day]}, ${shortDate(iso)}`;
}

export function statusLink(origin: string, code: string): string {
  return `${origin}/feedback/status/${encodeURIComponent(code)}`;
}

/** Subject and paragraphs of the e-mail for one event. */
function mailParts(event: FeedbackStatus, f: NoticeFacts): { subject: string; body: string[] } {
  const what = `${KIND[f.kind]} "${f.title}"`;
  const due = `Hạn giải quyết: ${longDate(f.dueAt)}.`;
  switch (event) {
    case 'received':
      return {
        subject: `Đã nhận ${KIND[f.kind]} của bạn — mã tra cứu ${f.code}`,
        body: [`${f.unitName} đã nhận ${what}.`, `Mã tra cứu: ${f.code}.`, due],
      };
    case 'accepted':
      return {
        subject: `${f.code}: đã được thụ lý`,
        body: [`${f.unitName} đã thụ lý ${what} và đang giải quyết.`, due],
      };
    case 'waiting_citizen':
      return {
        subject: `${f.code}: cần bạn bổ sung thông tin`,
        body: [
          `Để giải quyết ${what}, ${f.unitName} cần bạn bổ sung thông tin:`,
          f.note ?? '',
          'Vui lòng trả lời qua trang theo dõi dưới đây.',
        ],
      };
    case 'answered':
      return {
        subject: `${f.code}: đã có câu trả lời`,
        body: [`${f.unitName} đã trả lời ${what}:`, f.answer ?? ''],
      };
    case 'published':
      return {
        subject: `${f.code}: câu trả lời đã được công khai`,
        body: [`Câu trả lời cho ${what} đã được công khai trên trang của ${f.unitName}.`],
      };
    case 'transferred':
      return {
        subject: `${f.code}: đã chuyển đến ${f.newUnitName ?? 'đơn vị có thẩm quyền'}`,
        body: [
          `${what} đã được chuyển đến ${f.newUnitName ?? 'đơn vị có thẩm quyền'} để giải quyết.`,
          f.newCode ? `Mã tra cứu mới: ${f.newCode}.` : '',
        ],
      };
    case 'rejected':
      return {
        subject: `${f.code}: không được thụ lý`,
        body: [
          `${f.unitName} không thụ lý ${what}.`,
          f.duplicate ? 'Lý do: trùng với một phản ánh đã được tiếp nhận trước đó.' : '',
          !f.duplicate && f.note ? `Lý do: ${f.note}` : '',
        ],
      };
    default:
      return { subject: `${f.code}: cập nhật`, body: [] };
  }
}

/** The SMS for one event: short, the code and the link, nothing the citizen did not write. */
function smsText(event: FeedbackStatus, f: NoticeFacts, link: string): string {
  const head: Partial<Record<FeedbackStatus, string>> = {
    received: `Đã nhận ${f.code}, hạn ${shortDate(f.dueAt)}.`,
    accepted: `${f.code} đã được thụ lý, hạn ${shortDate(f.dueAt)}.`,
    waiting_citizen: `${f.code}: cần bạn bổ sung thông tin.`,
    answered: `${f.code} đã có câu trả lời.`,
    published: `${f.code}: câu trả lời đã công khai.`,
    transferred: f.newCode
      ? `${f.code} đã chuyển đơn vị, mã mới ${f.newCode}.`
      : `${f.code} đã chuyển đơn vị.`,
    rejected: `${f.code} không được thụ lý.`,
  };
  return `Hài Lòng: ${head[event] ?? f.code} Xem: ${link}`;
}

const escape = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** Renders one message; `origin` is where the status page lives (PUBLIC_URL). */
export function renderNotice(
  channel: OutboxChannel,
  event: FeedbackStatus,
  f: NoticeFacts,
  origin: string,
): Rendered {
  const link = statusLink(origin, event === 'transferred' && f.newCode ? f.newCode : f.code);
  if (channel === 'sms') return { subject: null, text: smsText(event, f, link), html: null };
  const { subject, body } = mailParts(event, f);
  const paras = body.filter(Boolean);
  const footer =
    'Thư này được gửi tự động vì bạn đã đồng ý nhận thông báo. Vui lòng không trả lời thư.';
  const text = [
    'Kính gửi bạn,',
    ...paras,
    `Theo dõi tình trạng: ${link}`,
    `— ${f.unitName} (qua Hài Lòng)`,
    footer,
  ].join('\n\n');
  const html = [
    '<!doctype html><html lang="vi"><body style="font-family:sans-serif;line-height:1.5">',
    '<p>Kính gửi bạn,</p>',
    ...paras.map((p) => `<p>${escape(p).replace(/\n/g, '<br>')}</p>`),
    `<p><a href="${escape(link)}">Theo dõi tình trạng</a></p>`,
    `<p>— ${escape(f.unitName)} (qua Hài Lòng)</p>`,
    `<p style="color:#555;font-size:90%">${escape(footer)}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject, text, html };
}
