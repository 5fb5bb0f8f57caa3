import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.js';
import { AppError, MESSAGES } from '../errors.js';
import { html, page } from '../html/layout.js';
import { clientAddress } from './proxy.js';

export { clientAddress };

/**
 * Fixed one-minute windows per client address (as TRUST_PROXY allows) for public writes, or for
 * reads too with `reads` (tracking-code look-ups, which a script could otherwise walk through).
 * `perMinute` 0 turns it off. In memory on purpose: several server processes each allow the
 * limit, which errs on the side of never refusing parents behind one carrier address. The API
 * gets the contract's JSON error; a page gets a page a person can read. Time is the app's clock
 * unless `now` is given, so a test on a fixed clock sees a window end.
 */
export function rateLimit(
  perMinute: number,
  opts: {
    reads?: boolean;
    now?: () => number;
    /** A request counted whatever its method (a write that proves a secret: the reply key). */
    alsoCount?: (path: string, method: string) => boolean;
  } = {},
): MiddlewareHandler<AppEnv> {
  const windows = new Map<string, { start: number; count: number }>();
  return async (c, next) => {
    const read = c.req.method === 'GET' || c.req.method === 'HEAD';
    const counted = read === !!opts.reads || !!opts.alsoCount?.(c.req.path, c.req.method);
    if (perMinute > 0 && counted) {
      const t = opts.now ? opts.now() : c.var.deps.clock().getTime();
      const key = clientAddress(c);
      let w = windows.get(key);
      if (!w || t - w.start >= 60_000) {
        if (windows.size > 50_000) windows.clear();
        w = { start: t, count: 0 };
        windows.set(key, w);
      }
      w.count++;
      if (w.count > perMinute) {
        const retry = Math.ceil((w.start + 60_000 - t) / 1000);
        c.header('Retry-After', String(retry));
        if (!c.req.path.startsWith('/api/')) return c.html(limitedPage(retry), 429);
        throw new AppError(429, 'rate_limited', MESSAGES.rate_limited, {
          retryAfterSeconds: retry,
        });
      }
    }
    await next();
  };
}

function limitedPage(seconds: number) {
  return page({
    title: 'Quá nhiều yêu cầu',
    body: html`<main>
      <h1>Quá nhiều yêu cầu</h1>
      <p>
        Có quá nhiều yêu cầu từ địa chỉ mạng của bạn. Vui lòng đợi khoảng ${seconds} giây rồi thử
        lại.
      </p>
      <p lang="en">
        Too many requests from your network address. Please wait about ${seconds} seconds and try
        again.
      </p>
    </main>`,
  });
}
