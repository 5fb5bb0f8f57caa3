import { html, page } from './layout.js';

/**
 * What a person sees when a page fails unexpectedly (a database error, a bug): a server error in
 * Vietnamese, English beside it, and a way on. The details go to the log, never to the page.
 */
export function serverErrorPage() {
  return page({
    title: 'Lỗi máy chủ',
    body: html`<main>
      <h1>Lỗi máy chủ</h1>
      <p>Hệ thống đang gặp sự cố nên chưa mở được trang này. Xin Quý vị thử lại sau ít phút.</p>
      <p lang="en">
        Server error: this page could not be opened. Please try again in a few minutes.
      </p>
      <p><a href="/">Về trang chủ</a></p>
    </main>`,
  });
}
