import type { TOwnFeedback, TOwnPhoto } from '../feedback/citizen.js';
import { APPEAL_DAYS } from '../feedback/citizen.js';
import { formatVnDate as vnDay, formatVnTimeDate as vnDateTime } from '../domain/vn-time.js';
import { html } from '../html/layout.js';
import { photoInput, shell } from './feedback-views.js';

function photoList(code: string, key: string, photos: TOwnPhoto[], label: string) {
  if (!photos.length) return '';
  const src = (p: TOwnPhoto) =>
    `/api/public/feedback/${encodeURIComponent(code)}/photos/${encodeURIComponent(p.id)}?key=${encodeURIComponent(key)}`;
  return html`<ul class="photos">
    ${photos.map(
      (p, i) =>
        html`<li>
          <img
            src="${src(p)}"
            alt="${label} ${i + 1}"
            width="${p.width}"
            height="${p.height}"
            loading="lazy"
          />
        </li>`,
    )}
  </ul>`;
}

/** The status link a receipt hands out: the key rides in it, so keep it private. */
export function ownLink(code: string, key: string): string {
  return `/feedback/status/${encodeURIComponent(code)}?key=${encodeURIComponent(key)}`;
}

/** The receipt's part about the key: shown once, never again. */
export function keyReceipt(code: string, key: string) {
  const link = ownLink(code, key);
  return html`<section class="key" aria-labelledby="key-h">
    <h2 id="key-h">Khoá trả lời của bạn (chỉ hiện một lần)</h2>
    <p class="code" id="reply-key">${key}</p>
    <p>
      Hãy lưu đường dẫn dưới đây (đánh dấu trang hoặc chụp màn hình). Với đường dẫn này bạn đọc được
      câu trả lời ngay khi đơn vị trả lời, bổ sung thông tin và ảnh khi được đề nghị, đề nghị xem
      xét lại, hoặc yêu cầu xoá thông tin liên hệ. Đừng chia sẻ đường dẫn này: ai có nó đều làm được
      các việc trên. Thư điện tử và tin nhắn chúng tôi gửi chỉ có đường dẫn tra cứu công khai, không
      có khoá.
    </p>
    <p><a class="button" id="own-link" href="${link}">Mở trang theo dõi riêng của bạn</a></p>
  </section>`;
}

/** Without a key: a small form to open the citizen's own view (the e-mail's link has no key). */
export function keyForm(code: string, error?: string) {
  return html`<form method="get" action="/feedback/status/${code}" class="key-form">
    <h2>Bạn là người gửi?</h2>
    <p>
      Nhập khoá trả lời trên biên nhận để đọc câu trả lời trước khi công khai, bổ sung thông tin, đề
      nghị xem xét lại hoặc xoá thông tin liên hệ.
    </p>
    <label for="key">Khoá trả lời</label>
    <input
      id="key"
      name="key"
      autocomplete="off"
      autocapitalize="none"
      spellcheck="false"
      required
      aria-describedby="${error ? 'key-err' : undefined}"
    />
    ${error ? html`<p class="error" id="key-err" role="alert">${error}</p>` : ''}
    <p><button type="submit">Mở</button></p>
  </form>`;
}

function replyForm(code: string, key: string, error?: string) {
  return html`<form
    method="post"
    action="/feedback/status/${code}/reply"
    enctype="multipart/form-data"
    class="reply"
  >
    <h2>Bổ sung thông tin</h2>
    <p>
      Đơn vị đang chờ bạn bổ sung thông tin (xem yêu cầu trong quá trình xử lý bên dưới). Khi bạn
      gửi, thời hạn giải quyết tiếp tục được tính.
    </p>
    <input type="hidden" name="replyKey" value="${key}" />
    <label for="reply-content">Nội dung bổ sung</label>
    <textarea
      id="reply-content"
      name="content"
      rows="5"
      maxlength="5000"
      required
      aria-describedby="${error ? 'reply-err' : undefined}"
    ></textarea>
    ${error ? html`<p class="error" id="reply-err" role="alert">${error}</p>` : ''}
    ${photoInput('reply-photos')}
    <p><button type="submit">Gửi bổ sung</button></p>
  </form>`;
}

function appealForm(code: string, key: string, until: string) {
  return html`<form method="post" action="/feedback/status/${code}/appeal" class="appeal">
    <h2>Chưa đồng ý với câu trả lời?</h2>
    <p>
      Bạn có thể đề nghị xem xét lại trong ${APPEAL_DAYS} ngày kể từ khi có câu trả lời (đến hết
      ngày ${vnDay(until)}), theo thời hạn khiếu nại lần hai của Luật Khiếu nại 2011. Đề nghị được
      tiếp nhận như một phản ánh mới có mã tra cứu riêng, liên kết với phản ánh này.
    </p>
    <input type="hidden" name="replyKey" value="${key}" />
    <label for="appeal-reason">Lý do đề nghị xem xét lại</label>
    <textarea
      id="appeal-reason"
      name="reason"
      rows="4"
      minlength="10"
      maxlength="5000"
      required
    ></textarea>
    <p><button type="submit">Đề nghị xem xét lại</button></p>
  </form>`;
}

function erasureForm(code: string, key: string) {
  return html`<form method="post" action="/feedback/status/${code}/erasure" class="erasure">
    <h2>Xoá thông tin liên hệ</h2>
    <p>
      Xoá họ tên, số điện thoại, thư điện tử và ảnh bạn đã gửi khỏi phản ánh này (và các phản ánh
      được chuyển tiếp hoặc đề nghị xem xét lại từ nó). Nội dung phản ánh vẫn được giữ để giải
      quyết; đơn vị sẽ không liên lạc lại với bạn được nữa. Không thể hoàn tác.
    </p>
    <input type="hidden" name="replyKey" value="${key}" />
    <label class="choice"
      ><input type="checkbox" name="confirm" value="on" required /> Tôi muốn xoá thông tin liên hệ
      và ảnh của mình</label
    >
    <p><button type="submit">Xoá thông tin của tôi</button></p>
  </form>`;
}

/** The citizen's own sections of the status page: their answer, photos, replies and forms. */
export function ownSections(s: TOwnFeedback, key: string, replyError?: string) {
  const o = s.own;
  const code = s.trackingCode;
  const unpublished = o.answer && s.status === 'answered';
  return html`${
    unpublished
      ? html`<section class="answer">
          <h2>Trả lời</h2>
          <p>${o.answer}</p>
          <p class="notice">
            Chỉ bạn (người giữ khoá) đọc được câu trả lời này lúc này. Câu trả lời sẽ được công khai
            cho mọi người khi đơn vị công bố (trong 2 ngày làm việc).
          </p>
        </section>`
      : ''
  }
  ${
    o.photos.length
      ? html`<h2>Ảnh bạn gửi kèm phản ánh</h2>
          ${photoList(code, key, o.photos, 'Ảnh gửi kèm')}`
      : ''
  }
  ${
    o.replies.length
      ? html`<h2>Thông tin bạn đã bổ sung</h2>
          <ol class="replies">
            ${o.replies.map(
              (r) =>
                html`<li>
                  <time datetime="${r.at}">${vnDateTime(r.at)}</time>
                  <p>${r.content}</p>
                  ${photoList(code, key, r.photos, 'Ảnh bổ sung')}
                </li>`,
            )}
          </ol>`
      : ''
  }
  ${o.canReply ? replyForm(code, key, replyError) : ''}
  ${o.appealUntil ? appealForm(code, key, o.appealUntil) : ''}
  ${o.appealedAs ? html`<p>Bạn đã đề nghị xem xét lại câu trả lời này: mã tra cứu <strong>${o.appealedAs}</strong>.</p>` : ''}
  ${erasureForm(code, key)}`;
}

export function erasedPage(code: string, r: { contacts: number; photos: number }) {
  return shell(
    'Đã xoá thông tin',
    html`<h1>Đã xoá thông tin của bạn</h1>
      <p>
        Phản ánh <strong>${code}</strong>:
        ${r.contacts ? 'họ tên, số điện thoại và thư điện tử đã được xoá' : 'không còn thông tin liên hệ nào để xoá'}${r.photos ? html`; ${r.photos} ảnh đã được xoá` : ''}.
      </p>
      <p>
        Nội dung phản ánh và quá trình xử lý vẫn được giữ (không kèm thông tin của bạn) để đơn vị
        giải quyết và thống kê. Đơn vị sẽ không thể liên lạc lại với bạn, và bạn sẽ không nhận thêm
        thư hay tin nhắn về phản ánh này.
      </p>
      <p><a href="/feedback/status/${code}">Xem trạng thái công khai</a></p>`,
  );
}

export function appealFiledPage(code: string, dueAt: string, key: string, from: string) {
  return shell(
    'Đã nhận đề nghị xem xét lại',
    html`<h1>Đã nhận đề nghị xem xét lại</h1>
      <p>Đề nghị xem xét lại câu trả lời của phản ánh ${from} được tiếp nhận với mã tra cứu mới:</p>
      <p class="code" id="tracking-code">${code}</p>
      <p>Hạn trả lời: <strong>${vnDay(dueAt)}</strong> (tính theo ngày làm việc).</p>
      ${keyReceipt(code, key)}`,
  );
}
