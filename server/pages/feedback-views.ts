import type { Unit } from '../../db/schema.js';
import { CATEGORIES, categoryLabel } from '../feedback/categories.js';
import type { TPublicFeedback } from '../feedback/dto.js';
import { KIND_LABELS, KINDS, LIMITS } from '../feedback/limits.js';
import type { TDisclosure } from '../feedback/public-view.js';
import { CONTACT_RETENTION_MONTHS } from '../feedback/service.js';
import { STATUS_LABELS } from '../feedback/state-machine.js';
import { formatVnDate as vnDay, formatVnTimeDate as vnDateTime } from '../domain/vn-time.js';
import { MAX_PHOTOS } from '../feedback/photos.js';
import { html, page } from '../html/layout.js';

const STYLES = ['/assets/base.css', '/assets/feedback.css'];

export function shell(title: string, body: ReturnType<typeof html>, scripts: string[] = []) {
  return page({ title: `${title} — Hài Lòng`, styles: STYLES, scripts, body: html`<main class="narrow fb">${body}</main>` });
}


/**
 * Units grouped for a plain <select>: one group per branch under a root (an office and its
 * schools), plus one group for the root and the schools reporting to it directly.
 */
export function unitGroups(units: Unit[]): { label: string; units: Unit[] }[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const groups = new Map<string, { label: string; units: Unit[] }>();
  for (const u of units) {
    const ids = u.path.split('/').filter(Boolean);
    const branch = ids.length >= 2 && byId.get(ids[1]!)?.kind !== 'school' ? ids[1]! : ids[0]!;
    const g = groups.get(branch) ?? { label: byId.get(branch)?.name ?? branch, units: [] };
    g.units.push(u);
    groups.set(branch, g);
  }
  return [...groups.values()];
}

/** What the pages say about photos, wherever a citizen may attach them. */
export function photoInput(id: string) {
  return html`<label for="${id}">Ảnh (không bắt buộc)</label>
<input id="${id}" name="photos" type="file" accept="image/jpeg,image/png,image/webp" multiple aria-describedby="${id}-hint">
<p class="muted" id="${id}-hint">Tối đa ${MAX_PHOTOS} ảnh JPEG, PNG hoặc WebP, mỗi ảnh không quá 5 MB. Vị trí chụp và thông tin máy ảnh trong ảnh được xoá trước khi lưu. Ảnh chỉ cán bộ của đơn vị xem được, trừ khi đơn vị đính kèm vào câu trả lời công khai.</p>`;
}

export interface FormValues {
  unitId?: string;
  kind?: string;
  category?: string;
  title?: string;
  content?: string;
  contact_name?: string;
  contact_phone?: string;
  contact_email?: string;
  consent?: string;
  clientId: string;
}

function fieldError(errors: Record<string, string>, name: string) {
  return errors[name] ? html`<p class="error" id="${name}-err">${errors[name]}</p>` : '';
}

export function formPage(units: Unit[], v: FormValues, errors: Record<string, string> = {}) {
  const err = (n: string) => fieldError(errors, n);
  const described = (n: string) => (errors[n] ? `${n}-err` : undefined);
  const kind = v.kind ?? 'feedback';
  return shell(
    'Gửi phản ánh, kiến nghị',
    html`<h1>Gửi phản ánh, kiến nghị</h1>
${Object.keys(errors).length ? html`<p class="error" role="alert">Vui lòng sửa các ô được đánh dấu bên dưới.</p>` : ''}
<form method="post" action="/feedback" enctype="multipart/form-data" novalidate>
  <input type="hidden" name="clientId" value="${v.clientId}">
  <label for="unitId">Đơn vị nhận phản ánh</label>
  <select id="unitId" name="unitId" required aria-describedby="${described('unitId')}" data-filterable>
    <option value="">— Chọn đơn vị —</option>
    ${unitGroups(units).map(
      (g) => html`<optgroup label="${g.label}">${g.units.map(
        (u) => html`<option value="${u.id}" ${u.id === v.unitId ? 'selected' : ''}>${u.name}</option>`,
      )}</optgroup>`,
    )}
  </select>
  ${err('unitId')}
  <fieldset>
    <legend>Loại</legend>
    ${KINDS.map(
      (k) => html`<label class="choice"><input type="radio" name="kind" value="${k}" ${k === kind ? 'checked' : ''}>
      ${KIND_LABELS[k].vi} <span class="muted">(trả lời trong ${LIMITS[k].resolve} ngày làm việc)</span></label>`,
    )}
  </fieldset>
  <p class="notice" id="identity-notice">Khiếu nại và tố cáo phải ghi họ tên và số điện thoại hoặc thư điện tử của người gửi (Luật Khiếu nại 2011, Luật Tố cáo 2018); tố cáo nặc danh không được giải quyết như tố cáo. Nếu muốn gửi ẩn danh, hãy chọn “${KIND_LABELS.feedback.vi}”.</p>
  ${err('kind')}
  <label for="category">Lĩnh vực</label>
  <select id="category" name="category" required aria-describedby="${described('category')}">
    ${CATEGORIES.map((c) => html`<option value="${c.id}" ${c.id === v.category ? 'selected' : ''}>${c.vi}</option>`)}
  </select>
  ${err('category')}
  <label for="title">Tiêu đề</label>
  <input id="title" name="title" required maxlength="200" value="${v.title ?? ''}" aria-describedby="${described('title')}">
  ${err('title')}
  <label for="content">Nội dung</label>
  <textarea id="content" name="content" required rows="7" maxlength="5000" aria-describedby="${described('content')}">${v.content ?? ''}</textarea>
  ${err('content')}
  <fieldset>
    <legend>Thông tin liên hệ (không bắt buộc)</legend>
    <p class="notice" id="contact-notice">Nếu bạn để lại họ tên, số điện thoại hoặc thư điện tử, chúng tôi chỉ lưu các thông tin đó
    để đơn vị xử lý liên hệ với bạn về chính phản ánh này. Chỉ cán bộ của đơn vị nhận phản ánh và cấp trên của đơn vị đó
    được xem; thông tin không bao giờ được công khai. Thông tin được lưu ${CONTACT_RETENTION_MONTHS} tháng kể từ ngày gửi rồi
    tự động xoá; bạn có thể yêu cầu xoá sớm hơn bằng mã tra cứu. Bạn có thể gửi ẩn danh bằng cách để trống các ô này.</p>
    <label for="contact_name">Họ và tên</label>
    <input id="contact_name" name="contact_name" autocomplete="name" maxlength="100" value="${v.contact_name ?? ''}">
    <label for="contact_phone">Số điện thoại</label>
    <input id="contact_phone" name="contact_phone" type="tel" autocomplete="tel" maxlength="20" value="${v.contact_phone ?? ''}" aria-describedby="${described('contact_phone')}">
    ${err('contact_phone')}
    <label for="contact_email">Thư điện tử</label>
    <input id="contact_email" name="contact_email" type="email" autocomplete="email" maxlength="200" value="${v.contact_email ?? ''}" aria-describedby="${described('contact_email')}">
    ${err('contact_email')}
    <label class="choice"><input type="checkbox" name="consent" value="on" ${v.consent ? 'checked' : ''} aria-describedby="contact-notice">
    Tôi đồng ý để đơn vị lưu và sử dụng thông tin liên hệ như trên.</label>
    ${err('consent')}
    ${errors.contact ? html`<div class="error" id="contact-err" role="alert"><p>${errors.contact}</p>
    <p><button type="submit" name="as_feedback" value="1">Gửi dưới dạng phản ánh (ẩn danh)</button></p></div>` : ''}
  </fieldset>
  ${photoInput('photos')}
  ${err('photos')}
  <div class="hp" aria-hidden="true">
    <label for="website">Để trống ô này</label>
    <input id="website" name="website" tabindex="-1" autocomplete="off">
  </div>
  <p><button type="submit">Gửi phản ánh</button></p>
</form>
<p><a href="/feedback/lookup">Tra cứu phản ánh đã gửi</a></p>`,
    ['/assets/feedback-form.js'],
  );
}

export function filedPage(code: string, dueAt: string, extra: ReturnType<typeof html> | '' = '') {
  return shell(
    'Đã nhận phản ánh',
    html`<h1>Đã nhận phản ánh của bạn</h1>
<p>Mã tra cứu của bạn (hãy ghi lại):</p>
<p class="code" id="tracking-code">${code}</p>
<p>Hạn trả lời: <strong>${vnDay(dueAt)}</strong> (tính theo ngày làm việc).</p>
${extra}
<p><a href="/feedback/status/${code}">Xem trạng thái công khai</a></p>`,
  );
}

export function honeypotPage() {
  return shell('Đã gửi', html`<h1>Đã gửi</h1><p>Cảm ơn bạn.</p>`);
}

export function lookupPage(code = '', error?: string) {
  return shell(
    'Tra cứu phản ánh',
    html`<h1>Tra cứu phản ánh</h1>
<form method="get" action="/feedback/lookup">
  <label for="code">Mã tra cứu</label>
  <input id="code" name="code" value="${code}" placeholder="PA-XXXXXXXX" autocapitalize="characters" required aria-describedby="${error ? 'code-err' : undefined}">
  ${error ? html`<p class="error" id="code-err" role="alert">${error}</p>` : ''}
  <p><button type="submit">Tra cứu</button></p>
</form>`,
  );
}

function ratingForm(code: string) {
  const levels = ['Rất không hài lòng', 'Không hài lòng', 'Bình thường', 'Hài lòng', 'Rất hài lòng'];
  return html`<form method="post" action="/feedback/status/${code}/rating" class="rating">
  <h2>Bạn có hài lòng với cách giải quyết?</h2>
  <fieldset><legend>Mức độ hài lòng chung</legend>
    ${levels.map((l, i) => html`<label class="choice"><input type="radio" name="overall" value="${i + 1}" required> ${l}</label>`)}
    <label class="choice"><input type="radio" name="overall" value="na"> Không có ý kiến</label>
  </fieldset>
  <fieldset><legend>Bạn có phải phản ánh lại về việc này không?</legend>
    <label class="choice"><input type="radio" name="complained_again" value="no" required> Không</label>
    <label class="choice"><input type="radio" name="complained_again" value="yes"> Có</label>
  </fieldset>
  <p><button type="submit">Gửi đánh giá</button></p>
</form>`;
}

export function statusPage(s: TPublicFeedback, notice?: string, extra: ReturnType<typeof html> | '' = '') {
  return shell(
    `Phản ánh ${s.trackingCode}`,
    html`<h1>Phản ánh <span class="code">${s.trackingCode}</span></h1>
${notice ? html`<p class="ok" role="status">${notice}</p>` : ''}
<dl class="facts">
  <dt>Trạng thái</dt><dd><strong>${STATUS_LABELS[s.status].vi}</strong></dd>
  <dt>Đơn vị</dt><dd><a href="/disclosures/${s.unit.id}">${s.unit.name}</a></dd>
  <dt>Loại, lĩnh vực</dt><dd>${KIND_LABELS[s.kind].vi} · ${categoryLabel(s.category)}</dd>
  <dt>Tiêu đề</dt><dd>${s.title}</dd>
  <dt>Ngày nhận</dt><dd>${vnDay(s.receivedAt)}</dd>
  <dt>Hạn trả lời</dt><dd>${vnDay(s.dueAt)}</dd>
</dl>
${s.transferredTo ? html`<p>Phản ánh đã được chuyển đến ${s.transferredTo.unitName}, mã tra cứu mới:
  <a href="/feedback/status/${s.transferredTo.trackingCode}">${s.transferredTo.trackingCode}</a>.</p>` : ''}
${s.duplicateOf ? html`<p>Nội dung này trùng với một phản ánh khác đã được tiếp nhận, nên được giải quyết cùng phản ánh đó.</p>
  ${s.duplicateOf.answer ? html`<section class="answer"><h2>Trả lời</h2><p>${s.duplicateOf.answer}</p></section>` : ''}` : ''}
${s.answer ? html`<section class="answer"><h2>Trả lời</h2><p>${s.answer}</p>
${s.photos?.length ? html`<ul class="photos">${s.photos.map((p, i) => html`<li><img src="/api/public/feedback/${s.trackingCode}/photos/${p.id}" alt="Ảnh kèm câu trả lời ${i + 1}" width="${p.width}" height="${p.height}" loading="lazy"></li>`)}</ul>` : ''}</section>` : ''}
${extra}
<h2>Quá trình xử lý</h2>
<ol class="timeline">
  ${s.timeline.map((e) => html`<li><time datetime="${e.at}">${vnDateTime(e.at)}</time> — ${STATUS_LABELS[e.status].vi}${e.message ? html`<br><span class="muted">${e.message}</span>` : ''}</li>`)}
</ol>
${s.status === 'published' ? (s.rated ? html`<p>Cảm ơn bạn đã đánh giá.</p>` : ratingForm(s.trackingCode)) : ''}
<p><a href="/feedback/lookup">Tra cứu mã khác</a></p>`,
  );
}

export function disclosuresPage(unit: { id: string; name: string }, items: TDisclosure[]) {
  return shell(
    `Công khai trả lời — ${unit.name}`,
    html`<h1>Công khai kết quả trả lời phản ánh, kiến nghị</h1>
<p>${unit.name}</p>
${items.length === 0 ? html`<p class="muted">Chưa có câu trả lời nào được công khai.</p>` : ''}
${items.map(
  (d) => html`<article class="disclosure">
  <h2>${d.title}</h2>
  <p class="muted">${d.trackingCode} · ${d.unit.name} · ${categoryLabel(d.category)} · nhận ${vnDay(d.receivedAt)}${d.publishedAt ? ` · công khai ${vnDay(d.publishedAt)}` : ''}</p>
  <p>${d.answer}</p>
</article>`,
)}`,
  );
}

export function messagePage(title: string, text: string) {
  return shell(title, html`<h1>${title}</h1><p>${text}</p><p><a href="/feedback">Gửi phản ánh</a> · <a href="/feedback/lookup">Tra cứu</a></p>`);
}
