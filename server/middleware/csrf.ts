import type { MiddlewareHandler } from 'hono';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../context.js';
import { AppError, MESSAGES } from '../errors.js';
import { html, page } from '../html/layout.js';
import { publicOrigin } from './proxy.js';

/**
 * Hono's CSRF check against the public origin (PUBLIC_URL, or the request's as TRUST_PROXY allows):
 * behind an HTTPS proxy the server itself is reached over http, so the browser's Origin
 * (https://…) never equals the request URL's, and a browser that sends no Sec-Fetch-Site had its
 * no-JS form posts refused. A refused form post gets a page a person can read; the API gets JSON.
 */
export function csrfGuard(): MiddlewareHandler<AppEnv> {
  const check = csrf({ origin: (origin, c) => origin === publicOrigin(c) });
  return async (c, next) => {
    let passed = false;
    try {
      await check(c, async () => {
        passed = true;
      });
    } catch (err) {
      if (!(err instanceof HTTPException) || err.status !== 403) throw err;
      if (c.req.path.startsWith('/api/'))
        throw new AppError(403, 'forbidden', MESSAGES.forbidden, { reason: 'cross_origin' });
      return c.html(refusedPage(publicOrigin(c)), 403);
    }
    if (passed) await next();
  };
}

function refusedPage(origin: string) {
  return page({
    title: 'Không gửi được biểu mẫu',
    body: html`<main>
      <h1>Không gửi được biểu mẫu</h1>
      <p>
        Biểu mẫu này không được gửi từ trang của hệ thống nên đã bị từ chối để bảo vệ bạn. Vui lòng
        mở lại trang tại <a href="${origin}/">${origin}</a>, điền và gửi lại.
      </p>
      <p lang="en">
        The form was not sent from this site's own page, so it was refused to protect you. Please
        open the page again at <a href="${origin}/">${origin}</a> and send it from there.
      </p>
    </main>`,
  });
}
