import { describe, expect, test } from 'vitest';
import { createTestApp } from '../helpers/app.js';

interface Effective {
  targetId: string;
  label: string;
  value: number;
  source: { kind: string; unitName?: string; inherited?: boolean; vi?: string };
  basis: { vi: string };
  own: { validFrom: string; value: number }[];
}

describe('GET /api/targets/settings/effective', () => {
  test('names where each value comes from: the plan, or the nearest unit that set it', async () => {
    const t = await createTestApp();
    const cookie = await t.login('admin@demo.vn');
    const put = (unitId: string, value: number | null) =>
      t.req('/api/targets/settings', {
        method: 'PUT',
        cookie,
        body: { unitId, targetId: 'pakn_on_time', validFrom: '2026-10-01', value },
      });
    const read = async (unitId: string) => {
      const res = await t.req(`/api/targets/settings/effective?unitId=${unitId}&on=2026-12-31`, {
        cookie,
      });
      expect(res.status).toBe(200);
      const list = (await res.json()) as Effective[];
      return list.find((x) => x.targetId === 'pakn_on_time')!;
    };

    const plan = await read('HN-TAYHO-THCS-DONGTHAI');
    expect(plan).toMatchObject({ value: 100, source: { kind: 'default' }, own: [] });
    expect(plan.label).toBe('Phản ánh, kiến nghị được giải quyết đúng hạn');
    expect(plan.source.vi).toMatch(/^Kế hoạch/);

    expect((await put('HN', 95)).status).toBe(200);
    const inherited = await read('HN-TAYHO-THCS-DONGTHAI');
    expect(inherited).toMatchObject({
      value: 95,
      source: { kind: 'setting', unitName: 'Sở Giáo dục và Đào tạo Hà Nội', inherited: true },
    });
    expect(inherited.basis.vi).toBe('Đặt tại Sở Giáo dục và Đào tạo Hà Nội từ ngày 01/10/2026');

    // The nearest unit wins, and the targets judge with the value the screen shows.
    expect((await put('HN-TAYHO', 90)).status).toBe(200);
    expect(await read('HN-TAYHO-THCS-DONGTHAI')).toMatchObject({
      value: 90,
      source: { unitName: 'Phòng GDĐT quận Tây Hồ' },
    });
    const targets = (await (
      await t.req('/api/targets?unitId=HN-TAYHO-THCS-DONGTHAI&from=2026-10-01&to=2026-12-31', {
        cookie,
      })
    ).json()) as { id: string; target: number; basis: { vi: string } }[];
    const onTime = targets.find((x) => x.id === 'pakn_on_time')!;
    expect(onTime.target).toBe(90);
    expect(onTime.basis.vi).toContain('Phòng GDĐT quận Tây Hồ');

    // Reset to inherited: removing the office's value brings back the Department's.
    expect((await read('HN-TAYHO')).own).toEqual([{ validFrom: '2026-10-01', value: 90 }]);
    expect((await put('HN-TAYHO', null)).status).toBe(200);
    expect(await read('HN-TAYHO-THCS-DONGTHAI')).toMatchObject({ value: 95 });
  });

  test('a school manager reads its own targets but not another unit’s', async () => {
    const t = await createTestApp();
    const cookie = await t.login('dongthai@demo.vn');
    const own = await t.req('/api/targets/settings/effective', { cookie });
    expect(own.status).toBe(200);
    const other = await t.req('/api/targets/settings/effective?unitId=HN-TAYHO', { cookie });
    expect([403, 404]).toContain(other.status);
  });
});

describe('validation messages', () => {
  test('every field of a 400 is explained in Vietnamese first, with the English beside it', async () => {
    const t = await createTestApp();
    const cookie = await t.login('admin@demo.vn');
    const res = await t.req('/api/targets/settings', {
      method: 'PUT',
      cookie,
      body: { unitId: 'HN', targetId: 'pakn_on_time', validFrom: '2026-13-01', value: 120 },
    });
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as {
      error: { message: string; details: { path: string; message: string; messageEn: string }[] };
    };
    expect(error.message).toBe('Dữ liệu không hợp lệ.');
    const byPath = new Map(error.details.map((d) => [d.path, d]));
    expect(byPath.get('value')!.message).toBe('Không được lớn hơn 100.');
    expect(byPath.get('validFrom')!.message).toBe('Không phải một ngày có thật.');
    for (const d of error.details) {
      expect(d.message).not.toMatch(/[a-z]{4,} [a-z]{3,}/); // no English sentence
      expect(d.messageEn).toMatch(/[a-z]/);
    }
  });
});
