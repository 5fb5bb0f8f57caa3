import { describe, expect, test } from 'vitest';
import { getUnit, listSubtree } from '../../db/repositories/units.js';
import { importUnitsCsv } from '../../server/units-import.js';
import { createTestApp } from '../helpers/app.js';

const NOW = '2026-11-23T02:00:00.000Z';

describe('importUnitsCsv', () => {
  test('imports a new ward with its schools and updates an existing school, Vietnamese intact', async () => {
    const t = await createTestApp();
    const csv = [
      '\uFEFFid,parent_id,name,kind,level,eligible',
      'HN-PHUONG-TAYHO,HN,"UBND phường Tây Hồ",commune,,0',
      'HN-PHUONG-TAYHO-MN-HOAMI,HN-PHUONG-TAYHO,"Trường Mầm non Hoa Mi, cơ sở 2",school,mn,215',
      'HN-TAYHO-THCS-DONGTHAI,HN-TAYHO,Trường THCS Đông Thái,school,THCS,700',
    ].join('\r\n');
    const result = await importUnitsCsv(t.handle.db, csv, NOW);
    expect(result).toEqual({ ok: true, count: 3 });
    const school = await getUnit(t.handle.db, 'HN-PHUONG-TAYHO-MN-HOAMI');
    expect(school).toMatchObject({
      name: 'Trường Mầm non Hoa Mi, cơ sở 2',
      level: 'MN',
      eligible: 215,
    });
    expect(school!.path).toBe('/HN/HN-PHUONG-TAYHO/HN-PHUONG-TAYHO-MN-HOAMI/');
    expect((await getUnit(t.handle.db, 'HN-TAYHO-THCS-DONGTHAI'))!.eligible).toBe(700);
  });

  test('moving a unit moves its whole subtree', async () => {
    const t = await createTestApp();
    const csv =
      'id,parent_id,name,kind,level,eligible\nHN-TAYHO,HN-BADINH,Phòng GDĐT quận Tây Hồ,office,,0\n';
    expect((await importUnitsCsv(t.handle.db, csv, NOW)).ok).toBe(true);
    const sub = await listSubtree(t.handle.db, 'HN-BADINH');
    expect(sub.map((u) => u.id)).toContain('HN-TAYHO-THCS-DONGTHAI');
  });

  test('a file with three different errors is rejected whole, naming every bad line', async () => {
    const t = await createTestApp();
    const before = await listSubtree(t.handle.db, 'HN');
    const csv = [
      'id,parent_id,name,kind,level,eligible',
      'HN-NEW-1,HN,Trường mới,school,TH,100',
      'HN-NEW-2,HN-NOWHERE,Trường không có cha,school,TH,50',
      'HN-NEW-3,HN,Trường sai loại,academy,TH,50',
      'HN-NEW-4,HN,Trường sai số,school,THCS,-3',
    ].join('\n');
    const result = await importUnitsCsv(t.handle.db, csv, NOW);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.line)).toEqual([3, 4, 5]);
    expect(result.errors[0]!.message).toContain('HN-NOWHERE');
    expect(result.errors[1]!.message).toContain('kind');
    expect(result.errors[2]!.message).toContain('eligible');
    expect(await getUnit(t.handle.db, 'HN-NEW-1')).toBeUndefined();
    expect((await listSubtree(t.handle.db, 'HN')).length).toBe(before.length);
  });

  test('a file that makes a unit its own ancestor is refused and changes nothing', async () => {
    const t = await createTestApp();
    // HN-TAYHO is under HN: making HN a child of HN-TAYHO closes a loop.
    const csv = 'id,parent_id,name,kind,level,eligible\nHN,HN-TAYHO,Sở GDĐT Hà Nội,office,,0\n';
    const result = await importUnitsCsv(t.handle.db, csv, NOW);
    expect(result).toEqual({
      ok: false,
      errors: [{ line: 0, message: expect.stringContaining('cycle') }],
    });
    expect((await getUnit(t.handle.db, 'HN'))!.parent_id).toBeNull();
  });

  test('a file without the required columns is refused', async () => {
    const t = await createTestApp();
    const result = await importUnitsCsv(t.handle.db, 'id,name\nX,Y\n', NOW);
    expect(result).toEqual({
      ok: false,
      errors: [{ line: 1, message: expect.stringContaining('parent_id') }],
    });
  });
});
