import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { fillResponses } from '../../bench/generate.js';
import { createScenario } from '../../bench/scenario.js';
import { createDb } from '../../db/index.js';
import { recount, storedCounters } from '../helpers/campaigns.js';

const dir = mkdtempSync(join(tmpdir(), 'hl-bench-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The generator writes SQLite files directly (bench/ only); the counters it writes must be
// the ones the submission service would have written, or the indices benchmark measures a lie.
describe('the benchmark generator', () => {
  test('writes counters equal to a recount of the responses it stored, across two fills', async () => {
    const s = await createScenario(join(dir, 'gen.db'), { offices: 1, schoolsPerOffice: 3 });
    await fillResponses(s, 400, 1);
    await fillResponses(s, 300, 2);
    const handle = createDb(s.file);
    try {
      const stored = await storedCounters(handle.db, s.campaignId);
      const responses = Object.values(stored.responses).reduce((a, [n]) => a + n, 0);
      expect(responses).toBe(700);
      expect(stored).toEqual(await recount(handle.db, s.campaignId));
    } finally {
      await handle.close();
    }
  });
});
