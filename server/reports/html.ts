import { html, page } from '../html/layout.js';
import type { ReportModel } from './model.js';
import { formatVnDate } from '../domain/vn-time.js';
import { reportTables, type Cell, type ReportTable } from './tables.js';

const PRINT_CSS = `
body{font-family:"Times New Roman",Times,serif;font-size:13pt;color:#000;margin:2cm auto;max-width:19cm}
header.state{display:flex;justify-content:space-between;text-align:center;font-size:12pt}
header.state div{width:48%}
h1{font-size:15pt;text-align:center;margin:1.2em 0 .2em}
p.period{text-align:center;margin:0 0 1em}
h2{font-size:13pt;margin:1.2em 0 .4em}
table{border-collapse:collapse;width:100%;font-size:11pt;page-break-inside:auto}
th,td{border:1px solid #000;padding:3px 5px;vertical-align:top}
th{background:#eee}
td.n{text-align:right;white-space:nowrap}
tr{page-break-inside:avoid}
thead{display:table-header-group}
.missed{font-weight:bold}
footer.sign{display:flex;justify-content:space-between;margin-top:2em;text-align:center}
footer.sign div{width:45%;min-height:4cm}
.noprint{margin:1em 0;font-family:system-ui,sans-serif}
@page{size:A4;margin:2cm 1.5cm}
@media print{body{margin:0;max-width:none}.noprint{display:none}}
`;

function fmt(v: Cell, pct: boolean): string {
  if (v === null) return '—';
  if (typeof v === 'number') return pct ? `${v.toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%` : v.toLocaleString('vi-VN');
  return v;
}

/** A table without its code columns: the signed copy is read by people, not scripts. */
function forPrint(t: ReportTable): ReportTable {
  const drop = new Set(t.codeColumns ?? []);
  if (!drop.size) return t;
  const keep = <T,>(xs: T[]) => xs.filter((_, i) => !drop.has(i));
  return { ...t, headers: keep(t.headers), rows: t.rows.map(keep), formats: keep(t.formats) };
}

/** The print-ready report: the national heading, the tables, and room for the signatures. */
export function reportHtml(m: ReportModel) {
  const tables = reportTables(m).map(forPrint);
  const body = html`
<header class="state">
  <div><strong>${m.unit.name.toUpperCase()}</strong></div>
  <div><strong>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</strong><br><u>Độc lập - Tự do - Hạnh phúc</u></div>
</header>
<h1>BÁO CÁO KẾT QUẢ KHẢO SÁT SỰ HÀI LÒNG VÀ GIẢI QUYẾT PHẢN ÁNH, KIẾN NGHỊ</h1>
<p class="period">Kỳ báo cáo: từ ngày ${formatVnDate(m.period.from)} đến ngày ${formatVnDate(m.period.to)}</p>
<p class="noprint">Dùng lệnh In của trình duyệt (Ctrl+P) để in và ký.</p>
${tables.map(
  (t, i) => html`<section>
<h2>${i + 1}. ${t.title}</h2>
${t.note ? html`<p>${t.note}</p>` : ''}
<table>
<thead><tr>${t.headers.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
<tbody>
${t.rows.length === 0 ? html`<tr><td colspan="${t.headers.length}">Không có.</td></tr>` : ''}
${t.rows.map(
  (r) => html`<tr class="${r.includes('Không đạt') ? 'missed' : ''}">${r.map(
    (c, ci) => html`<td class="${typeof c === 'number' ? 'n' : ''}">${fmt(c, t.formats[ci] === '0.0')}</td>`,
  )}</tr>`,
)}
</tbody>
</table>
</section>`,
)}
<footer class="sign">
  <div><strong>NGƯỜI LẬP BIỂU</strong><br><em>(Ký, ghi rõ họ tên)</em></div>
  <div><em>Ngày ..... tháng ..... năm ........</em><br><strong>THỦ TRƯỞNG ĐƠN VỊ</strong><br><em>(Ký tên, đóng dấu)</em></div>
</footer>`;
  return page({ title: `Báo cáo ${m.unit.name} ${formatVnDate(m.period.from)}–${formatVnDate(m.period.to)}`, body: html`<style>${PRINT_CSS}</style>${body}`, styles: [] });
}
