import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.js';
import { AppError, MESSAGES } from '../errors.js';
import { clientAddress } from './proxy.js';

export { clientAddress };

/**
 * Fixed one-minute windows per client address for public writes. `perMinute` 0 turns it off.
 * In memory on purpose: several server processes each allow the limit, which errs on the side
 * of never refusing parents behind one carrier address.
 */
export function rateLimit(
  perMinute: number,
  now: () => number = Date.now,
): MiddlewareHandler<AppEnv> {
  const windows = new Map<string, { start: number; count: number }>();
  return async (c, next) => {
    if (perMinute > 0 && c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      const t = now();
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
        throw new AppError(429, 'rate_limited', MESSAGES.rate_limited, {
          retryAfterSeconds: retry,
        });
      }
    }
    await next();
  };
}
