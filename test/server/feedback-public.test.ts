import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createTestApp } from '../helpers/app.js';
import { DONGTHAI, driveTo, fileOne, filing } from '../helpers/feedback.js';

type Json = Record<string, unknown> & { error?: { code: string; details?: { path: string }[] } };

describe('POST /api/public/feedback', () => {
  test('files an item and answers with a short tracking code and the resolution deadline', async () => {
    const t = await createTestApp(); // Mon 23/11/2026 09:00 in Hanoi
    const res = await t.req('/api/public/feedback', { body: filing() });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { trackingCode: string; dueAt: string };
    expect(body.trackingCode).toMatch(/^PA-[2-9A-HJKMNP-Z]{8}$/);
    // 15 working days from Tue 24/11: 24–27/11, 30/11–4/12, 7–11/12, 14/12.
    expect(body.dueAt).toBe('2026-12-14T16:59:59.000Z');
  });

  test('a complaint gets the longer limit, and New Year’s Day does not count', async () => {
    const t = await createTestApp();
    const res = await t.req('/api/public/feedback', {
      body: filing({
        kind: 'complaint',
        contact: { name: 'Nguyễn Văn An', phone: '0912345678' },
        consent: true,
      }),
    });
    // 30 working days from Tue 24/11/2026, skipping 1/1/2027 → Tue 5/1/2027.
    expect(((await res.json()) as { dueAt: string }).dueAt).toBe('2027-01-05T16:59:59.000Z');
  });

  test('a retry with the same clientId returns the same tracking code with 200 and files nothing new', async () => {
    const t = await createTestApp();
    const clientId = '0f8fad5b-d9cb-469f-a165-70867728950e';
    const first = await t.req('/api/public/feedback', { body: filing({ clientId }) });
    const again = await t.req('/api/public/feedback', { body: filing({ clientId }) });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(((await again.json()) as Json).trackingCode).toBe(
      ((await first.json()) as Json).trackingCode,
    );
    const rows = await t.handle.db.selectFrom('feedback').select('id').execute();
    expect(rows).toHaveLength(1);
  });

  test('contact details without consent → 400 naming the consent field', async () => {
    const t = await createTestApp();
    const res = await t.req('/api/public/feedback', {
      body: filing({ contact: { phone: '0912345678' }, consent: false }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as Json;
    expect(body.error?.code).toBe('validation_failed');
    expect(body.error?.details?.map((d) => d.path)).toContain('consent');
  });

  test('an unknown category or unit → 400, never a 5xx', async () => {
    const t = await createTestApp();
    for (const body of [
      filing({ category: 'hoc_phi_moi' }),
      filing({ unitId: 'NO-SUCH-UNIT' }),
      filing({ title: '' }),
      '{"unitId":',
    ]) {
      const res = await t.req('/api/public/feedback', {
        body,
        headers: { 'content-type': 'application/json' },
      });
      expect(res.status).toBe(400);
    }
  });
});

describe('GET /api/public/feedback/:trackingCode', () => {
  test('shows the status and timeline, and the answer only once published', async () => {
    const t = await createTestApp();
    const cookie = await t.login('dongthai@demo.vn');
    const { trackingCode, id } = await fileOne(t);
    await driveTo(t, cookie, id, 'answered');
    const before = (await (await t.req(`/api/public/feedback/${trackingCode}`)).json()) as Json;
    expect(before).toMatchObject({ trackingCode, status: 'answered' });
    expect(before.answer).toBeUndefined();
    await t.req(`/api/feedback/${id}/transitions`, { body: { to: 'published' }, cookie });
    const after = (await (
      await t.req(`/api/public/feedback/${trackingCode.toLowerCase()}`)
    ).json()) as Json & {
      timeline: { status: string }[];
    };
    expect(after.answer).toBe('Nhà trường đã sửa vòi nước.');
    expect(after.timeline.map((e) => e.status)).toEqual([
      'received',
      'accepted',
      'in_progress',
      'answered',
      'published',
    ]);
  });

  test('an unknown code → 404', async () => {
    const t = await createTestApp();
    expect((await t.req('/api/public/feedback/PA-ZZZZZZZZ')).status).toBe(404);
  });
});

describe('GET /api/public/disclosures', () => {
  test('lists published answers of the unit and its schools, nothing unpublished', async () => {
    const t = await createTestApp();
    const cookie = await t.login('tayho@demo.vn');
    const published = await fileOne(t, { title: 'Đã công khai' });
    const answered = await fileOne(t, { title: 'Chưa công khai' });
    await driveTo(t, cookie, published.id, 'published');
    await driveTo(t, cookie, answered.id, 'answered');
    for (const unitId of [DONGTHAI, 'HN-TAYHO']) {
      const body = (await (await t.req(`/api/public/disclosures?unitId=${unitId}`)).json()) as {
        items: { title: string; answer: string }[];
      };
      expect(body.items.map((i) => i.title)).toEqual(['Đã công khai']);
    }
    const other = (await (await t.req('/api/public/disclosures?unitId=HN-BADINH')).json()) as {
      items: unknown[];
    };
    expect(other.items).toEqual([]);
  });
});

describe('POST /api/public/feedback/:trackingCode/rating', () => {
  test('accepts one rating, only after publication', async () => {
    const t = await createTestApp();
    const cookie = await t.login('tayho@demo.vn');
    const { trackingCode, id } = await fileOne(t);
    const url = `/api/public/feedback/${trackingCode}/rating`;
    expect((await t.req(url, { body: { overall: 4, complainedAgain: false } })).status).toBe(409);
    await driveTo(t, cookie, id, 'published');
    expect((await t.req(url, { body: { overall: 6, complainedAgain: false } })).status).toBe(400);
    expect((await t.req(url, { body: { overall: null, complainedAgain: true } })).status).toBe(201);
    expect((await t.req(url, { body: { overall: 5, complainedAgain: false } })).status).toBe(409);
    const row = await t.handle.db
      .selectFrom('feedback_ratings')
      .selectAll()
      .executeTakeFirstOrThrow();
    expect({ overall: row.overall, complained: Number(row.complained_again) }).toEqual({
      overall: null,
      complained: 1,
    });
  });
});

describe('GET /api/public/units', () => {
  test('lists every unit with id, name and kind only', async () => {
    const t = await createTestApp();
    const units = (await (await t.req('/api/public/units')).json()) as Record<string, unknown>[];
    expect(units.length).toBeGreaterThan(10);
    expect(Object.keys(units[0]!).sort()).toEqual(['id', 'kind', 'name']);
  });
});

describe('personal data never leaves through a public route or page', () => {
  test('no public JSON or HTML contains the name, phone or e-mail of any filing', async () => {
    const t = await createTestApp();
    const cookie = await t.login('admin@demo.vn');
    const contact = fc.record({
      name: fc.stringMatching(/^[A-Za-zÀ-ỹ]{4,12} [A-Za-zÀ-ỹ]{4,12}$/).map((n) => `Zq${n}`),
      phone: fc.stringMatching(/^0[0-9]{9}$/),
      email: fc.stringMatching(/^[a-z]{5,10}$/).map((u) => `${u}@mail-${u}.vn`),
    });
    const route = fc.constantFrom(
      'received',
      'in_progress',
      'waiting_citizen',
      'answered',
      'published',
      'rejected',
      'transferred',
    );
    await fc.assert(
      fc.asyncProperty(contact, route, async (c, status) => {
        const { trackingCode, id } = await fileOne(t, { contact: c, consent: true });
        await driveTo(t, cookie, id, status as Parameters<typeof driveTo>[3]);
        const urls = [
          `/api/public/feedback/${trackingCode}`,
          `/feedback/status/${trackingCode}`,
          `/api/public/disclosures?unitId=${DONGTHAI}`,
          `/api/public/disclosures?unitId=HN`,
          `/disclosures/${DONGTHAI}`,
          `/api/public/units`,
        ];
        const next = (await (await t.req(`/api/public/feedback/${trackingCode}`)).json()) as {
          transferredTo?: { trackingCode: string };
        };
        if (next.transferredTo)
          urls.push(
            `/api/public/feedback/${next.transferredTo.trackingCode}`,
            `/feedback/status/${next.transferredTo.trackingCode}`,
          );
        for (const url of urls) {
          const res = await t.req(url);
          expect(res.status).toBe(200);
          const text = await res.text();
          for (const secret of [c.name, c.phone, c.email]) expect(text, url).not.toContain(secret);
        }
        // The staff who handle it do see it: the property is not vacuous.
        const staff = await (await t.req(`/api/feedback/${id}`, { cookie })).text();
        expect(staff).toContain(c.phone);
      }),
      { numRuns: 12 },
    );
  });
});
