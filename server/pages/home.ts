import { Hono, type Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { userForToken } from '../auth/service.js';
import { SESSION_COOKIE } from '../middleware/auth.js';
import type { AppEnv } from '../context.js';
import { html, page } from '../html/layout.js';
import { DASHBOARD_STYLES, dashboardAssets } from './dashboard-assets.js';

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
  // The staff dashboard is a client-rendered app; every /app path gets the same shell, or the
  // sign-in form to a visitor without a live session.
  .get('/app/*', dashboard)
  .get('/app', dashboard);

async function dashboard(c: Context<AppEnv>) {
  const token = getCookie(c, SESSION_COOKIE);
  const { db, clock } = c.var.deps;
  const user = token ? await userForToken(db, token, clock()) : undefined;
  // The same address answers differently once signed in: never from a cache.
  c.header('Cache-Control', 'private, no-cache');
  return c.html(user ? dashboardShell() : signInPage());
}

/**
 * The sign-in form, rendered here (the same form as the dashboard's own, client/dashboard/views/
 * login.tsx) with a script of a few hundred bytes: on a slow link it is usable at once, without
 * the dashboard's code, which the browser fetches only after signing in.
 */
function signInPage() {
  return page({
    title: 'Hài Lòng — Đăng nhập cán bộ',
    styles: DASHBOARD_STYLES,
    body: html`<div id="app"><main class="login">
<h1>Đăng nhập cán bộ</h1>
<form id="sign-in" method="post">
<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="username" required>
<label for="password">Mật khẩu</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<noscript><p class="error">Bảng điều khiển cần JavaScript. / The dashboard needs JavaScript.</p></noscript>
<p><button type="submit">Đăng nhập</button></p>
</form>
</main></div>`,
    scripts: [dashboardAssets().signIn],
  });
}

/**
 * The dashboard's page: the shell a person sees at once, before any script has arrived (the
 * header and a status line saying the dashboard is loading), then the entry script, with every
 * chunk it imports asked for at the same time (`modulepreload`) rather than one after another.
 * The script replaces the shell with the real one (the menu, the sign-in form or the page). The
 * placeholder's header is a `div` with the banner role, not a `header`: `header.topbar` is the
 * real one, present once the user is known (what the browser tests wait for).
 */
function dashboardShell() {
  const assets = dashboardAssets();
  return page({
    title: 'Hài Lòng — Bảng điều khiển',
    styles: DASHBOARD_STYLES,
    head: assets.preload.map((p) => html`<link rel="modulepreload" href="${p}">`),
    body: html`<div id="app"><div class="shell">
<div class="topbar" role="banner"><strong class="site">Hài Lòng</strong></div>
<main class="content" aria-busy="true"><p class="loading" role="status"><span class="spinner" aria-hidden="true"></span>Đang tải bảng điều khiển…</p>
<noscript><p>Bảng điều khiển cần JavaScript. / The dashboard needs JavaScript.</p></noscript></main>
</div></div>`,
    scripts: [assets.script],
  });
}

export default home;
