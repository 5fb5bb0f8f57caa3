import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  DEFINITIONS_DIR,
  loadDefinitions,
  parseDefinition,
  SurveyDefinitionError,
} from '../../surveys/load.js';
import { syncSurveys } from '../../server/surveys.js';
import { createTestApp } from '../helpers/app.js';
import { createCampaign } from '../helpers/campaigns.js';

const likerts = (d: ReturnType<typeof loadDefinitions>[number]) =>
  d.definition.sections.flatMap((s) => s.questions).filter((q) => q.type === 'likert5');

function broken(
  mutate: (
    def: Record<string, unknown> & { sections: { questions: Record<string, unknown>[] }[] },
  ) => void,
  name = 'sipas.json',
) {
  const def = JSON.parse(readFileSync(join(DEFINITIONS_DIR, 'sipas.json'), 'utf8'));
  mutate(def);
  const dir = mkdtempSync(join(tmpdir(), 'hl-defs-'));
  writeFileSync(join(dir, name), JSON.stringify(def));
  return dir;
}

describe('the shipped questionnaire definitions', () => {
  test('all validate, each has Vietnamese and English text', () => {
    const defs = loadDefinitions();
    expect(defs.map((d) => d.definition.id).sort()).toEqual([
      'edu-mn',
      'edu-th',
      'edu-thcs',
      'edu-thpt',
      'pakn-satisfaction',
      'sipas',
      'sipas-quay',
    ]);
    for (const d of defs) {
      for (const q of d.definition.sections.flatMap((s) => s.questions))
        expect(q.text.en, `${d.file} ${q.id}`).toBeTruthy();
    }
  });

  test('SIPAS has the five factors and at least 20 criteria, the expectations list and open suggestions', () => {
    const sipas = loadDefinitions().find((d) => d.definition.id === 'sipas')!;
    expect(sipas.definition.factors.map((f) => f.id)).toEqual([
      'tiep_can',
      'thu_tuc',
      'cong_chuc',
      'ket_qua',
      'gop_y_pakn',
    ]);
    expect(likerts(sipas).length).toBeGreaterThanOrEqual(20);
    const all = sipas.definition.sections.flatMap((s) => s.questions);
    expect(all.find((q) => q.id === 'mong_doi')?.type).toBe('multi');
    expect(all.some((q) => q.type === 'text')).toBe(true);
  });

  test('each education questionnaire covers the five content groups, overall satisfaction and a target of 85', () => {
    for (const id of ['edu-mn', 'edu-th', 'edu-thcs', 'edu-thpt']) {
      const d = loadDefinitions().find((x) => x.definition.id === id)!;
      const factors = new Set(likerts(d).map((q) => q.factor));
      for (const f of ['tiep_can', 'co_so_vat_chat', 'moi_truong', 'hoat_dong_giao_duc', 'ket_qua'])
        expect(factors, `${id} ${f}`).toContain(f);
      expect(d.definition.target).toBe(85);
      expect(d.definition.kind).toBe('education');
      expect(likerts(d).some((q) => q.id === 'hai_long_chung')).toBe(true);
    }
  });

  test('the THPT questionnaire is worded for upper-secondary: career guidance, the national exam, self-management', () => {
    const d = loadDefinitions().find((x) => x.definition.id === 'edu-thpt')!;
    expect(d.definition.level).toBe('THPT');
    const texts = likerts(d).map((q) => q.text.vi);
    expect(texts.some((t) => /định hướng nghề nghiệp/.test(t))).toBe(true);
    expect(texts.some((t) => /kỳ thi tốt nghiệp trung học phổ thông/.test(t))).toBe(true);
    expect(texts.some((t) => /tự quản lý/.test(t))).toBe(true);
    const grades = d.definition.sections[0]!.questions[0]!.options!.map((o) => o.label.vi);
    expect(grades).toEqual(['Lớp 10', 'Lớp 11', 'Lớp 12']);
  });

  test('the PAKN questionnaire has the ids the feedback feature relies on', () => {
    const d = loadDefinitions().find((x) => x.definition.id === 'pakn-satisfaction')!;
    const all = d.definition.sections.flatMap((s) => s.questions);
    expect(d.definition.factors.map((f) => f.id)).toEqual(['xu_ly_pakn']);
    expect(all.find((q) => q.id === 'overall')?.type).toBe('likert5');
    expect(all.find((q) => q.id === 'complained_again')?.options?.map((o) => o.value)).toEqual([
      'yes',
      'no',
    ]);
  });
});

describe('a broken definition', () => {
  test('is rejected with the file and the field path in the message', () => {
    const dir = broken((d) => (d.sections[1]!.questions[2]!.factor = 'khong_co'));
    expect(() => loadDefinitions(dir)).toThrow(
      /sipas\.json: sections\.1\.questions\.2\.factor: Yếu tố không tồn tại: "khong_co" \/ unknown factor "khong_co"/,
    );
  });

  test('a likert question without Vietnamese text names text.vi', () => {
    const dir = broken((d) => (d.sections[2]!.questions[0]!.text = { en: 'only English' }));
    try {
      loadDefinitions(dir);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(SurveyDefinitionError);
      expect((e as SurveyDefinitionError).problems.map((p) => p.path)).toContain(
        'sections.2.questions.0.text.vi',
      );
    }
  });

  test('an id that differs from the file name, and text that is not JSON, are rejected', () => {
    expect(() => loadDefinitions(broken(() => {}, 'other.json'))).toThrow(
      /other\.json: id: "sipas" must match the file name "other"/,
    );
    expect(() => parseDefinition('x.json', '{ nope')).toThrow(/x\.json: \(root\): not valid JSON/);
  });
});

describe('versions', () => {
  test('a changed file under a stored version does not stop the start: one log line, the stored version stays', async () => {
    const t = await createTestApp({ seed: false });
    const dir = broken((d) => (d.sections[1]!.questions[0]!.text = { vi: 'Câu hỏi đã sửa' }));
    const lines: string[] = [];
    expect(
      await syncSurveys(t.handle.db, t.clock, loadDefinitions(dir), (l) => lines.push(l)),
    ).toEqual({
      inserted: [],
      kept: ['sipas@1'],
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /"sipas" version 1 is stored with different content; the stored version is kept/,
    );
    const row = await t.handle.db
      .selectFrom('surveys')
      .select('definition')
      .where('id', '=', 'sipas')
      .executeTakeFirstOrThrow();
    expect(row.definition).not.toContain('Câu hỏi đã sửa');
  });

  test('a new version is stored beside the old; a running campaign keeps the version it opened with', async () => {
    const t = await createTestApp();
    const before = await createCampaign(t, { surveyId: 'sipas' });
    const dir = broken((d) => {
      d.version = 2;
      d.sections[1]!.questions[0]!.text = { vi: 'Nơi chờ có đủ ghế ngồi.' };
    });
    expect(await syncSurveys(t.handle.db, t.clock, loadDefinitions(dir))).toEqual({
      inserted: ['sipas@2'],
      kept: [],
    });
    const after = await createCampaign(t, { surveyId: 'sipas' });
    const text = async (code: string) =>
      (await (await t.req(`/api/public/forms/${code}`)).json()).survey.sections[1].questions[0]
        .text;
    expect(await text(before.links[0]!.code)).toMatch(/Nơi ngồi chờ/);
    expect(await text(after.links[0]!.code)).toBe('Nơi chờ có đủ ghế ngồi.');
  });
});
