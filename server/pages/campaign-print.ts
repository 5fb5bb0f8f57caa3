import type { Campaign } from '../../db/schema.js';
import { formatVnDateTime, formatVnTimeDate } from '../domain/vn-time.js';
import { html, raw } from '../html/layout.js';


// Print pages: self-contained inline CSS (allowed by the CSP), one A4 sheet per poster.
const PRINT_CSS = `@page{size:A4;margin:14mm}
body{font-family:system-ui,"Noto Sans",Arial,sans-serif;color:#111;margin:0}
.sheet{max-width:182mm;margin:0 auto;text-align:center}
.sheet h1{font-size:26pt;margin:4mm 0}
.sheet h2{font-size:16pt;font-weight:600;margin:2mm 0 6mm}
.qr svg{width:110mm;height:110mm}
ol{text-align:left;font-size:14pt;line-height:1.5;margin:6mm auto;max-width:150mm}
.url{font-size:13pt;word-break:break-all}
.note{font-size:11pt;color:#333}
.codes{display:grid;grid-template-columns:repeat(3,1fr);gap:3mm;font-size:12pt}
.codes div{border:1px dashed #777;padding:3mm;break-inside:avoid}
.codes b{font-size:15pt;letter-spacing:1px;display:block}
@media screen{body{padding:1rem}}`;

function shell(title: string, body: ReturnType<typeof html>) {
  return html`<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title><style>${raw(PRINT_CSS)}</style></head>
<body>${body}</body></html>`;
}

/** The A4 poster for one school: big QR code, the short link, three steps in Vietnamese. */
export function posterPage(p: { campaign: Campaign; unitName: string; url: string; code: string; qrSvg: string; surveyTitle: string; resultsUrl?: string }) {
  return shell(
    `Áp phích khảo sát — ${p.unitName}`,
    html`<main class="sheet">
  <h1>Xin mời Quý cha mẹ cho ý kiến</h1>
  <h2>${p.surveyTitle}<br>${p.unitName}</h2>
  <div class="qr" role="img" aria-label="Mã QR mở phiếu khảo sát">${raw(p.qrSvg)}</div>
  <ol>
    <li>Mở camera hoặc Zalo trên điện thoại, quét mã QR ở trên (hoặc gõ địa chỉ bên dưới).</li>
    <li>Trả lời các câu hỏi, mất khoảng 3 phút. Câu nào không rõ, chọn “Không ý kiến”.</li>
    <li>Bấm <b>Gửi phiếu</b>. Phiếu không ghi tên, không hỏi số điện thoại.</li>
  </ol>
  <p class="url">${p.url}</p>
  <p class="note">Mã: <b>${p.code}</b> · Hạn trả lời: ${formatVnTimeDate(p.campaign.closes_at)}</p>
  ${p.resultsUrl ? html`<p class="note">Kết quả các đợt khảo sát trước của nhà trường đã được công khai tại: <span class="url">${p.resultsUrl}</span></p>` : ''}
</main>`,
  );
}

/** Slips per A4 sheet: 2 columns × 5 rows, each about 9 × 5.5 cm, cut along the dashed lines. */
export const SLIPS_PER_PAGE = 10;

const SLIP_CSS = `@page{size:A4;margin:8mm}
.slips{display:grid;grid-template-columns:1fr 1fr;grid-template-rows:repeat(5,55mm);width:194mm;break-after:page}
.slips:last-child{break-after:auto}
.slip{border:1px dashed #777;padding:3mm;display:flex;gap:3mm;align-items:center;overflow:hidden;break-inside:avoid}
.slip .qr svg{width:30mm;height:30mm;display:block}
.slip .t{flex:1;min-width:0;font-size:9.5pt;line-height:1.3;text-align:left}
.slip .school{font-weight:700}
.slip .code{font-size:15pt;font-weight:700;letter-spacing:1px;margin:1mm 0}
.slip .addr{word-break:break-all;font-size:8.5pt}
@media screen{.slips{margin-bottom:8mm}}
.screen{font-size:14pt}
@media print{.screen{display:none}}`;

/** One slip: the school, the campaign, the code in large type, its QR code and plain address. */
function slip(p: { campaign: Campaign; unitName: string; origin: string }, t: { code: string; qrSvg: string }) {
  return html`<div class="slip"><div class="qr" role="img" aria-label="Mã QR mở phiếu khảo sát với mã ${t.code}">${raw(t.qrSvg)}</div><div class="t"><div class="school">${p.unitName}</div><div>${p.campaign.name}</div><div class="code">${t.code}</div><div class="addr">${p.origin}/s/${t.code}</div><div>Quét mã QR hoặc gõ địa chỉ. Mã dùng một lần. Hạn: ${formatVnDateTime(p.campaign.closes_at)}</div></div></div>`;
}

/**
 * Unused one-time codes of a unit as slips to print and cut for parents, ten to an A4 sheet, each
 * with the school's name, the campaign's name, the code, a QR code of its link and the address.
 */
export function tokenListPage(p: { campaign: Campaign; unitName: string; origin: string; tokens: { code: string; qrSvg: string }[] }) {
  const pages: (typeof p.tokens)[] = [];
  for (let i = 0; i < p.tokens.length; i += SLIPS_PER_PAGE) pages.push(p.tokens.slice(i, i + SLIPS_PER_PAGE));
  return shell(
    `Phiếu mã khảo sát — ${p.unitName}`,
    html`<style>${raw(SLIP_CSS)}</style><main>
  <h1 class="screen">Phiếu mã khảo sát — ${p.campaign.name} — ${p.unitName}</h1>
  ${pages.map((page) => html`<div class="slips">${page.map((t) => slip(p, t))}</div>`)}
  ${p.tokens.length ? '' : html`<p>Chưa có mã nào chưa dùng. Hãy tạo mã trên trang đợt khảo sát.</p>`}
</main>`,
  );
}
