import type { Unit } from '../../db/schema.js';
import { formatVnDate } from '../domain/vn-time.js';
import { html, page, raw } from '../html/layout.js';
import type { MonthlyFigure, MonthlyPublication } from '../results/monthly.js';
import type { PublicFigure, PublicResultDto } from '../results/public.js';

/**
 * The public results pages (/results/:unitId and its monthly publication): server-rendered,
 * no script, plain Vietnamese, readable at 360 px and printable. Every figure is rounded to a
 * whole percent and every interval is written as its bounds ("từ 78% đến 86%").
 */

// Inline (the CSP allows inline styles): the bars of the trend and the print layout.
const CSS = `.res h2{font-size:1.2rem;margin:1.6rem 0 .4rem}
.res .big{font-size:1.6rem;font-weight:700;margin:.2rem 0}
.res table{border-collapse:collapse;width:100%;margin:.5rem 0}
.res th,.res td{border-bottom:1px solid var(--line);padding:.4rem .3rem;text-align:left;vertical-align:top}
.res td.num,.res th.num{text-align:right;white-space:nowrap}
.res .bar{position:relative;height:.9rem;background:#eef1f5;border-radius:4px;min-width:5rem}
.res .bar .range{position:absolute;top:0;bottom:0;background:#9cc0e6;border-radius:4px}
.res .bar .dot{position:absolute;top:-.15rem;width:.3rem;height:1.2rem;margin-left:-.15rem;background:#0b5cad}
.res .card{border:1px solid var(--line);border-radius:8px;padding:.8rem;margin:1rem 0}
.res nav a{display:inline-block;margin:.3rem .8rem .3rem 0}
@media print{.res nav,.noprint{display:none}.res{max-width:none}.res .card{break-inside:avoid}
@page{size:A4;margin:15mm}body{font-size:11pt}}`;

export const pct = (n: number): string => `${Math.round(n)}%`;

/** A target's percentage: one decimal where it matters (98,6% is not 99%). */
const pct1 = (n: number): string =>
  Number.isInteger(Math.round(n * 10) / 10)
    ? `${Math.round(n)}%`
    : `${(Math.round(n * 10) / 10).toFixed(1).replace('.', ',')}%`;

/** "82%, từ 78% đến 86%", or a plain sentence when there is no figure. */
function withBounds(f: PublicFigure): string {
  if (f.index === null) return 'chưa đủ câu trả lời để tính';
  if (f.low === null || f.high === null) return pct(f.index);
  return `${pct(f.index)}, từ ${pct(f.low)} đến ${pct(f.high)}`;
}

export const SMALL_GROUP_TEXT =
  'Kết quả không được công bố cho nhóm có dưới 5 phiếu trả lời (hoặc khi từ số liệu đã công bố có thể suy ra một nhóm nhỏ như vậy), để không ai đoán được ý kiến của từng người.';

function shell(title: string, body: ReturnType<typeof html>) {
  return page({
    title: `${title} — Hài Lòng`,
    body: html`<style>${raw(CSS)}</style><main class="narrow res">${body}</main>`,
  });
}

/** The interval as a bar: the shaded range is the interval, the mark the observed share. */
function bar(f: PublicFigure) {
  if (f.index === null || f.low === null || f.high === null) return '';
  const style = `left:${f.low.toFixed(1)}%;width:${Math.max(f.high - f.low, 0.5).toFixed(1)}%`;
  return html`<div class="bar" aria-hidden="true"><span class="range" style="${style}"></span><span class="dot" style="left:${f.index.toFixed(1)}%"></span></div>`;
}

function campaignCard(r: PublicResultDto, parent?: { unit: Unit; result: PublicResultDto }) {
  const head = html`<h2>${r.name}</h2>
<p class="muted">${r.surveyTitle.vi} · kết thúc ngày ${formatVnDate(r.closedAt)}</p>`;
  if (r.suppressed || !r.overall) {
    const why = r.suppressed ? SMALL_GROUP_TEXT : 'Đợt này chưa có câu trả lời để tính tỷ lệ hài lòng.';
    return html`<section class="card">${head}<p>${why}</p>${parentLine(parent)}</section>`;
  }
  return html`<section class="card">${head}
<p>Tỷ lệ cha mẹ hài lòng:</p>
<p class="big">${pct(r.overall.index!)}</p>
<p>Với độ tin cậy 95%, tỷ lệ thực nằm trong khoảng ${boundsText(r.overall)}. Tính trên ${r.responses} phiếu trả lời.${r.target !== null ? ` Mục tiêu của bộ phiếu: ${pct(r.target)}.` : ''}</p>
${bar(r.overall)}
<table><caption class="sr-only">Tỷ lệ hài lòng theo từng nhóm nội dung</caption>
<thead><tr><th scope="col">Nhóm nội dung</th><th scope="col" class="num">Hài lòng</th></tr></thead>
<tbody>${r.factors.map((f) => html`<tr><td>${f.title.vi}</td><td class="num">${figureCell(f)}</td></tr>`)}</tbody></table>
${parentLine(parent)}</section>`;
}

/** A table cell's figure: the share, and below it its bounds (narrow enough for 360 px). */
function figureCell(f: PublicFigure) {
  if (f.index === null) return 'chưa đủ câu trả lời';
  return html`<b>${pct(f.index)}</b><br><span class="muted">${boundsText(f)}</span>`;
}

function boundsText(f: PublicFigure): string {
  return f.low === null || f.high === null ? 'chưa tính được' : `từ ${pct(f.low)} đến ${pct(f.high)}`;
}

function parentLine(parent?: { unit: Unit; result: PublicResultDto }) {
  if (!parent) return '';
  const o = parent.result.overall;
  if (parent.result.suppressed || !o) return '';
  return html`<p>Toàn ${parent.unit.name}: ${withBounds(o)}.</p>`;
}

/** One sentence on the last change of one questionnaire's index, honest about uncertainty. */
export function trendSentence(points: PublicResultDto[]): string {
  const shown = points.filter((p) => p.overall?.low != null && p.overall.high != null);
  const last = shown.at(-1);
  const prev = shown.filter((p) => p.surveyId === last?.surveyId).at(-2);
  if (!last || !prev) return '';
  const a = prev.overall!;
  const b = last.overall!;
  if (b.low! > a.high!) return `Đợt “${last.name}” cao hơn rõ rệt so với đợt “${prev.name}”.`;
  if (b.high! < a.low!) return `Đợt “${last.name}” thấp hơn rõ rệt so với đợt “${prev.name}”.`;
  return `Đợt “${last.name}” không khác biệt rõ rệt so với đợt “${prev.name}”: hai khoảng tin cậy chồng lên nhau.`;
}

function trend(results: PublicResultDto[]) {
  if (results.length < 2) return '';
  return html`<h2>Qua các đợt</h2>
<p>${trendSentence(results)}</p>
<table><caption class="sr-only">Tỷ lệ hài lòng qua các đợt đã công khai</caption>
<thead><tr><th scope="col">Đợt</th><th scope="col" class="num">Hài lòng</th></tr></thead>
<tbody>${results.map(
    (r) => html`<tr><td>${r.name}<br><span class="muted">kết thúc ${formatVnDate(r.closedAt)}</span></td>
<td class="num">${r.overall && !r.suppressed ? html`${figureCell(r.overall)}${bar(r.overall)}` : 'không công bố (nhóm nhỏ)'}</td></tr>`,
  )}</tbody></table>`;
}

export function resultsPage(p: {
  unit: Unit;
  results: PublicResultDto[];
  parent?: { unit: Unit; results: PublicResultDto[] };
  month: string;
}) {
  const newest = [...p.results].reverse();
  const parentOf = (r: PublicResultDto) => {
    const result = p.parent?.results.find((x) => x.campaignId === r.campaignId);
    return p.parent && result ? { unit: p.parent.unit, result } : undefined;
  };
  return shell(
    `Kết quả khảo sát — ${p.unit.name}`,
    html`<h1>Kết quả khảo sát sự hài lòng — ${p.unit.name}</h1>
<p>Trang này công bố kết quả các đợt khảo sát ý kiến cha mẹ học sinh đã kết thúc và được công khai. Tỷ lệ hài lòng là phần trăm câu trả lời ở mức “Hài lòng” hoặc “Rất hài lòng”. Vì không phải ai cũng trả lời, mỗi tỷ lệ đi kèm một khoảng: với độ tin cậy 95%, tỷ lệ thực nằm trong khoảng đó.</p>
${newest.length === 0 ? html`<p>Chưa có kết quả khảo sát nào được công khai cho đơn vị này.</p>` : ''}
${newest.map((r) => campaignCard(r, parentOf(r)))}
${trend(p.results)}
<nav aria-label="Liên kết khác"><a href="/results/${encodeURIComponent(p.unit.id)}/month/${p.month}">Bản công khai hằng tháng</a><a href="/disclosures/${encodeURIComponent(p.unit.id)}">Trả lời phản ánh, kiến nghị</a><a href="/feedback?unitId=${encodeURIComponent(p.unit.id)}">Gửi phản ánh, kiến nghị</a></nav>`,
  );
}

const monthLabel = (month: string) => `tháng ${Number(month.slice(5, 7))}/${month.slice(0, 4)}`;

function targetRow(title: string, f: MonthlyFigure | null, unitWord: string) {
  if (!f || f.value === null) {
    const none = f ? `Không có ${unitWord} nào đến hạn trong tháng.` : 'Chưa có dữ liệu.';
    return html`<tr><th scope="row">${title}</th><td>chưa có dữ liệu<br><span class="muted">${none}</span></td></tr>`;
  }
  const pending = f.pending > 0 ? ` ${f.pending} ${unitWord} khác chưa đến hạn.` : '';
  return html`<tr><th scope="row">${title}</th><td><b>${pct1(f.value)}</b> (${f.numerator}/${f.denominator} ${unitWord}) · chỉ tiêu ${pct1(f.target)}: ${f.met ? 'đạt' : 'chưa đạt'}<br><span class="muted">${pending}</span></td></tr>`;
}

function satisfactionRow(r: PublicResultDto | null) {
  const title = 'Sự hài lòng của cha mẹ học sinh';
  if (!r) return html`<tr><th scope="row">${title}</th><td>chưa có dữ liệu<br><span class="muted">Chưa có đợt khảo sát nào đã kết thúc và được công khai.</span></td></tr>`;
  const value = r.suppressed || !r.overall ? 'không công bố' : html`<b>${withBounds(r.overall)}</b>`;
  const note = r.suppressed ? SMALL_GROUP_TEXT : `Đợt “${r.name}”, kết thúc ngày ${formatVnDate(r.closedAt)}.`;
  return html`<tr><th scope="row">${title}</th><td>${value}<br><span class="muted">${note}</span></td></tr>`;
}

export function monthlyPage(m: MonthlyPublication, now: Date, prev: string, next: string | null) {
  const base = `/results/${encodeURIComponent(m.unit.id)}`;
  return shell(
    `Công khai ${monthLabel(m.month)} — ${m.unit.name}`,
    html`<h1>Công khai kết quả ${monthLabel(m.month)}</h1>
<p>${m.unit.name} · từ ${formatVnDate(m.period.startIso)} đến ${formatVnDate(m.period.to)} · lập ngày ${formatVnDate(now)}</p>
<table><caption class="sr-only">Các chỉ tiêu công khai trong tháng</caption>
<thead><tr><th scope="col">Chỉ tiêu</th><th scope="col">Kết quả</th></tr></thead>
<tbody>${satisfactionRow(m.satisfaction)}
${targetRow('Phản ánh, kiến nghị được giải quyết đúng hạn', m.feedback, 'phản ánh')}
${targetRow('Hồ sơ thủ tục hành chính trả đúng hạn', m.files, 'hồ sơ')}</tbody></table>
<p class="muted">Phản ánh và hồ sơ được tính vào tháng có hạn giải quyết; việc còn mở đã quá hạn được tính là trễ hạn.</p>
<nav aria-label="Tháng khác"><a href="${base}/month/${prev}">← ${monthLabel(prev)}</a>${next ? html`<a href="${base}/month/${next}">${monthLabel(next)} →</a>` : ''}<a href="${base}">Kết quả khảo sát</a></nav>`,
  );
}

export function notFoundPage() {
  return shell('Không tìm thấy', html`<h1>Không tìm thấy đơn vị</h1><p>Không có đơn vị nào với địa chỉ này. Vui lòng kiểm tra lại đường dẫn.</p><p><a href="/">Trang chủ</a></p>`);
}
