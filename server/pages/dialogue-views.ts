import type { Unit } from '../../db/schema.js';
import type { TPublicDialogues } from '../dialogues/dto.js';
import { formatVnDate, formatVnTime } from '../domain/vn-time.js';
import { CONTACT_RETENTION_MONTHS } from '../feedback/service.js';
import { html, page } from '../html/layout.js';

const STYLES = ['/assets/base.css', '/assets/feedback.css', '/assets/dialogues.css'];

/** The feedback pages' shell (the same look, a citizen's page), with the dialogues' styles. */
function shell(title: string, body: ReturnType<typeof html>) {
  return page({ title: `${title} — Hài Lòng`, styles: STYLES, body: html`<main class="narrow fb">${body}</main>` });
}

/** What a citizen typed into a question form, to show it again beside its errors. */
export interface QuestionValues {
  dialogueId: string;
  content?: string;
  contact_name?: string;
  contact_phone?: string;
  contact_email?: string;
  consent?: string;
  clientId: string;
}

/** "08:30, 10/12/2026": the hour and the date in Vietnam, never ISO. */
export function whenText(iso: string): string {
  return `${formatVnTime(iso)}, ${formatVnDate(iso)}`;
}

function err(errors: Record<string, string>, id: string, name: string) {
  return errors[name] ? html`<p class="error" id="${id}-${name}-err">${errors[name]}</p>` : '';
}

/** The question form of one upcoming dialogue; plain HTML, it needs no script. */
function questionForm(unitId: string, dialogueId: string, v: QuestionValues, errors: Record<string, string>) {
  const id = `q-${dialogueId.slice(0, 8)}`;
  const described = (n: string) => (errors[n] ? `${id}-${n}-err` : undefined);
  return html`<form method="post" action="/dialogues/${unitId}/questions" novalidate>
  <h4>Gửi câu hỏi trước buổi đối thoại</h4>
  ${Object.keys(errors).length ? html`<p class="error" role="alert">Vui lòng sửa các ô được đánh dấu bên dưới.</p>` : ''}
  <input type="hidden" name="dialogueId" value="${dialogueId}">
  <input type="hidden" name="clientId" value="${v.clientId}">
  <label for="${id}-content">Câu hỏi của bạn</label>
  <textarea id="${id}-content" name="content" required rows="5" maxlength="2000" aria-describedby="${described('content') ?? `${id}-public`}">${v.content ?? ''}</textarea>
  <p class="notice" id="${id}-public">Nội dung câu hỏi sẽ được công khai cùng câu trả lời sau buổi đối thoại. Xin đừng ghi họ tên, số điện thoại hay địa chỉ vào nội dung câu hỏi.</p>
  ${err(errors, id, 'content')}
  <fieldset>
    <legend>Thông tin liên hệ (không bắt buộc)</legend>
    <p class="notice" id="${id}-contact-notice">Nếu bạn để lại họ tên, số điện thoại hoặc thư điện tử, chúng tôi chỉ dùng để liên hệ với bạn về chính câu hỏi này (ví dụ để mời bạn tới buổi đối thoại). Chỉ cán bộ của đơn vị tổ chức và cấp trên được xem; thông tin không bao giờ được công khai và được tự động xoá sau ${CONTACT_RETENTION_MONTHS} tháng. Bạn có thể hỏi ẩn danh bằng cách để trống các ô này.</p>
    <label for="${id}-name">Họ và tên</label>
    <input id="${id}-name" name="contact_name" autocomplete="name" maxlength="100" value="${v.contact_name ?? ''}">
    <label for="${id}-phone">Số điện thoại</label>
    <input id="${id}-phone" name="contact_phone" type="tel" autocomplete="tel" maxlength="20" value="${v.contact_phone ?? ''}" aria-describedby="${described('contact_phone')}">
    ${err(errors, id, 'contact_phone')}
    <label for="${id}-email">Thư điện tử</label>
    <input id="${id}-email" name="contact_email" type="email" autocomplete="email" maxlength="200" value="${v.contact_email ?? ''}" aria-describedby="${described('contact_email')}">
    ${err(errors, id, 'contact_email')}
    <label class="choice"><input type="checkbox" name="consent" value="on" ${v.consent ? 'checked' : ''} aria-describedby="${id}-contact-notice"> Tôi đồng ý để đơn vị lưu và sử dụng thông tin liên hệ như trên.</label>
    ${err(errors, id, 'consent')}
  </fieldset>
  <div class="hp" aria-hidden="true">
    <label for="${id}-website">Để trống ô này</label>
    <input id="${id}-website" name="website" tabindex="-1" autocomplete="off">
  </div>
  <p><button type="submit">Gửi câu hỏi</button></p>
</form>`;
}

function upcomingCard(
  unitId: string,
  d: TPublicDialogues['upcoming'][number],
  newClientId: () => string,
  form?: { values: QuestionValues; errors: Record<string, string> },
) {
  const mine = form?.values.dialogueId === d.id ? form : undefined;
  return html`<article class="dialogue" id="doi-thoai-${d.id.slice(0, 8)}">
  <h3>${d.topic}</h3>
  <dl class="facts">
    <dt>Thời gian</dt><dd><time datetime="${d.heldAt}">${whenText(d.heldAt)}</time></dd>
    <dt>Địa điểm</dt><dd>${d.place}</dd>
  </dl>
  ${questionForm(unitId, d.id, mine?.values ?? { dialogueId: d.id, clientId: newClientId() }, mine?.errors ?? {})}
</article>`;
}

function pastCard(d: TPublicDialogues['past'][number]) {
  const published = d.publishedAt ? ` · công khai ngày ${formatVnDate(d.publishedAt)}` : '';
  return html`<article class="dialogue">
  <h3>${d.topic}</h3>
  <p class="muted">${whenText(d.heldAt)} · ${d.place}${published}</p>
  ${d.publishedAt ? '' : html`<p>Đơn vị đang tổng hợp câu trả lời; nội dung sẽ được công khai tại đây.</p>`}
  ${d.publishedAt && d.groups.length === 0 ? html`<p class="muted">Không có câu hỏi gửi trước.</p>` : ''}
  ${d.groups.map(
    (g) => html`<section class="answer">
    <h4>${g.title}</h4>
    <p><strong>Câu hỏi (${g.questions.length}):</strong></p>
    <ul>${g.questions.map((q) => html`<li>${q.content}</li>`)}</ul>
    <p><strong>Trả lời:</strong> ${g.answer}</p>
  </section>`,
  )}
</article>`;
}

/**
 * The unit's dialogues page: upcoming dialogues, each with its question form, then past ones
 * with the questions and the answers given. `form`: the values and errors of a form sent back.
 */
export function dialoguesPage(
  data: TPublicDialogues,
  newClientId: () => string,
  form?: { values: QuestionValues; errors: Record<string, string> },
) {
  const { unit, upcoming, past } = data;
  return shell(
    `Đối thoại với người dân — ${unit.name}`,
    html`<h1>Đối thoại với người dân</h1>
<p>${unit.name} tổ chức đối thoại với người dân, cha mẹ học sinh định kỳ 6 tháng một lần. Bạn có thể gửi câu hỏi trước buổi đối thoại; câu trả lời được công khai tại trang này.</p>
<h2>Sắp diễn ra</h2>
${upcoming.length === 0 ? html`<p class="muted">Chưa có buổi đối thoại nào sắp diễn ra.</p>` : ''}
${upcoming.map((d) => upcomingCard(unit.id, d, newClientId, form))}
<h2>Đã diễn ra</h2>
${past.length === 0 ? html`<p class="muted">Chưa có buổi đối thoại nào đã diễn ra.</p>` : ''}
${past.map(pastCard)}
<p><a href="/dialogues">Các đơn vị khác</a> · <a href="/disclosures/${unit.id}">Công khai trả lời phản ánh</a></p>`,
  );
}

/** GET /dialogues: the units that hold dialogues, each linked to its page. */
export function unitsPage(units: Unit[]) {
  return shell(
    'Đối thoại với người dân',
    html`<h1>Đối thoại với người dân</h1>
<p>Chọn đơn vị để xem lịch đối thoại, gửi câu hỏi và đọc câu trả lời.</p>
<ul>${units.map((u) => html`<li><a href="/dialogues/${u.id}">${u.name}</a></li>`)}</ul>`,
  );
}

export function askedPage(unitId: string, topic: string) {
  return shell(
    'Đã nhận câu hỏi',
    html`<h1>Đã nhận câu hỏi của bạn</h1>
<p>Câu hỏi gửi tới buổi đối thoại “${topic}” đã được ghi nhận. Câu trả lời sẽ được công khai sau buổi đối thoại.</p>
<p><a href="/dialogues/${unitId}">Quay lại trang đối thoại</a></p>`,
  );
}
