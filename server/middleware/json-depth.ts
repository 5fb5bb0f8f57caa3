import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.js';
import { invalid } from '../errors.js';

/** Deeper than any real request (a questionnaire answer is two levels); recursion stays shallow. */
export const MAX_JSON_DEPTH = 32;

/** How deeply a JSON text nests arrays and objects (brackets inside strings do not count). */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92)
        i++; // backslash: skip the escaped character
      else if (ch === 34) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 91 || ch === 123) max = Math.max(max, ++depth);
    else if (ch === 93 || ch === 125) depth--;
  }
  return max;
}

/**
 * Refuses a JSON body nested deeper than MAX_JSON_DEPTH with a 400: 2,500 levels overflowed the
 * stack of the recursive checks behind the validator (a 500). Runs after the body limit.
 */
export const jsonDepthLimit: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (
    c.req.method !== 'GET' &&
    c.req.method !== 'HEAD' &&
    /\bjson\b/i.test(c.req.header('content-type') ?? '')
  ) {
    if (jsonDepth(await c.req.text()) > MAX_JSON_DEPTH) {
      throw invalid([{ path: '', message: `JSON nested deeper than ${MAX_JSON_DEPTH} levels` }]);
    }
  }
  await next();
};
