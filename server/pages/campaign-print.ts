import type { Campaign } from '../../db/schema.js';
import { formatVnTimeDate } from '../domain/vn-time.js';
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
export function posterPage(p: { campaign: Campaign; unitName: string; url: string; code: string; qrSvg: string; surveyTitle: string }) {
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
</main>`,
  );
}

/** Unused one-time codes of a unit, to print and cut into slips for parents. */
export function tokenListPage(p: { campaign: Campaign; unitName: string; origin: string; codes: string[] }) {
  return shell(
    `Mã khảo sát — ${p.unitName}`,
    html`<main>
  <h1 style="font-size:16pt">${p.campaign.name} — ${p.unitName}</h1>
  <p class="note">Mỗi mã dùng được một lần. Mở ${p.origin}/s/ rồi gõ mã, hoặc gõ thẳng địa chỉ. Hạn: ${formatVnTimeDate(p.campaign.closes_at)}.</p>
  <div class="codes">
    ${p.codes.map((code) => html`<div><b>${code}</b>${p.origin}/s/${code}</div>`)}
  </div>
  ${p.codes.length ? '' : html`<p>Chưa có mã nào chưa dùng. / No unused codes.</p>`}
</main>`,
  );
}
