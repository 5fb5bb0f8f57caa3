import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { normalizeAddress, type TrustProxy } from '../config.js';
import type { AppEnv } from '../context.js';

/**
 * What the request says about its client, believed only as far as TRUST_PROXY allows: anyone can
 * send X-Forwarded-For, so without a trusted proxy in front it would let a script pick the
 * address its rate limit is counted on (or exhaust someone else's).
 */

/** The peer of the TCP connection; 'unknown' without a socket (app.request() in tests). */
export function socketAddress(c: Context): string {
  try {
    const a = getConnInfo(c).remote.address;
    return a ? normalizeAddress(a) : 'unknown';
  } catch {
    return 'unknown';
  }
}

function trusted(trust: TrustProxy, address: string, hopsLeft: number): boolean {
  if (!trust) return false;
  if ('hops' in trust) return hopsLeft > 0;
  return trust.addresses.includes(address);
}

/**
 * The client's address: the socket's; behind trusted proxies, the nearest X-Forwarded-For entry
 * that was not added by one of them (walking from the right, where the proxies append).
 */
export function clientAddressFor(
  trust: TrustProxy,
  socket: string,
  forwardedFor: string | undefined,
): string {
  if (!trust) return socket;
  const chain = [
    ...(forwardedFor ?? '')
      .split(',')
      .map((s) => normalizeAddress(s.trim()))
      .filter(Boolean),
    normalizeAddress(socket),
  ];
  let hops = 'hops' in trust ? trust.hops : 0;
  for (let i = chain.length - 1; i > 0; i--, hops--) {
    if (!trusted(trust, chain[i]!, hops)) return chain[i]!;
  }
  return chain[0]!;
}

export function clientAddress(c: Context<AppEnv>): string {
  return clientAddressFor(
    c.var.deps.config.trustProxy,
    socketAddress(c),
    c.req.header('x-forwarded-for'),
  );
}

/** 'https:' or 'http:': X-Forwarded-Proto only when the peer is a trusted proxy. */
export function requestProtocol(c: Context<AppEnv>): string {
  const trust = c.var.deps.config.trustProxy;
  const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  if (trust && (proto === 'https' || proto === 'http') && trusted(trust, socketAddress(c), 1))
    return `${proto}:`;
  return new URL(c.req.url).protocol;
}

/** The origin people reach the service at: PUBLIC_URL, else this request's (scheme as trusted). */
export function publicOrigin(c: Context<AppEnv>): string {
  const configured = c.var.deps.config.publicUrl;
  if (configured) return configured;
  return `${requestProtocol(c)}//${new URL(c.req.url).host}`;
}
