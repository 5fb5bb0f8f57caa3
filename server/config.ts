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
  SESSION_HOURS: z.coerce.number().positive().default(12),
  /** Set to 1 behind HTTPS so the session cookie is marked Secure. */
  COOKIE_SECURE: z.enum(['0', '1']).default('0'),
});

export type Config = {
  databaseUrl: string;
  port: number;
  seedDemo: boolean;
  demoPassword: string;
  rateLimit: number;
  sessionHours: number;
  cookieSecure: boolean;
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
    sessionHours: e.SESSION_HOURS,
    cookieSecure: e.COOKIE_SECURE === '1',
  };
}

/** Configuration for tests and embedding: defaults, with overrides. */
export function defaultConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({}), databaseUrl: ':memory:', ...overrides };
}
