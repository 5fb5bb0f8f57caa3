import {
  hc,
  type ClientResponse,
  type InferRequestType,
  type InferResponseType,
} from 'hono/client';
import type { SuccessStatusCode } from 'hono/utils/http-status';
import type { AppType } from '../../server/app.js';

/** The contract's error shape (`{ error: { code, message, details? } }`), thrown by `call`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/**
 * The server's routes, typed from the server itself: `api.api.indices.$get({ query })`. A route
 * whose answer changes breaks the dashboard's typecheck, not a user's screen. Every request asks
 * for the chosen language (the error messages follow it) and sends the session cookie.
 */
export const api = hc<AppType>('/', {
  headers: () => ({ 'accept-language': localStorage.getItem('hl.lang') === 'en' ? 'en' : 'vi' }),
  init: { credentials: 'same-origin' },
});

/** Any answer of a typed call. */
export type AnyResponse = ClientResponse<unknown, number, string>;

/** The JSON body of a call's successful answer (what `call` resolves to). */
export type Ok<R> =
  R extends ClientResponse<infer T, infer S, infer F>
    ? S extends SuccessStatusCode
      ? F extends 'json'
        ? T
        : null
      : never
    : never;

/** The successful JSON body of an endpoint, e.g. `Res<typeof api.api.units.$get>`. */
export type Res<F> = InferResponseType<F, SuccessStatusCode>;

/** What an endpoint takes (`query`, `param`, `json`), e.g. `Req<typeof api.api.feedback.$get>`. */
export type Req<F> = InferRequestType<F>;

/**
 * Awaits a typed call and returns its JSON body; an answer that is not 2xx becomes an ApiError
 * carrying the contract's code, message (in the language asked for) and details.
 */
export async function call<R extends AnyResponse>(request: Promise<R>): Promise<Ok<R>> {
  const res = await request;
  const data: unknown = res.headers.get('content-type')?.includes('json') ? await res.json() : null;
  if (!res.ok) {
    const err = (data as { error?: { code?: string; message?: string; details?: unknown } } | null)
      ?.error;
    throw new ApiError(
      res.status,
      err?.code ?? 'error',
      err?.message ?? res.statusText,
      err?.details,
    );
  }
  // The body's type is the route's own (inferred from the server by hc), not one declared here.
  return data as Ok<R>;
}

/**
 * A failed call as a person reads it: the message, then each field's message (Vietnamese first,
 * from the server), never a field's internal name or an English zod default.
 */
export function errorText(err: unknown): string {
  if (!(err instanceof ApiError)) return err instanceof Error ? err.message : String(err);
  const details = Array.isArray(err.details) ? (err.details as { message?: unknown }[]) : [];
  const fields = details.map((d) => d.message).filter((m): m is string => typeof m === 'string');
  return [err.message, ...fields].join(' ');
}
