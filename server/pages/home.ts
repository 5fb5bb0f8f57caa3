import { Hono } from 'hono';
import type { AppEnv } from '../context.js';
import { html, page } from '../html/layout.js';

const home = new Hono<AppEnv>()
  .get('/', (c) =>
    c.html(
      page({
        title: 'Hài Lòng — Khảo sát sự hài lòng và phản ánh, kiến nghị',
        body: html`<main class="narrow">
  <h1>Hài Lòng</h1>
  <p>Khảo sát sự hài lòng của người dân, cha mẹ học sinh và tiếp nhận phản ánh, kiến nghị của ngành Giáo dục và Đào tạo.</p>
  <ul class="links">
    <li><a href="/feedback">Gửi phản ánh, kiến nghị</a></li>
    <li><a href="/feedback/lookup">Tra cứu phản ánh bằng mã</a></li>
    <li><a href="/dialogues">Đối thoại với người dân: lịch, gửi câu hỏi, câu trả lời</a></li>
    <li><a href="/app">Cán bộ đăng nhập (Staff sign-in)</a></li>
  </ul>
</main>`,
      }),
    ),
  )
  // The staff dashboard is a client-rendered app; every /app path gets the same shell.
  .get('/app/*', (c) => c.html(dashboardShell()))
  .get('/app', (c) => c.html(dashboardShell()));

function dashboardShell() {
  return page({
    title: 'Hài Lòng — Bảng điều khiển',
    styles: ['/assets/base.css', '/assets/dashboard.css', '/assets/accounts.css'],
    body: html`<div id="app"><noscript>Bảng điều khiển cần JavaScript. / The dashboard needs JavaScript.</noscript></div>`,
    scripts: ['/assets/dashboard.js'],
  });
}

export default home;
