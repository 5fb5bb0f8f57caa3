import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, test } from 'vitest';
import { createTestApp, ORIGIN } from '../helpers/app.js';
import { createCampaign, submit, thcsAnswers } from '../helpers/campaigns.js';
import { createTestDb, testDialect } from '../helpers/db.js';

/**
 * A submission is acknowledged (201) only once it is committed: at the moment the answer
 * arrives, a second connection to the database file, as another process would open it, already
 * reads the response. Deterministic, where the crash test (crash.test.ts) catches the same fault
 * by chance of a kill's timing. SQLite only: a file that a second connection can open.
 */

const dir = mkdtempSync(join(tmpdir(), 'hl-ack-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(testDialect === 'postgres')('the acknowledgement of a submission', () => {
  test('comes only when another connection can already read the response', async () => {
    const path = join(dir, 'ack.db');
    const t = await createTestApp({ handle: await createTestDb({ sqlitePath: path }) });
    const { links } = await createCampaign(t, { unitIds: ['HN-TAYHO-THCS-DONGTHAI'] });
    const code = links[0]!.code;
    const other = new Database(path, { readonly: true });
    try {
      const stored = (clientId: string) =>
        other.prepare('select id from responses where client_id = ?').get(clientId) as
          { id: string } | undefined;
      const clientIds = [randomUUID(), randomUUID(), randomUUID()];
      // Submitted together (one group commit), each checked synchronously as its answer arrives.
      const seen = await Promise.all(
        clientIds.map((clientId) =>
          submit(t, code, { clientId, answers: thcsAnswers(4) }).then((res) => ({
            status: res.status,
            row: stored(clientId),
          })),
        ),
      );
      expect(seen.map((s) => s.status)).toEqual([201, 201, 201]);
      expect(seen.map((s) => s.row !== undefined)).toEqual([true, true, true]);

      // The no-JavaScript form's thank-you page is an acknowledgement too.
      const clientId = randomUUID();
      const form = new URLSearchParams({ _clientId: clientId });
      for (const [k, v] of Object.entries(thcsAnswers(4))) form.append(k, String(v));
      const thanks = await t
        .req(`/s/${code}`, {
          body: form.toString(),
          headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN },
        })
        .then(async (res) => {
          const row = stored(clientId);
          return { row, html: await res.text() };
        });
      expect(thanks.html).toContain('Cảm ơn Quý vị!');
      expect(thanks.row).toBeDefined();
    } finally {
      other.close();
    }
  });
});
