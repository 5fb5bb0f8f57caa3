import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { pooledResponseTotals } from '../db/repositories/indices.js';
import { getUnit } from '../db/repositories/units.js';
import { createTestApp } from './helpers/app.js';
import { createCampaign, submit, thcsAnswers } from './helpers/campaigns.js';

/**
 * CONVENTIONS.md, "State that lives longer than a request": timers, queues and caches are
 * objects made once (server/services.ts) and passed in; repositories are plain functions over
 * `db | trx` that neither schedule work nor write when they read.
 */

const ROOT = join(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** `file: line` of every line of these folders' sources that matches. */
function linesMatching(dirs: string[], pattern: RegExp): string[] {
  return dirs.flatMap(sources).flatMap((file) =>
    readFileSync(join(ROOT, file), 'utf8')
      .split('\n')
      .flatMap((line, i) => (pattern.test(line) ? [`${relative('.', file)}:${i + 1}`] : [])),
  );
}

describe('long-lived state in the source tree', () => {
  test('no repository schedules work: no timer, no immediate, no registry keyed by the database', () => {
    expect(
      linesMatching(['db/repositories'], /\b(setTimeout|setInterval|setImmediate)\s*\(/),
    ).toEqual([]);
    // A module-level WeakMap is a registry keyed by some object: here, by the handle.
    expect(linesMatching(['db/repositories'], /new\s+WeakMap\b/)).toEqual([]);
  });

  test('no module keeps a registry keyed by the database handle or the app state', () => {
    expect(
      linesMatching(['server', 'db', 'client'], /(Weak)?Map\s*<\s*(Db|Kysely|DbHandle|AppState)\b/),
    ).toEqual([]);
  });

  test('no repository settles or counts on a read: only the tally SQL itself counts', () => {
    expect(
      linesMatching(
        ['db/repositories'],
        /\b(settle|settleCounts|tallyAll|tallyPending)\s*\(/,
      ).filter((at) => !at.startsWith('db/repositories/tally.ts:')),
    ).toEqual([]);
    expect(linesMatching(['db'], /from '\.\.?\/(\.\.\/)*server\/counting/)).toEqual([]);
  });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('a repository read of counters', () => {
  test('includes every acknowledged response at once: counted in its own commit, nothing to settle', async () => {
    const t = await createTestApp();
    const { id: campaignId, links } = await createCampaign(t, {
      unitIds: ['HN-TAYHO-THCS-DONGTHAI'],
    });
    const school = (await getUnit(t.handle.db, 'HN-TAYHO-THCS-DONGTHAI'))!;
    const code = links[0]!.code;
    const post = () => submit(t, code, { clientId: randomUUID(), answers: thcsAnswers(4) });
    // No timer may run between the acknowledgement and the read: nothing counts in the background.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval'] });
    expect((await post()).status).toBe(201);
    expect((await pooledResponseTotals(t.handle.db, campaignId, school)).responses).toBe(1);
    expect((await post()).status).toBe(201);
    expect((await pooledResponseTotals(t.handle.db, campaignId, school)).responses).toBe(2);
  });
});
