import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { serverErrorPage } from './html/error-page.js';
import { viDetails } from './validation-messages.js';

export type ErrorCode =
  | 'validation_failed'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'campaign_closed'
  | 'token_used'
  | 'conflict'
  | 'payload_too_large'
  | 'rate_limited'
  | 'internal';

/** A message in both languages: Vietnamese first, English for the switch and for logs. */
export interface Msg {
  vi: string;
  en: string;
}

export class AppError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    readonly msg: Msg,
    readonly details?: unknown,
  ) {
    super(msg.en);
  }
}

export const MESSAGES = {
  validation_failed: { vi: 'Dữ liệu không hợp lệ.', en: 'The request is not valid.' },
  unauthenticated: { vi: 'Bạn cần đăng nhập.', en: 'You need to sign in.' },
  forbidden: { vi: 'Bạn không có quyền thực hiện thao tác này.', en: 'You may not do this.' },
  not_found: { vi: 'Không tìm thấy.', en: 'Not found.' },
  payload_too_large: { vi: 'Dữ liệu gửi lên quá lớn.', en: 'The request body is too large.' },
  rate_limited: {
    vi: 'Quá nhiều yêu cầu, vui lòng thử lại sau ít phút.',
    en: 'Too many requests; please try again in a few minutes.',
  },
  internal: { vi: 'Lỗi máy chủ, vui lòng thử lại.', en: 'Server error; please try again.' },
} satisfies Partial<Record<ErrorCode, Msg>>;

export const notFound = (what?: Msg): AppError =>
  new AppError(404, 'not_found', what ?? MESSAGES.not_found);
export const forbidden = (): AppError => new AppError(403, 'forbidden', MESSAGES.forbidden);
export const unauthenticated = (): AppError =>
  new AppError(401, 'unauthenticated', MESSAGES.unauthenticated);
export const conflict = (msg: Msg, details?: unknown): AppError =>
  new AppError(409, 'conflict', msg, details);
/** 400 validation_failed; each `details[]` message Vietnamese first, its English in `messageEn`. */
export const invalid = (details: unknown, msg: Msg = MESSAGES.validation_failed): AppError =>
  new AppError(400, 'validation_failed', msg, viDetails(details));

/** Vietnamese unless the client asks for English first. */
export function prefersEnglish(c: Context): boolean {
  const lang = c.req.query('lang') ?? c.req.header('accept-language') ?? '';
  return /^en\b/i.test(lang.trim());
}

export function errorBody(c: Context, code: ErrorCode, msg: Msg, details?: unknown) {
  return {
    error: {
      code,
      message: prefersEnglish(c) ? msg.en : msg.vi,
      messages: msg,
      ...(details === undefined ? {} : { details }),
    },
  };
}

/**
 * The one error path: AppError as is, Hono's own exceptions mapped, anything else a logged 500
 * (JSON under /api, a page a person can read elsewhere).
 */
export function toErrorResponse(err: unknown, c: Context): Response | Promise<Response> {
  if (err instanceof AppError) {
    const retry = (err.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
    if (err.status === 429 && typeof retry === 'number') c.header('Retry-After', String(retry));
    return c.json(errorBody(c, err.code, err.msg, err.details), err.status);
  }
  if (err instanceof HTTPException) {
    const status = err.status;
    if (status === 413)
      return c.json(errorBody(c, 'payload_too_large', MESSAGES.payload_too_large), 413);
    if (status === 401)
      return c.json(errorBody(c, 'unauthenticated', MESSAGES.unauthenticated), 401);
    if (status === 403) return c.json(errorBody(c, 'forbidden', MESSAGES.forbidden), 403);
    if (status === 404) return c.json(errorBody(c, 'not_found', MESSAGES.not_found), 404);
    if (status < 500) {
      // Malformed JSON and similar: the body could not be read.
      return c.json(
        errorBody(c, 'validation_failed', MESSAGES.validation_failed, [
          { path: '', message: 'Không đọc được dữ liệu gửi lên.', messageEn: err.message },
        ]),
        400,
      );
    }
  }
  console.error('unexpected error', c.req.method, c.req.path, err);
  if (!c.req.path.startsWith('/api/')) return c.html(serverErrorPage(), 500);
  return c.json(errorBody(c, 'internal', MESSAGES.internal), 500);
}
