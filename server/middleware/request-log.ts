import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.js';

/** Where log lines go: one JSON object per line (stdout in production). */
export type LogSink = (line: string) => void;

/**
 * One JSON line per request: time, method, the route's pattern (`/feedback/status/:code`, never
 * the path itself, which may carry a tracking code or a one-time code), status and duration.
 * Never a body, a query string, a name, a phone number or an e-mail address.
 */
export function requestLog(
  sink: LogSink,
  now: () => number = () => performance.now(),
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const start = now();
    try {
      await next();
    } finally {
      const route = c.req.routePath === '/*' || !c.req.routePath ? '(unmatched)' : c.req.routePath;
      sink(
        JSON.stringify({
          time: new Date().toISOString(),
          level: c.res.status >= 500 ? 'error' : 'info',
          method: c.req.method,
          route,
          status: c.res.status,
          ms: Math.round((now() - start) * 10) / 10,
        }),
      );
    }
  };
}
