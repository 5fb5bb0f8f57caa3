/** A questionnaire as GET /api/surveys lists it: the fields these tests read. */
type Listed = Record<string, unknown> & { id: string };
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { prepare } from '../../server/startup.js';
import { syncSurveys } from '../../server/surveys.js';
import { DEFINITIONS_DIR, parseDefinition } from '../../surveys/load.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createCampaign, submit } from '../helpers/campaigns.js';
import { addViewer, draft, json } from '../helpers/surveys.js';

async function post(t: TestApp, cookie: string, body: unknown) {
  return t.req('/api/surveys', { cookie, body });
}
async function put(t: TestApp, cookie: string, id: string, body: unknown) {
  return t.req(`/api/surveys/${id}`, { method: 'PUT', cookie, body });
}
const reworded = (text: string) => {
  const d = draft();
  d.sections[0]!.questions[0]!.text = { vi: text };
  return d;
};

describe('POST /api/surveys', () => {
  test('stores version 1 owned by the creator’s unit; the same id again is a conflict in Vietnamese', async () => {
    const t = await createTestApp();
    const tayho = await t.login('tayho@demo.vn');
    const res = await post(t, tayho, draft());
    expect(res.status).toBe(201);
    expect(await json(res)).toMatchObject({ id: 'thpt-thu', version: 1 });

    const again = await post(t, tayho, draft());
    expect(again.status).toBe(409);
    const body = await json(again);
    expect(body.error.code).toBe('conflict');
    expect(body.error.message).toMatch(/Mã bảng hỏi "thpt-thu" đã có/);

    const list = await json<Listed[]>(await t.req('/api/surveys', { cookie: tayho }));
    expect(list.find((s) => s.id === 'thpt-thu')).toMatchObject({
      unitId: 'HN-TAYHO',
      unitName: expect.stringContaining('Tây Hồ'),
      archived: false,
      editable: true,
      usable: true,
      title: { vi: 'Phiếu khảo sát cha mẹ học sinh THPT' },
    });
  });

  test('a definition failing the schema is refused whole, every bad field named by its path', async () => {
    const t = await createTestApp();
    const d = draft();
    d.sections[0]!.questions[1]!.factor = 'khong-co';
    (d.sections[0]!.questions[2] as { options?: unknown }).options = undefined;
    const res = await post(t, await t.login('tayho@demo.vn'), d);
    expect(res.status).toBe(400);
    const body = await json(res);
    expect(body.error.code).toBe('validation_failed');
    const paths = body.error.details.map((e: { path: string }) => e.path);
    expect(paths).toContain('sections.0.questions.1.factor');
    expect(paths).toContain('sections.0.questions.2.options');
    expect(
      await t.handle.db.selectFrom('surveys').where('id', '=', 'thpt-thu').selectAll().execute(),
    ).toEqual([]);
  });

  test('a factor left without questions is refused', async () => {
    const t = await createTestApp();
    const d = draft();
    d.factors.push({ id: 'thua', title: { vi: 'Nhóm thừa' } });
    const res = await post(t, await t.login('tayho@demo.vn'), d);
    expect(res.status).toBe(400);
    // The schema itself now refuses it (surveys/schema.ts), at the factor's id.
    expect((await json(res)).error.details).toEqual([
      {
        path: 'factors.2.id',
        message: 'Yếu tố "thua" không còn câu hỏi nào',
        messageEn: 'a factor left without questions: "thua"',
      },
    ]);
  });

  test('a viewer cannot create, edit, archive or delete', async () => {
    const t = await createTestApp();
    const viewer = await addViewer(t, 'HN-TAYHO');
    expect((await post(t, viewer, draft())).status).toBe(403);
    expect((await put(t, viewer, 'sipas', draft('sipas'))).status).toBe(403);
    expect(
      (await t.req('/api/surveys/sipas/archive', { method: 'POST', cookie: viewer })).status,
    ).toBe(403);
    expect((await t.req('/api/surveys/sipas', { method: 'DELETE', cookie: viewer })).status).toBe(
      403,
    );
    expect((await t.req('/api/surveys/sipas', { cookie: viewer })).status).toBe(200);
  });
});

describe('PUT /api/surveys/:id: versions', () => {
  test('an unchanged definition keeps its version; a changed one gets the next', async () => {
    const t = await createTestApp();
    const tayho = await t.login('tayho@demo.vn');
    await post(t, tayho, draft());
    const same = await put(t, tayho, 'thpt-thu', { ...draft(), version: 7 });
    expect(same.status).toBe(200);
    expect(await json(same)).toMatchObject({ id: 'thpt-thu', version: 1, changed: false });
    const changed = await put(
      t,
      tayho,
      'thpt-thu',
      reworded('Nhà trường công khai đầy đủ thông tin.'),
    );
    expect(await json(changed)).toMatchObject({ version: 2, changed: true, warnings: [] });
    const other = await put(t, tayho, 'thpt-thu', draft('khac'));
    expect(other.status).toBe(400);
  });

  test('a running campaign keeps its version after a PUT, and its responses are checked against it', async () => {
    const t = await createTestApp();
    const tayho = await t.login('tayho@demo.vn');
    await post(t, tayho, draft());
    const campaign = await createCampaign(t, { surveyId: 'thpt-thu' });
    const code = campaign.links[0]!.code;

    const v2 = reworded('Câu đã sửa ở phiên bản 2.');
    v2.sections[0]!.questions.splice(2, 2); // drops `kenh` and `gopy`
    expect(await json(await put(t, tayho, 'thpt-thu', v2))).toMatchObject({ version: 2 });

    const form = await json(await t.req(`/api/public/forms/${code}`));
    expect(form.survey.version).toBe(1);
    expect(form.survey.sections[0].questions[0].text).toBe('Nhà trường công khai thông tin.');
    // `kenh` is gone from version 2 but the campaign still asks it.
    const ok = await submit(t, code, {
      clientId: crypto.randomUUID(),
      answers: { tc1: 4, kenh: 'hop', gopy: 'Tốt' },
    });
    expect(ok.status).toBe(201);
    const missing = await submit(t, code, {
      clientId: crypto.randomUUID(),
      answers: { kenh: 'hop' },
    });
    expect(missing.status).toBe(400);

    const detail = await json(await t.req('/api/surveys/thpt-thu', { cookie: tayho }));
    expect(detail.version).toBe(2);
    expect(detail.definition.sections[0].questions[0].text.vi).toBe('Câu đã sửa ở phiên bản 2.');
    expect(detail.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(detail.versions[1].campaigns).toEqual([{ id: campaign.id, name: 'Khảo sát thử' }]);
    expect(detail.versions[0].campaigns).toEqual([]);
    expect(detail.versions[0].createdBy.name).toBe('Phòng GDĐT Tây Hồ');

    const next = await createCampaign(t, { surveyId: 'thpt-thu' });
    const nextForm = await json(await t.req(`/api/public/forms/${next.links[0]!.code}`));
    expect(nextForm.survey.version).toBe(2);
  });

  test('dropping an option earlier answers chose is accepted with a warning', async () => {
    const t = await createTestApp();
    const tayho = await t.login('tayho@demo.vn');
    await post(t, tayho, draft());
    const { links } = await createCampaign(t, { surveyId: 'thpt-thu' });
    await submit(t, links[0]!.code, {
      clientId: crypto.randomUUID(),
      answers: { tc1: 5, kenh: 'zalo' },
    });
    const v2 = draft();
    const kenh = v2.sections[0]!.questions[2]!;
    kenh.options = kenh.options!.filter((o) => o.value === 'hop' || o.value === 'web');
    const res = await put(t, tayho, 'thpt-thu', v2);
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.version).toBe(2);
    expect(body.warnings).toEqual([
      expect.objectContaining({
        code: 'option_removed',
        path: 'sections.0.questions.2.options',
        values: ['zalo'],
      }),
    ]);
    expect(body.warnings[0].message.vi).toMatch(/đã bỏ lựa chọn "zalo"/);
  });
});

describe('GET /api/surveys/:id/diff', () => {
  test('names the reworded question, the added option and the removed question', async () => {
    const t = await createTestApp();
    const tayho = await t.login('tayho@demo.vn');
    await post(t, tayho, draft());
    const v2 = reworded('Nhà trường công khai thông tin kịp thời.');
    v2.sections[0]!.questions[2]!.options!.push({ value: 'khac', label: { vi: 'Khác' } });
    v2.sections[0]!.questions.splice(3, 1);
    await put(t, tayho, 'thpt-thu', v2);
    const diff = await json(
      await t.req('/api/surveys/thpt-thu/diff?from=1&to=2', { cookie: tayho }),
    );
    expect(diff).toMatchObject({ id: 'thpt-thu', from: 1, to: 2 });
    const byId = Object.fromEntries(diff.changes.map((c: { id: string }) => [c.id, c]));
    expect(byId.tc1).toMatchObject({
      kind: 'changed',
      target: 'question',
      fields: [
        {
          field: 'text',
          from: { vi: 'Nhà trường công khai thông tin.' },
          to: { vi: 'Nhà trường công khai thông tin kịp thời.' },
        },
      ],
    });
    expect(byId.tc1.summary.vi).toBe('Câu hỏi "tc1": sửa nội dung.');
    expect(byId.kenh.fields[0]).toMatchObject({ field: 'options', added: ['khac'], removed: [] });
    expect(byId.gopy).toMatchObject({ kind: 'removed', target: 'question' });
    expect(byId.mt1).toBeUndefined();
  });
});

describe('DELETE and archive', () => {
  test('a questionnaire no campaign uses is deleted; one in use is refused and archived instead', async () => {
    const t = await createTestApp();
    const tayho = await t.login('tayho@demo.vn');
    await post(t, tayho, draft('chua-dung'));
    expect(
      (await t.req('/api/surveys/chua-dung', { method: 'DELETE', cookie: tayho })).status,
    ).toBe(204);
    expect((await t.req('/api/surveys/chua-dung', { cookie: tayho })).status).toBe(404);

    await post(t, tayho, draft());
    const campaign = await createCampaign(t, { surveyId: 'thpt-thu' });
    const refused = await t.req('/api/surveys/thpt-thu', { method: 'DELETE', cookie: tayho });
    expect(refused.status).toBe(409);
    const body = await json(refused);
    expect(body.error.message).toMatch(/lưu trữ/);
    expect(body.error.details.campaigns).toEqual([{ id: campaign.id, name: 'Khảo sát thử' }]);

    const archived = await t.req('/api/surveys/thpt-thu/archive', {
      method: 'POST',
      cookie: tayho,
    });
    expect(await json(archived)).toEqual({ id: 'thpt-thu', archived: true });
    const usable = await json<Listed[]>(await t.req('/api/surveys?usable=true', { cookie: tayho }));
    expect(usable.map((s) => s.id)).not.toContain('thpt-thu');
    expect(usable.map((s) => s.id)).toContain('edu-thcs');
    const all = await json<Listed[]>(await t.req('/api/surveys', { cookie: tayho }));
    expect(all.find((s) => s.id === 'thpt-thu')).toMatchObject({ archived: true, usable: false });
    expect((await t.req('/api/surveys/thpt-thu', { cookie: tayho })).status).toBe(200);
    await expect(createCampaign(t, { surveyId: 'thpt-thu' })).rejects.toThrow(/409/);
    // The running campaign is untouched.
    expect((await t.req(`/api/public/forms/${campaign.links[0]!.code}`)).status).toBe(200);

    await t.req('/api/surveys/thpt-thu/unarchive', { method: 'POST', cookie: tayho });
    await createCampaign(t, { surveyId: 'thpt-thu' });
  });
});

describe('ownership and access', () => {
  test('a district’s questionnaire: its schools use it but cannot edit it; the district cannot use a school’s', async () => {
    const t = await createTestApp();
    const tayho = await t.login('tayho@demo.vn');
    const dongthai = await t.login('dongthai@demo.vn');
    await post(t, tayho, draft('cua-phong'));
    await post(t, dongthai, draft('cua-truong'));

    const schoolList = await json<Listed[]>(await t.req('/api/surveys', { cookie: dongthai }));
    expect(schoolList.find((s) => s.id === 'cua-phong')).toMatchObject({
      editable: false,
      usable: true,
    });
    expect(schoolList.find((s) => s.id === 'cua-truong')).toMatchObject({
      editable: true,
      usable: true,
    });
    expect((await put(t, dongthai, 'cua-phong', reworded('Sửa trộm'))).status).toBe(403);
    await createCampaign(t, {
      surveyId: 'cua-phong',
      as: 'dongthai@demo.vn',
      unitIds: ['HN-TAYHO-THCS-DONGTHAI'],
    });

    const districtList = await json<Listed[]>(await t.req('/api/surveys', { cookie: tayho }));
    expect(districtList.find((s) => s.id === 'cua-truong')).toMatchObject({
      editable: true,
      usable: false,
    });
    await expect(createCampaign(t, { surveyId: 'cua-truong' })).rejects.toThrow(/403/);
  });

  test('the Department’s official forms are edited only by the Department’s admins', async () => {
    const t = await createTestApp();
    const tayho = await t.login('tayho@demo.vn');
    const list = await json<Listed[]>(await t.req('/api/surveys', { cookie: tayho }));
    expect(list.find((s) => s.id === 'edu-thcs')).toMatchObject({
      unitId: 'HN',
      editable: false,
      usable: true,
    });
    const def = (await json(await t.req('/api/surveys/edu-thcs', { cookie: tayho }))).definition;
    def.title = { vi: 'Tên mới' };
    expect((await put(t, tayho, 'edu-thcs', def)).status).toBe(403);
    expect(
      (await t.req('/api/surveys/edu-thcs/archive', { method: 'POST', cookie: tayho })).status,
    ).toBe(403);
    const admin = await t.login('admin@demo.vn');
    expect(await json(await put(t, admin, 'edu-thcs', def))).toMatchObject({ version: 2 });
  });

  test('another unit’s questionnaire is neither listed nor readable', async () => {
    const t = await createTestApp();
    await post(t, await t.login('dongthai@demo.vn'), draft('cua-dong-thai'));
    const nhattan = await addViewer(t, 'HN-TAYHO-TH-NHATTAN', 'xem-nhattan@demo.vn');
    const list = await json<Listed[]>(await t.req('/api/surveys', { cookie: nhattan }));
    expect(list.map((s) => s.id)).not.toContain('cua-dong-thai');
    for (const path of ['', '/diff', '/export?format=json', '/export?format=xlsx']) {
      const res = await t.req(`/api/surveys/cua-dong-thai${path}`, { cookie: nhattan });
      expect(res.status, path).toBe(404);
      expect(await res.text()).not.toContain('Phiếu khảo sát');
    }
  });
});

describe('stored definitions that no longer validate', () => {
  test('are skipped with a log line: the list answers, and the start goes on', async () => {
    const t = await createTestApp();
    await t.handle.db
      .insertInto('surveys')
      .values({
        id: 'hong',
        version: 1,
        title: 'Hỏng',
        definition: '{"id":"hong"}',
        hash: 'x',
        created_at: t.clock().toISOString(),
      })
      .execute();
    const warn = console.warn;
    const lines: string[] = [];
    console.warn = (l: string) => lines.push(l);
    try {
      const res = await t.req('/api/surveys', { cookie: await t.login('admin@demo.vn') });
      expect(res.status).toBe(200);
      expect((await json<Listed[]>(res)).map((s) => s.id)).not.toContain('hong');
      await expect(prepare(t.handle.db, t.clock)).resolves.toBeUndefined();
    } finally {
      console.warn = warn;
    }
    expect(lines.some((l) => /"hong" version 1: stored definition is invalid/.test(l))).toBe(true);
  });
});

describe('start-up with the definition files', () => {
  const sipasFile = (mutate: (d: { version: number; title: { vi: string } }) => void) => {
    const def = JSON.parse(readFileSync(`${DEFINITIONS_DIR}/sipas.json`, 'utf8'));
    mutate(def);
    return parseDefinition('sipas.json', JSON.stringify(def));
  };

  test('a file changed under a stored version does not stop the start and does not replace a staff edit', async () => {
    const t = await createTestApp();
    const admin = await t.login('admin@demo.vn');
    const edited = (await json(await t.req('/api/surveys/sipas', { cookie: admin }))).definition;
    edited.title = { vi: 'SIPAS do Sở sửa' };
    expect(await json(await put(t, admin, 'sipas', edited))).toMatchObject({ version: 2 });

    const lines: string[] = [];
    const changed = sipasFile((d) => (d.title = { vi: 'Tệp đã sửa' }));
    const result = await syncSurveys(t.handle.db, t.clock, [changed], (l) => lines.push(l));
    expect(result).toEqual({ inserted: [], kept: ['sipas@1'] });
    expect(lines).toHaveLength(1);
    const detail = await json(await t.req('/api/surveys/sipas', { cookie: admin }));
    expect(detail.definition.title.vi).toBe('SIPAS do Sở sửa');
    expect(detail.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const v1 = await json(await t.req('/api/surveys/sipas?version=1', { cookie: admin }));
    expect(v1.definition.title.vi).not.toBe('Tệp đã sửa');

    // Only a higher version number in a file adds a version.
    const v3 = sipasFile((d) => {
      d.version = 3;
      d.title = { vi: 'Tệp phiên bản 3' };
    });
    expect(await syncSurveys(t.handle.db, t.clock, [v3], () => {})).toEqual({
      inserted: ['sipas@3'],
      kept: [],
    });
    expect((await json(await t.req('/api/surveys/sipas', { cookie: admin }))).version).toBe(3);
  });
});
