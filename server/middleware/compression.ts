import type { MiddlewareHandler } from 'hono';
import { compress } from 'hono/compress';
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/utils/compress';
import { Duplex } from 'node:stream';
import { constants, createBrotliCompress } from 'node:zlib';

/** Below this, compressing costs more than it saves (hono/compress's own threshold). */
const THRESHOLD = 1024;
/** Fast enough per response, and still smaller than gzip's best (quality 11 is for the build). */
const BROTLI_QUALITY = 5;

function acceptsBrotli(header: string | undefined): boolean {
  return (header ?? '').split(',').some((part) => {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return name?.trim() === 'br' && (!q || Number(q.slice(2)) > 0);
  });
}

/**
 * Compresses pages and JSON per response: brotli for browsers that accept it (all current ones),
 * else hono/compress's gzip. Node 20's CompressionStream has no brotli, so it is zlib's, through a
 * web stream. Responses already encoded (the precompressed static assets) are left alone.
 */
export function compression(): MiddlewareHandler {
  const gzip = compress({ encoding: 'gzip', threshold: THRESHOLD });
  return async (c, next) => {
    if (!acceptsBrotli(c.req.header('accept-encoding'))) return gzip(c, next);
    await next();
    const res = c.res;
    const length = res.headers.get('content-length');
    const type = res.headers.get('content-type');
    if (
      !res.body ||
      res.status === 206 ||
      c.req.method === 'HEAD' ||
      res.headers.has('content-encoding') ||
      res.headers.has('transfer-encoding') ||
      (length && Number(length) < THRESHOLD) ||
      !type ||
      !COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type) ||
      /(?:^|,)\s*no-transform\s*(?:,|$)/i.test(res.headers.get('cache-control') ?? '')
    ) {
      return;
    }
    const brotli = Duplex.toWeb(
      createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } }),
    ) as unknown as ReadableWritablePair<Uint8Array, Uint8Array>;
    c.res = new Response(res.body.pipeThrough(brotli), res);
    c.res.headers.delete('content-length');
    c.res.headers.set('content-encoding', 'br');
    const vary = c.res.headers.get('vary');
    if (!vary) c.res.headers.set('vary', 'Accept-Encoding');
    else if (!/accept-encoding/i.test(vary)) c.res.headers.set('vary', `${vary}, Accept-Encoding`);
  };
}
