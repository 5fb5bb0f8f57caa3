import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createCampaign, submit } from '../helpers/campaigns.js';
import { storeTypesSurvey } from '../helpers/question-types.js';

const DONGTHAI = 'HN-TAYHO-THCS-DONGTHAI';

/** A campaign with the newer-types questionnaire; the link of Đông Thái. */
async function setUp() {
  const t = await createTestApp();
  await storeTypesSurvey(t);
  const c = await createCampaign(t, { surveyId: 'kieu-moi' });
  const code = c.links.find((l) => l.unitId === DONGTHAI)!.code;
  return { t, c, code };
}

const good = {
  so_con: 2,
  chi_phi: 1.5,
  ngay_hop: '2026-09-05',
  tinh: 'hai_phong',
  tc1: 5,
  g_tc: 2,
  g_mt: 5,
};

const answer = (t: TestApp, code: string, answers: Record<string, unknown>) =>
  submit(t, code, { clientId: crypto.randomUUID(), answers });

async function storedAnswers(t: TestApp, campaignId: string) {
  const rows = await t.handle.db
    .selectFrom('responses')
    .select('answers')
    .where('campaign_id', '=', campaignId)
    .execute();
  return rows.map((r) => JSON.parse(r.answers) as Record<string, unknown>);
}

/** The bad fields of a refused submission, path → message. */
async function refused(res: Response): Promise<Record<string, string>> {
  expect(res.status).toBe(400);
  const body = (await res.json()) as {
    error: { details: { path: string; message: string; messageEn?: string }[] };
  };
  // Vietnamese in `message`, its English in `messageEn`: read together as the schema wrote them.
  const both = (d: { message: string; messageEn?: string }) =>
    d.messageEn && d.messageEn !== d.message ? `${d.message} / ${d.messageEn}` : d.message;
  return Object.fromEntries(body.error.details.map((d) => [d.path, both(d)]));
}

describe('GET /api/public/forms/:code with the newer question types', () => {
  test("carries a grid's rows and a number's bounds for the respondent script", async () => {
    const { t, code } = await setUp();
    const body = (await (await t.req(`/api/public/forms/${code}`)).json()) as {
      survey: { sections: { questions: Record<string, unknown>[] }[] };
    };
    const [general, rating] = body.survey.sections;
    expect(general!.questions[0]).toMatchObject({ type: 'number', min: 1, max: 5, integer: true });
    expect(rating!.questions[1]).toMatchObject({
      id: 'bang',
      type: 'likert5_grid',
      rows: [
        { id: 'g_tc', factor: 'tiep_can', text: 'Thủ tục nhập học thuận tiện.' },
        { id: 'g_mt', factor: 'moi_truong', text: 'Trường an toàn, sạch đẹp.' },
      ],
    });
  });
});

describe('answers to the newer question types', () => {
  test('a number, a date, a dropdown value and grid rows keyed by row id are stored as given', async () => {
    const { t, c, code } = await setUp();
    expect((await answer(t, code, good)).status).toBe(201);
    expect(await storedAnswers(t, c.id)).toEqual([good]);
  });

  test('a number outside min/max, a decimal where a whole number is asked, are refused', async () => {
    const { t, code } = await setUp();
    expect(await refused(await answer(t, code, { ...good, so_con: 2.5 }))).toEqual({
      'answers.so_con': 'Phải là số nguyên / must be a whole number',
    });
    expect(await refused(await answer(t, code, { ...good, so_con: 6 }))).toEqual({
      'answers.so_con': 'Không được lớn hơn 5 / must be at most 5',
    });
    expect(await refused(await answer(t, code, { ...good, chi_phi: -1 }))).toEqual({
      'answers.chi_phi': 'Không được nhỏ hơn 0 / must be at least 0',
    });
    expect(await refused(await answer(t, code, { ...good, chi_phi: '3' }))).toHaveProperty(
      'answers.chi_phi',
    );
  });

  test('a date must be YYYY-MM-DD and a real calendar day', async () => {
    const { t, code } = await setUp();
    for (const d of ['2026-02-30', '05/09/2026', '2026-9-5']) {
      expect(await refused(await answer(t, code, { ...good, ngay_hop: d })), d).toEqual({
        'answers.ngay_hop':
          'Phải là một ngày có thật, dạng YYYY-MM-DD / must be a real date, YYYY-MM-DD',
      });
    }
    expect((await answer(t, code, { ...good, ngay_hop: '2028-02-29' })).status).toBe(201);
  });

  test('a dropdown value must be one of its options', async () => {
    const { t, code } = await setUp();
    expect(await refused(await answer(t, code, { ...good, tinh: 'hue' }))).toEqual({
      'answers.tinh':
        'Phải là một trong: ha_noi, hai_phong, da_nang / must be one of: ha_noi, hai_phong, da_nang',
    });
  });

  test('each grid row is a required likert5 question of its own id; the grid id is no answer', async () => {
    const { t, code } = await setUp();
    const { g_mt: _left, ...missing } = good;
    expect(await refused(await answer(t, code, { ...missing, g_tc: 6 }))).toEqual({
      'answers.g_tc':
        'Phải là số nguyên từ 1 đến 5, hoặc null nếu không ý kiến / must be an integer from 1 to 5, or null for "no opinion"',
      'answers.g_mt': 'Câu này bắt buộc trả lời / an answer is required',
    });
    expect(Object.keys(await refused(await answer(t, code, { ...good, bang: 4 })))).toEqual([
      'answers.bang',
    ]);
    expect((await answer(t, code, { ...good, g_tc: null })).status).toBe(201);
  });
});

describe('counting the newer question types', () => {
  test("a grid row counts in its row's factor, shown under its own text; a dropdown is counted as a single choice", async () => {
    const { t, c, code } = await setUp();
    for (let i = 0; i < 5; i++)
      expect((await answer(t, code, { ...good, tinh: i < 3 ? 'ha_noi' : 'da_nang' })).status).toBe(
        201,
      );
    const res = await t.req(`/api/indices?campaignId=${c.id}&unitId=${DONGTHAI}`, {
      cookie: c.cookie,
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      factors: { id: string; index: number }[];
      questions: { id: string; factor: string; index: number; text: { vi: string } }[];
      choices: { id: string; type: string; options: { value: string; n: number }[] }[];
    };
    const factor = (id: string) => body.factors.find((f) => f.id === id)?.index;
    // tiep_can: tc1 all satisfied, the grid row g_tc none; moi_truong: only the row g_mt.
    expect(factor('tiep_can')).toBe(50);
    expect(factor('moi_truong')).toBe(100);
    expect(body.questions.find((q) => q.id === 'g_tc')).toMatchObject({
      factor: 'tiep_can',
      index: 0,
      text: { vi: 'Thủ tục nhập học thuận tiện.' },
    });
    expect(body.questions.map((q) => q.id)).not.toContain('so_con');
    const tinh = body.choices.find((ch) => ch.id === 'tinh')!;
    expect(tinh.type).toBe('single');
    expect(Object.fromEntries(tinh.options.map((o) => [o.value, o.n]))).toEqual({
      ha_noi: 3,
      hai_phong: 0,
      da_nang: 2,
    });
  });

  test('the raw export has grid rows as likert columns and number, date and dropdown columns', async () => {
    const { t, c, code } = await setUp();
    for (let i = 0; i < 5; i++) expect((await answer(t, code, good)).status).toBe(201);
    const res = await t.req(`/api/campaigns/${c.id}/export?format=csv`, { cookie: c.cookie });
    expect(res.status).toBe(200);
    const text = new TextDecoder().decode(new Uint8Array(await res.arrayBuffer()).subarray(3));
    const [header, first] = parse(text) as string[][];
    const cell = (h: string) => first![header!.indexOf(h)];
    expect(cell('so_con: Số con đang học tại trường')).toBe('2');
    expect(cell('chi_phi: Chi phí mỗi tháng (triệu đồng)')).toBe('1.5');
    expect(cell('ngay_hop: Ngày họp phụ huynh gần nhất')).toBe('05/09/2026');
    expect(cell('tinh')).toBe('hai_phong');
    expect(cell('tinh: Tỉnh, thành phố nơi Ông/Bà ở')).toBe('Hải Phòng');
    expect(cell('g_tc')).toBe('2');
    expect(cell('g_mt: Trường an toàn, sạch đẹp.')).toBe('Rất hài lòng');
    expect(header).not.toContain('bang');
  });
});

/** A browser's urlencoded post of the plain form, its hidden fields taken from the page. */
async function postForm(t: TestApp, code: string, fields: Record<string, string>) {
  const page = await (await t.req(`/s/${code}`)).text();
  const hidden = (name: string) => new RegExp(`name="${name}" value="([^"]+)"`).exec(page)![1]!;
  const body = new URLSearchParams({
    _clientId: hidden('_clientId'),
    _startedAt: hidden('_startedAt'),
    ...fields,
  });
  return t.req(`/s/${code}`, {
    body: body.toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
}

describe('the no-JavaScript form', () => {
  test('draws a number input, a date input, a select with an empty first option and one fieldset per grid row', async () => {
    const { t, code } = await setUp();
    const html = await (await t.req(`/s/${code}`)).text();
    expect(html).toMatch(
      /<input type="number" name="so_con" id="i-so_con" aria-labelledby="l-so_con" inputmode="numeric" step="1" min="1" max="5"/,
    );
    expect(html).toMatch(/<input type="number" name="chi_phi"[^>]* inputmode="decimal" step="any"/);
    expect(html).toMatch(/<input type="date" name="ngay_hop"/);
    expect(html).toMatch(
      /<select name="tinh" id="i-tinh" aria-labelledby="l-tinh"><option value="">— Chọn —<\/option><option value="ha_noi">Hà Nội<\/option>/,
    );
    expect(html).toMatch(
      /<fieldset class="gr" id="q-g_tc"><legend id="l-g_tc">Thủ tục nhập học thuận tiện\.<\/legend><label class="o"><input type="radio" name="g_tc" value="5" required>/,
    );
    expect(html).toContain('<fieldset class="q g" id="q-bang">');
  });

  test('a post of every type is stored with numbers as numbers', async () => {
    const { t, c, code } = await setUp();
    const res = await postForm(t, code, {
      so_con: '3',
      chi_phi: '2,5',
      ngay_hop: '2026-10-20',
      tinh: 'da_nang',
      tc1: '4',
      g_tc: '5',
      g_mt: 'na',
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Cảm ơn Quý vị!');
    expect(await storedAnswers(t, c.id)).toEqual([
      {
        so_con: 3,
        chi_phi: 2.5,
        ngay_hop: '2026-10-20',
        tinh: 'da_nang',
        tc1: 4,
        g_tc: 5,
        g_mt: null,
      },
    ]);
  });

  test('a bad number and a missing grid row come back marked, with what was typed kept', async () => {
    const { t, c, code } = await setUp();
    const res = await postForm(t, code, {
      so_con: 'ba',
      ngay_hop: '2026-10-20',
      tinh: 'da_nang',
      tc1: '4',
      g_tc: '5',
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toMatch(/<p class="err" id="e-so_con">Câu trả lời không hợp lệ\.<\/p>/);
    expect(html).toMatch(
      /<fieldset class="gr bad" id="q-g_mt" aria-describedby="e-g_mt">.*<p class="err" id="e-g_mt">Xin chọn một câu trả lời\.<\/p><\/fieldset>/,
    );
    expect(html).toMatch(/<option value="da_nang" selected>/);
    expect(html).toMatch(/<input type="radio" name="g_tc" value="5" required checked>/);
    expect(await storedAnswers(t, c.id)).toEqual([]);
  });
});
