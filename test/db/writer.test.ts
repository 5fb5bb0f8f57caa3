import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, test } from 'vitest';
import { createWriter, InlineWriter, type Writer } from '../../db/writer.js';
import { writeRecord } from '../../server/responses.js';
import { validateAnswers } from '../../server/answers.js';
import { createTestApp } from '../helpers/app.js';
import { createCampaign, storedCounters, thcsAnswers } from '../helpers/campaigns.js';
import { createTestDb, testDialect } from '../helpers/db.js';

/**
 * The submissions' writer (db/writer.ts): a batch of records in one commit with their counts,
 * each acknowledged only after that commit; a record that cannot be written fails alone. On a
 * SQLite file the writer is a thread with its own connection; on ':memory:' and PostgreSQL it
 * batches in this thread. Both are run here.
 */

const dir = mkdtempSync(join(tmpdir(), 'hl-writer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

async function setup(kind: 'thread' | 'inline') {
  const path = join(dir, `w-${++files}.db`);
  const t = await createTestApp(
    kind === 'thread' ? { handle: await createTestDb({ sqlitePath: path }) } : {},
  );
  const c = await createCampaign(t, {
    unitIds: ['HN-TAYHO-THCS-DONGTHAI', 'HN-TAYHO-THCS-TULIEN'],
  });
  const def = (await t.services.surveys.get('edu-thcs', 1))!;
  const record = (unitId: string, over: { clientId?: string; channel?: string } = {}) =>
    writeRecord({
      campaignId: c.id,
      unitId,
      definition: def,
      clientId: over.clientId ?? randomUUID(),
      answers: validateAnswers(def, thcsAnswers(4)).answers,
      submittedAt: t.clock().toISOString(),
      channel: over.channel ?? 'api',
    });
  return { t, c, path, record };
}

const kinds = testDialect === 'postgres' ? (['inline'] as const) : (['thread', 'inline'] as const);

describe.each(kinds)('the %s writer', (kind) => {
  test('a batch commits its responses and their counts together; a retry in it is the same response', async () => {
    const { t, c, record } = await setup(kind);
    const writer: Writer = t.services.writer;
    expect(writer instanceof InlineWriter).toBe(kind === 'inline');
    const clientId = randomUUID();
    const results = await Promise.all([
      writer.write(record('HN-TAYHO-THCS-DONGTHAI', { clientId })),
      writer.write(record('HN-TAYHO-THCS-TULIEN', { channel: 'kiosk' })),
      writer.write(record('HN-TAYHO-THCS-DONGTHAI', { clientId })),
    ]);
    expect(results.map((r) => r.kind)).toEqual(['created', 'created', 'duplicate']);
    expect(results[2]).toMatchObject({ id: (results[0] as { id: string }).id });
    const counted = await storedCounters(t.handle.db, c.id);
    expect(counted.responses).toEqual({
      'HN-TAYHO-THCS-DONGTHAI': [1, 0],
      'HN-TAYHO-THCS-TULIEN': [1, 0],
    });
    const byChannel = await t.handle.db
      .selectFrom('response_rollups')
      .select(['channel', 'n'])
      .where('campaign_id', '=', c.id)
      .where('unit_id', '=', 'HN-TAYHO')
      .orderBy('channel')
      .execute();
    expect(byChannel.map((r) => [r.channel, Number(r.n)])).toEqual([
      ['api', 1],
      ['kiosk', 1],
    ]);
  });

  test('a record that cannot be stored fails alone; the others of its batch are stored', async () => {
    const { t, c, record } = await setup(kind);
    const writer = t.services.writer;
    const results = await Promise.allSettled([
      writer.write(record('HN-TAYHO-THCS-DONGTHAI')),
      writer.write(record('NO-SUCH-UNIT')),
      writer.write(record('HN-TAYHO-THCS-TULIEN')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const counted = await storedCounters(t.handle.db, c.id);
    expect(Object.values(counted.responses).map((r) => r[0])).toEqual([1, 1]);
  });
});

describe.skipIf(testDialect === 'postgres')('the writer thread', () => {
  test('acknowledges only when another connection already reads the response and its counts', async () => {
    const { t, c, path, record } = await setup('thread');
    const other = new Database(path, { readonly: true });
    try {
      const seen = (id: string) => ({
        stored: other.prepare('select count(*) as n from responses where id = ?').get(id),
        counted: other
          .prepare(
            `select coalesce(sum(n), 0) as n from response_rollups where campaign_id = ? and unit_id = 'HN'`,
          )
          .get(c.id),
      });
      const records = Array.from({ length: 12 }, (_, i) =>
        record(i % 2 ? 'HN-TAYHO-THCS-DONGTHAI' : 'HN-TAYHO-THCS-TULIEN'),
      );
      // Checked synchronously at the moment each acknowledgement arrives.
      const atAck = await Promise.all(
        records.map((r) => t.services.writer.write(r).then(() => seen(r.id))),
      );
      for (const s of atAck) {
        expect(s.stored).toEqual({ n: 1 });
        expect((s.counted as { n: number }).n).toBeGreaterThanOrEqual(1);
      }
      expect(seen(records[0]!.id).counted).toEqual({ n: 12 });
    } finally {
      other.close();
    }
  });

  test('writes what was handed over before it closes', async () => {
    const { t, c, record } = await setup('thread');
    const writer = createWriter(t.handle.db, t.handle.source, 'sqlite');
    const pending = [
      writer.write(record('HN-TAYHO-THCS-DONGTHAI')),
      writer.write(record('HN-TAYHO-THCS-TULIEN')),
    ];
    await writer.close();
    expect((await Promise.all(pending)).map((r) => r.kind)).toEqual(['created', 'created']);
    expect(Object.values((await storedCounters(t.handle.db, c.id)).responses)).toHaveLength(2);
    await expect(writer.write(record('HN-TAYHO-THCS-DONGTHAI'))).rejects.toThrow();
  });
});
