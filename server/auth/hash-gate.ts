import { AppError, MESSAGES } from '../errors.js';

/**
 * Bounds the password hashing running at once. One scrypt at OWASP's cost is ~128 MB and a core
 * for a few hundred milliseconds: a flood of fake sign-ins used to run four at a time (libuv's
 * pool) and cut public submissions by 84%. Here `concurrency` run, `queue` wait, the rest are
 * refused at once with 429, so the flood costs one core at most and never builds a backlog.
 */
export interface HashGate {
  run<T>(work: () => Promise<T>): Promise<T>;
  /** The most hashes seen running at once (for tests and the logs). */
  readonly peak: number;
}

export function createHashGate(opts: { concurrency?: number; queue?: number } = {}): HashGate {
  const concurrency = opts.concurrency ?? 1;
  const maxQueue = opts.queue ?? 16;
  let active = 0;
  let peak = 0;
  const waiting: Array<() => void> = [];
  const release = () => {
    active--;
    waiting.shift()?.();
  };
  return {
    get peak() {
      return peak;
    },
    async run(work) {
      if (active >= concurrency) {
        if (waiting.length >= maxQueue) {
          throw new AppError(429, 'rate_limited', MESSAGES.rate_limited, { retryAfterSeconds: 1 });
        }
        await new Promise<void>((resolve) => waiting.push(resolve));
      }
      active++;
      peak = Math.max(peak, active);
      try {
        return await work();
      } finally {
        release();
      }
    },
  };
}
