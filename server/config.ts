import { PARAMS, type ScryptParams } from './auth/password.js';
import { isIP } from 'node:net';
import { z } from 'zod';
import { DEFAULT_DATABASE_URL } from '../db/index.js';

const ZConfig = z.object({
  DATABASE_URL: z.string().min(1).default(DEFAULT_DATABASE_URL),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  SEED_DEMO: z.enum(['0', '1']).default('1'),
  DEMO_PASSWORD: z.string().min(1).default('demo-2024'),
  /**
   * Public write requests per minute per client address. Carriers put thousands of phones behind
   * one address, so the default is high: 600/min is ten submissions a second from one address,
   * far above a school's busiest evening, and still stops a script hammering the API.
   */
  RATE_LIMIT: z.coerce.number().int().min(0).default(600),
  /** Tracking-code look-ups per minute per client address (page and API); `0` turns it off. */
  LOOKUP_RATE_LIMIT: z.coerce.number().int().min(0).default(60),
  SESSION_HOURS: z.coerce.number().positive().default(12),
  /** Set to 1 behind HTTPS so the session cookie is marked Secure. */
  COOKIE_SECURE: z.enum(['0', '1']).default('0'),
  /**
   * Which X-Forwarded-For / X-Forwarded-Proto to believe: off (default) believes none; a number
   * believes that many proxy hops in front of the server; a comma-separated list believes the
   * proxies at those addresses.
   */
  TRUST_PROXY: z
    .string()
    .trim()
    .default('')
    .transform((s, ctx): TrustProxy => {
      if (s === '' || s === '0' || s === 'false') return null;
      if (/^\d+$/.test(s)) return { hops: Number(s) };
      const addresses = s
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean);
      if (addresses.some((a) => !isIP(a))) {
        ctx.addIssue({
          code: 'custom',
          message: 'a number of hops or a comma-separated list of IP addresses',
        });
        return z.NEVER;
      }
      return { addresses: addresses.map(normalizeAddress) };
    }),
  /** The address the public uses (https://…): CSRF checks and every absolute link use it. */
  PUBLIC_URL: z
    .string()
    .trim()
    .default('')
    .refine(
      (s) => s === '' || /^https?:\/\/[^/]+\/?$/.test(s),
      'an origin such as https://hailong.example.vn',
    )
    .transform((s) => (s === '' ? null : new URL(s).origin)),
  /** Where citizens' e-mails are sent through: smtp://user:pass@host:587 or smtps://…:465. */
  SMTP_URL: optionalUrl(['smtp:', 'smtps:'], 'smtp://user:pass@host:587'),
  /** The sender of those e-mails; default "Hài Lòng" <no-reply@PUBLIC_URL's host>. */
  MAIL_FROM: z
    .string()
    .trim()
    .default('')
    .refine(
      (s) => s === '' || /^[^@\s<]+@[^@\s>]+$|<[^@\s<]+@[^@\s>]+>$/.test(s),
      'an e-mail address, e.g. "Hài Lòng" <no-reply@example.vn>',
    ),
  /** Where SMS go: a JSON POST {to, text} to this address. */
  SMS_WEBHOOK_URL: optionalUrl(['http:', 'https:'], 'https://sms.example.vn/send'),
});

/** An optional URL of one of `protocols`; '' → null; anything else unparseable is a start-up error. */
function optionalUrl(protocols: string[], example: string) {
  return z
    .string()
    .trim()
    .default('')
    .refine((s) => {
      if (s === '') return true;
      try {
        const u = new URL(s);
        return protocols.includes(u.protocol) && u.hostname !== '';
      } catch {
        return false;
      }
    }, `a URL such as ${example}`)
    .transform((s) => (s === '' ? null : s));
}

/** Which proxies' forwarding headers to believe (TRUST_PROXY); null: none. */
export type TrustProxy = { hops: number } | { addresses: string[] } | null;

/** An IPv4 address as seen through an IPv6 socket (::ffff:10.0.0.1) is the IPv4 address. */
export function normalizeAddress(a: string): string {
  return a.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
}

export type Config = {
  databaseUrl: string;
  port: number;
  seedDemo: boolean;
  demoPassword: string;
  rateLimit: number;
  lookupRateLimit: number;
  sessionHours: number;
  cookieSecure: boolean;
  trustProxy: TrustProxy;
  /** The public origin (scheme://host[:port]), or null: taken from each request. */
  publicUrl: string | null;
  /** Citizens' e-mails: the SMTP server (null: e-mails wait in the outbox) and the sender. */
  smtpUrl: string | null;
  mailFrom: string;
  /** Citizens' SMS: the webhook that takes {to, text} (null: SMS wait in the outbox). */
  smsWebhookUrl: string | null;
  /** The cost of new password hashes: OWASP's in production; tests pass a cheaper one. */
  scrypt: ScryptParams;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ZConfig.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`invalid configuration:\n${lines}`);
  }
  const e = parsed.data;
  return {
    databaseUrl: e.DATABASE_URL,
    port: e.PORT,
    seedDemo: e.SEED_DEMO === '1',
    demoPassword: e.DEMO_PASSWORD,
    rateLimit: e.RATE_LIMIT,
    lookupRateLimit: e.LOOKUP_RATE_LIMIT,
    sessionHours: e.SESSION_HOURS,
    cookieSecure: e.COOKIE_SECURE === '1',
    trustProxy: e.TRUST_PROXY,
    publicUrl: e.PUBLIC_URL,
    smtpUrl: e.SMTP_URL,
    mailFrom:
      e.MAIL_FROM ||
      `"Hài Lòng" <no-reply@${e.PUBLIC_URL ? new URL(e.PUBLIC_URL).hostname : 'localhost'}>`,
    smsWebhookUrl: e.SMS_WEBHOOK_URL,
    scrypt: PARAMS,
  };
}

/** Configuration for tests and embedding: defaults, with overrides. */
export function defaultConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({}), databaseUrl: ':memory:', ...overrides };
}
