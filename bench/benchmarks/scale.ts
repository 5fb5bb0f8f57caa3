import { fillResponses } from '../generate.js';
import type { Scenario } from '../scenario.js';
import type { BenchContext } from './types.js';

const filled = new Map<string, number>();

/**
 * A scenario database holding exactly `n` generated responses: the shared 'scale' database grown
 * to n when it holds fewer (10k, then 1M, then 10M reuse one file), else a new one of its own.
 */
export async function scaleScenario(ctx: BenchContext, n: number): Promise<Scenario> {
  const name = (filled.get('scale') ?? 0) <= n ? 'scale' : `scale-${n}`;
  const s = await ctx.scenario(name);
  const have = filled.get(name) ?? 0;
  if (have < n) {
    ctx.log(`  generating ${(n - have).toLocaleString('en')} responses (${name})…`);
    const { ms } = await fillResponses(s, n - have, have + 1);
    ctx.log(`  … ${(ms / 1000).toFixed(0)} s`);
    filled.set(name, n);
  }
  return s;
}

export const sizeLabel = (n: number): string =>
  n >= 1e6 ? `${n / 1e6}M` : n >= 1e3 ? `${n / 1e3}k` : String(n);
