/**
 * Data-quality signals. They flag, never drop: a burst of identical answers may be a class of
 * parents filling the form together after a meeting, or one person submitting many times; staff
 * decide, and the figures stay as counted.
 */

export interface BurstRules {
  /** At least this many identical responses at one unit… */
  minRepeats: number;
  /** …within this many minutes. */
  windowMinutes: number;
}

export const DEFAULT_BURST_RULES: BurstRules = { minRepeats: 5, windowMinutes: 10 };

export interface Submission {
  unitId: string;
  fingerprint: string;
  submittedAt: string;
}

export interface Burst {
  unitId: string;
  fingerprint: string;
  count: number;
  from: string;
  to: string;
}

/** Share of responses completed implausibly fast, in percent; null without responses. */
export function fastShare(fast: number, responses: number): number | null {
  return responses > 0 ? (fast / responses) * 100 : null;
}

/**
 * Bursts among submissions: runs of identical fingerprints at one unit in which every response
 * lies in some window of `windowMinutes` holding at least `minRepeats` of them. Overlapping
 * windows merge into one burst.
 */
export function detectBursts(
  submissions: readonly Submission[],
  rules: BurstRules = DEFAULT_BURST_RULES,
): Burst[] {
  const groups = new Map<string, Submission[]>();
  for (const s of submissions) {
    const key = `${s.unitId}\u0000${s.fingerprint}`;
    const list = groups.get(key) ?? [];
    list.push(s);
    groups.set(key, list);
  }
  const bursts: Burst[] = [];
  for (const list of groups.values()) bursts.push(...burstsInGroup(list, rules));
  return bursts.sort((a, b) => b.count - a.count || a.from.localeCompare(b.from));
}

function burstsInGroup(list: Submission[], rules: BurstRules): Burst[] {
  const sorted = [...list].sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
  const times = sorted.map((s) => Date.parse(s.submittedAt));
  const windowMs = rules.windowMinutes * 60_000;
  const runs: { start: number; end: number }[] = [];
  let i = 0;
  for (let j = 0; j < times.length; j++) {
    while (times[j]! - times[i]! > windowMs) i++;
    if (j - i + 1 < rules.minRepeats) continue;
    const last = runs[runs.length - 1];
    if (last && i <= last.end) last.end = j;
    else runs.push({ start: i, end: j });
  }
  return runs.map(({ start, end }) => ({
    unitId: sorted[start]!.unitId,
    fingerprint: sorted[start]!.fingerprint,
    count: end - start + 1,
    from: sorted[start]!.submittedAt,
    to: sorted[end]!.submittedAt,
  }));
}
