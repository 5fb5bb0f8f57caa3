import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createCampaign, submit, thcsAnswers } from '../helpers/campaigns.js';

/**
 * The subtraction attack, end to end: a campaign over real submissions in which Đông Thái has
 * 3 responses and Hoa Hồng 2. Everything a manager of Tây Hồ and an admin of the Department can
 * read (indices of every unit, children, trend, targets, reports CSV/XLSX, raw exports, open
 * answers) is collected, each figure tagged with the units whose responses it pools; then no
 * difference of shown figures may reproduce a small school's answers, nor may any combination
 * of them single the school out.
 */

const OFFICE = 'HN-TAYHO';
const SMALL = 'HN-TAYHO-THCS-DONGTHAI'; // 3 responses
const SMALL_BD = 'HN-BADINH-MN-HOAHONG'; // 2 responses
/** Responses per unit; the office answers some itself (its own cell). */
const RESPONSES: Record<string, number> = {
  [OFFICE]: 9,
  [SMALL]: 3,
  'HN-TAYHO-THCS-TULIEN': 7,
  'HN-TAYHO-TH-NHATTAN': 12,
  'HN-TAYHO-TH-CHUVANAN': 20,
  'HN-BADINH-TH-KIMDONG': 9,
  'HN-BADINH-THCS-GIANGVO': 6,
  [SMALL_BD]: 2,
  'HN-CAUGIAY-TH-DICHVONGA': 8,
};
const LIKERT = Object.keys(thcsAnswers());
const PERIOD = 'from=2026-10-01&to=2026-12-31';
const secret = (unitId: string) => `BIMAT-${unitId}`;

/**
 * A varied answer set: every unit and respondent answers differently, some "no opinion" in
 * units of 12 or more (elsewhere a few "no opinion" answers would be a group of 1–4 of their
 * own, and withholding them would leave the attack below nothing to work on).
 */
function answersOf(
  unitId: string,
  i: number,
  na = (RESPONSES[unitId] ?? 0) >= 12,
): Record<string, unknown> {
  const salt = [...unitId].reduce((a, ch) => a + ch.charCodeAt(0), 0);
  const out: Record<string, unknown> = {};
  LIKERT.forEach(
    (q, k) => (out[q] = na && (i + k + salt) % 11 === 0 ? null : 1 + ((i * 7 + k * 3 + salt) % 5)),
  );
  out.gop_y = `${secret(unitId)} góp ý số ${i}`;
  return out;
}

type Dist = Record<string, number>;

/** One figure someone can read: the units whose own responses it pools, and what it shows. */
interface Figure {
  source: string;
  atoms: string[];
  dist?: Dist;
  sv?: [number, number];
}

function distOf(answerSets: Record<string, unknown>[]): Dist {
  const d: Dist = {};
  for (const a of answerSets)
    for (const q of LIKERT)
      if (typeof a[q] === 'number') d[`${q}|${a[q]}`] = (d[`${q}|${a[q]}`] ?? 0) + 1;
  return d;
}
const svOf = (d: Dist): [number, number] => {
  let s = 0;
  let v = 0;
  for (const [k, n] of Object.entries(d)) {
    v += n;
    if (k.endsWith('|4') || k.endsWith('|5')) s += n;
  }
  return [s, v];
};

async function setUp(t: TestApp) {
  const campaign = await createCampaign(t, {
    as: 'admin@demo.vn',
    unitIds: Object.keys(RESPONSES),
  });
  const truth: Record<string, Record<string, unknown>[]> = {};
  for (const [unitId, n] of Object.entries(RESPONSES)) {
    const code = campaign.links.find((l) => l.unitId === unitId)!.code;
    truth[unitId] = [];
    for (let i = 0; i < n; i++) {
      const answers = answersOf(unitId, i);
      const res = await submit(t, code, { clientId: randomUUID(), answers });
      expect(res.status, await res.clone().text()).toBe(201);
      truth[unitId].push(answers);
    }
  }
  return { campaignId: campaign.id, truth };
}

interface Tree {
  parentOf: Map<string, string | null>;
  subtree(id: string): string[];
}

async function treeOf(t: TestApp, cookie: string): Promise<Tree & { ids: string[] }> {
  const units = (await (await t.req('/api/units', { cookie })).json()) as {
    id: string;
    parentId: string | null;
  }[];
  const parentOf = new Map(units.map((u) => [u.id, u.parentId]));
  const subtree = (id: string): string[] => [
    id,
    ...units.filter((u) => u.parentId === id).flatMap((u) => subtree(u.id)),
  ];
  return { parentOf, subtree, ids: units.map((u) => u.id) };
}

/** Everything `email` can read about the campaign, as figures; and every body, for text checks. */
async function collect(
  t: TestApp,
  email: string,
  campaignId: string,
  full: Tree,
  surveyed = Object.keys(RESPONSES),
) {
  const cookie = await t.login(email);
  // Every unit whose subtree the campaign reaches (elsewhere there is nothing to read).
  const ids = (await treeOf(t, cookie)).ids.filter((id) =>
    full.subtree(id).some((u) => surveyed.includes(u)),
  );
  const figures: Figure[] = [];
  const bodies: string[] = [];
  const json = async (path: string) => {
    const res = await t.req(path, { cookie });
    expect(res.status, path).toBe(200);
    const body = await res.text();
    bodies.push(body);
    return JSON.parse(body) as Record<string, unknown> & unknown[];
  };
  const bytes = async (path: string) => {
    const res = await t.req(path, { cookie });
    expect(res.status, path).toBe(200);
    return res.arrayBuffer();
  };
  const text = async (path: string) => new TextDecoder().decode(await bytes(path));
  for (const id of ids) {
    const scope = `campaignId=${campaignId}&unitId=${id}`;
    // Indices: the distribution of every question, pooled over the unit's subtree.
    const ix = (await json(`/api/indices?${scope}`)) as unknown as {
      suppressed: boolean;
      questions: { id: string; distribution: Record<string, number> }[];
    };
    if (!ix.suppressed) {
      const dist: Dist = {};
      for (const q of ix.questions)
        for (const [v, n] of Object.entries(q.distribution)) if (n) dist[`${q.id}|${v}`] = n;
      figures.push({ source: `indices ${id}`, atoms: full.subtree(id), dist, sv: svOf(dist) });
    }
    const children = (await json(`/api/indices/children?${scope}`)) as unknown as {
      children: { id: string; index: number | null }[];
    };
    for (const c of children.children)
      if (c.index !== null)
        figures.push({ source: `children of ${id}: ${c.id}`, atoms: full.subtree(c.id) });
    const trend = (await json(
      `/api/indices/trend?surveyFamily=edu-thcs&unitId=${id}`,
    )) as unknown as { points: { index: number | null }[] };
    if (trend.points.some((p) => p.index !== null))
      figures.push({ source: `trend ${id}`, atoms: full.subtree(id) });
    // Targets: the satisfaction index's satisfied and valid answers, and the units it names.
    const targets = (await json(`/api/targets?unitId=${id}&${PERIOD}`)) as unknown as {
      id: string;
      value: number | null;
      numerator: number;
      denominator: number;
      failing: { id: string }[];
    }[];
    const sat = targets.find((x) => x.id === 'satisfaction_index')!;
    if (sat.value !== null)
      figures.push({
        source: `targets ${id}`,
        atoms: full.subtree(id),
        sv: [sat.numerator, sat.denominator],
      });
    for (const f of sat.failing)
      figures.push({ source: `targets ${id} failing ${f.id}`, atoms: [f.id] });
    await collectReports(id);
    await collectExports(id);
    const sug = (await json(`/api/indices/suggestions?${scope}&limit=100`)) as unknown as {
      items: { unitId: string }[];
    };
    for (const u of new Set(sug.items.map((i) => i.unitId)))
      figures.push({ source: `suggestions ${id}: ${u}`, atoms: [u] });
    await json(`/api/indices/quality?${scope}`);
  }

  async function collectReports(id: string) {
    const csv = await text(`/api/reports?unitId=${id}&${PERIOD}&format=csv`);
    bodies.push(csv);
    const rows = parse(csv.replace(/^\uFEFF/, ''), { relaxColumnCount: true }) as string[][];
    for (const r of rows)
      if (r.length === 10 && full.parentOf.has(r[1]!) && r[6] !== '')
        figures.push({ source: `report csv ${id}: ${r[1]}`, atoms: full.subtree(r[1]!) });
    const sat = rows.find((r) => (r[0] ?? '').startsWith('Chỉ số hài lòng'))!;
    if (sat[1] !== '')
      figures.push({
        source: `report csv ${id} target`,
        atoms: full.subtree(id),
        sv: [Number(sat[4]), Number(sat[5])],
      });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await bytes(`/api/reports?unitId=${id}&${PERIOD}&format=xlsx`));
    const units = wb.getWorksheet('Đơn vị')!;
    units.eachRow((row, n) => {
      const v = (row.values as unknown[]).slice(1);
      bodies.push(JSON.stringify(v));
      if (n > 1 && typeof v[6] === 'string' && v[6] !== '')
        figures.push({
          source: `report xlsx ${id}: ${String(v[1])}`,
          atoms: full.subtree(String(v[1])),
        });
    });
    wb.getWorksheet('Chỉ tiêu')!.eachRow((row) => {
      const v = (row.values as unknown[]).slice(1);
      if (String(v[0]).startsWith('Chỉ số hài lòng') && typeof v[1] === 'number') {
        figures.push({
          source: `report xlsx ${id} target`,
          atoms: full.subtree(id),
          sv: [Number(v[4]), Number(v[5])],
        });
      }
    });
    wb.getWorksheet('Không đạt')!.eachRow((row) =>
      bodies.push(JSON.stringify((row.values as unknown[]).slice(1))),
    );
  }

  async function collectExports(id: string) {
    const path = `/api/campaigns/${campaignId}/export?unitId=${id}`;
    const csv = await text(`${path}&format=csv`);
    bodies.push(csv);
    const [header, ...rows] = parse(csv.replace(/^\uFEFF/, ''), {
      relaxColumnCount: false,
    }) as string[][];
    exportFigures(
      `export csv ${id}`,
      header!,
      rows.filter((r) => full.parentOf.has(r[1]!)),
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await bytes(`${path}&format=xlsx`));
    const sheet = wb.getWorksheet('Phiếu trả lời')!;
    const all: string[][] = [];
    sheet.eachRow((row) =>
      all.push(
        (row.values as unknown[])
          .slice(1)
          .map((c) => (c === null || c === undefined ? '' : String(c))),
      ),
    );
    for (const s of wb.worksheets)
      s.eachRow((row) => bodies.push(JSON.stringify((row.values as unknown[]).slice(1))));
    exportFigures(`export xlsx ${id}`, all[0]!, all.slice(1));
  }

  function exportFigures(source: string, header: string[], rows: string[][]) {
    const unitCol = header.indexOf('Mã đơn vị');
    const byUnit = new Map<string, Record<string, unknown>[]>();
    for (const r of rows) {
      const answers = Object.fromEntries(
        LIKERT.map((q) => [q, r[header.indexOf(q)] === 'na' ? null : Number(r[header.indexOf(q)])]),
      );
      byUnit.set(r[unitCol]!, [...(byUnit.get(r[unitCol]!) ?? []), answers]);
    }
    for (const [u, sets] of byUnit)
      figures.push({
        source: `${source}: rows of ${u}`,
        atoms: [u],
        dist: distOf(sets),
        sv: svOf(distOf(sets)),
      });
  }

  return { figures, bodies };
}

const sameDist = (a: Dist, b: Dist) => {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => (a[k] ?? 0) === (b[k] ?? 0));
};

/**
 * Every "figure minus figures inside it" an attacker can form: for each figure A, each set of
 * other figures whose units are disjoint and inside A's, subtracted from A.
 */
function differences(
  figures: Figure[],
  pick: (f: Figure) => number[] | undefined,
): { source: string; value: number[] }[] {
  // One figure per distinct unit set (the same set read twice shows the same numbers).
  const bySet = new Map<string, Figure & { v: number[] }>();
  for (const f of figures) {
    const v = pick(f);
    const key = [...f.atoms].sort().join(',');
    if (v && !bySet.has(key)) bySet.set(key, { ...f, v });
  }
  const list = [...bySet.values()];
  const out: { source: string; value: number[] }[] = [];
  for (const a of list) {
    const inside = list.filter(
      (b) =>
        b !== a && b.atoms.every((x) => a.atoms.includes(x)) && b.atoms.length < a.atoms.length,
    );
    const walk = (from: number, used: Set<string>, value: number[], names: string[]) => {
      out.push({ source: [a.source, ...names].join(' − '), value });
      for (let i = from; i < inside.length; i++) {
        const b = inside[i]!;
        if (b.atoms.some((x) => used.has(x))) continue;
        walk(
          i + 1,
          new Set([...used, ...b.atoms]),
          value.map((n, k) => n - b.v[k]!),
          [...names, b.source],
        );
      }
    };
    walk(0, new Set(), a.v, []);
  }
  return out;
}

/** Whether the indicator of `target` lies in the span of the figures' unit sets (Gaussian elimination). */
function singledOut(figures: Figure[], atoms: string[], target: string): boolean {
  const vec = (set: string[]) => atoms.map((a) => (set.includes(a) ? 1 : 0));
  const rank = (rows: number[][]) => {
    const m = rows.map((r) => [...r]);
    let r = 0;
    for (let c = 0; c < atoms.length && r < m.length; c++) {
      const p = m.findIndex((row, i) => i >= r && Math.abs(row[c]!) > 1e-9);
      if (p < 0) continue;
      [m[r], m[p]] = [m[p]!, m[r]!];
      for (let i = 0; i < m.length; i++) {
        if (i === r) continue;
        const f = m[i]![c]! / m[r]![c]!;
        if (f !== 0) m[i] = m[i]!.map((x, k) => x - f * m[r]![k]!);
      }
      r++;
    }
    return r;
  };
  const rows = figures.map((f) => vec(f.atoms));
  return rank(rows) === rank([...rows, vec([target])]);
}

describe('small groups under a subtraction attack', () => {
  // About 250 requests, a worker thread per export on PostgreSQL: a generous limit, not a timing.
  test(
    'nothing a manager of the office or an admin of the Department reads gives away a school of 3 or 2',
    { timeout: 180_000 },
    async () => {
      const t = await createTestApp();
      const { campaignId, truth } = await setUp(t);
      const full = await treeOf(t, await t.login('admin@demo.vn'));
      const atoms = Object.keys(RESPONSES);

      for (const email of ['tayho@demo.vn', 'admin@demo.vn']) {
        const { figures, bodies } = await collect(t, email, campaignId, full);
        // The attack has material: the office's and the other schools' figures are shown.
        expect(figures.some((f) => f.source === `indices ${OFFICE}`)).toBe(true);
        expect(
          figures.some(
            (f) => f.source.startsWith('export csv') && f.atoms[0] === 'HN-TAYHO-TH-NHATTAN',
          ),
        ).toBe(true);

        for (const small of [SMALL, SMALL_BD].filter((s) =>
          full.subtree(email === 'tayho@demo.vn' ? OFFICE : 'HN').includes(s),
        )) {
          // Nothing of its own: not one of its parents' words anywhere.
          for (const body of bodies) expect(body).not.toContain(secret(small));
          // No shown figure pools it alone, and no combination of shown figures singles it out.
          expect(figures.filter((f) => f.atoms.length === 1 && f.atoms[0] === small)).toEqual([]);
          expect(singledOut(figures, atoms, small)).toBe(false);
          // And concretely, no difference of shown numbers equals its distribution or its
          // satisfied/valid answers.
          const own = distOf(truth[small]!);
          const keys = [
            ...new Set(figures.flatMap((f) => Object.keys(f.dist ?? {})).concat(Object.keys(own))),
          ].sort();
          const asVector = (d: Dist) => keys.map((k) => d[k] ?? 0);
          const dists = differences(figures, (f) => f.dist && asVector(f.dist));
          expect(dists.length).toBeGreaterThan(10);
          expect(
            dists
              .filter((d) =>
                sameDist(Object.fromEntries(keys.map((k, i) => [k, d.value[i]!])), own),
              )
              .map((d) => d.source),
          ).toEqual([]);
          const svs = differences(figures, (f) => f.sv);
          const [s, v] = svOf(own);
          expect(
            svs.filter((d) => d.value[0] === s && d.value[1] === v).map((d) => d.source),
          ).toEqual([]);
        }
      }
    },
  );

  test('a withheld school shows the same nothing on every route, and its export says why', async () => {
    const t = await createTestApp();
    const { campaignId } = await setUp(t);
    const cookie = await t.login('tayho@demo.vn');
    const get = async (path: string) =>
      (await t.req(path, { cookie })).json() as Promise<Record<string, unknown>>;
    const scope = (id: string) => `campaignId=${campaignId}&unitId=${id}`;
    // Đông Thái (3) is withheld as small, Tứ Liên (7, the next smallest) as its complement.
    for (const [id, reason] of [
      [SMALL, 'small'],
      ['HN-TAYHO-THCS-TULIEN', 'complement'],
    ] as const) {
      expect(await get(`/api/indices?${scope(id)}`)).toMatchObject({
        suppressed: true,
        suppression: reason,
        overall: { index: null },
        questions: [],
      });
      expect(await get(`/api/indices/suggestions?${scope(id)}`)).toMatchObject({
        suppressed: true,
        items: [],
      });
      const trend = (await get(`/api/indices/trend?surveyFamily=edu-thcs&unitId=${id}`)) as {
        points: unknown[];
      };
      expect(trend.points).toEqual([
        expect.objectContaining({ suppressed: true, suppression: reason, index: null }),
      ]);
      const targets = (await get(`/api/targets?unitId=${id}&${PERIOD}`)) as unknown as {
        id: string;
        value: number | null;
      }[];
      expect(targets.find((x) => x.id === 'satisfaction_index')).toMatchObject({
        value: null,
        numerator: 0,
        denominator: 0,
      });
    }
    // The ranking keeps them, with their response counts, and says why there is no index.
    const ranking = (await get(`/api/indices/children?${scope(OFFICE)}`)) as {
      children: Record<string, unknown>[];
    };
    expect(ranking.children.find((c) => c.id === SMALL)).toMatchObject({
      responses: 3,
      index: null,
      suppression: 'small',
    });
    expect(ranking.children.find((c) => c.id === 'HN-TAYHO-THCS-TULIEN')).toMatchObject({
      responses: 7,
      index: null,
      suppression: 'complement',
    });
    expect(ranking.children.find((c) => c.id === 'HN-TAYHO-TH-NHATTAN')).toMatchObject({
      responses: 12,
      suppression: null,
    });

    const res = await t.req(`/api/campaigns/${campaignId}/export?unitId=${OFFICE}&format=csv`, {
      cookie,
    });
    const rows = parse((await res.text()).replace(/^\uFEFF/, ''), {
      relaxColumnCount: false,
    }) as string[][];
    const units = rows.slice(1, -1).map((r) => r[1]);
    expect(new Set(units)).toEqual(
      new Set([OFFICE, 'HN-TAYHO-TH-NHATTAN', 'HN-TAYHO-TH-CHUVANAN']),
    );
    expect(rows.at(-1)![0]).toMatch(
      /^Ghi chú: không xuất phiếu trả lời của 2 đơn vị \(Trường THCS Đông Thái; Trường THCS Tứ Liên\)/,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      await (
        await t.req(`/api/campaigns/${campaignId}/export?unitId=${OFFICE}&format=xlsx`, { cookie })
      ).arrayBuffer(),
    );
    expect(String(wb.getWorksheet('Ghi chú')!.getCell('A1').value)).toContain(
      'Trường THCS Đông Thái',
    );

    // The report's unit table keeps the row and says why the index is missing.
    const report = parse(
      (
        await (await t.req(`/api/reports?unitId=${OFFICE}&${PERIOD}&format=csv`, { cookie })).text()
      ).replace(/^\uFEFF/, ''),
      {
        relaxColumnCount: true,
      },
    ) as string[][];
    const row = report.find((r) => r[1] === SMALL)!;
    const schoolReport = parse(
      (
        await (await t.req(`/api/reports?unitId=${SMALL}&${PERIOD}&format=csv`, { cookie })).text()
      ).replace(/^\uFEFF/, ''),
      { relaxColumnCount: true },
    ) as string[][];
    // The school's own report: its satisfaction target says it is withheld, not merely missing.
    expect(
      schoolReport.find((r) => (r[0] ?? '').startsWith('Chỉ số hài lòng'))!.slice(1, 6),
    ).toEqual(['', '100', expect.stringContaining('Không hiển thị'), '0', '0']);
    expect([row[3], row[6], row[7], row[9]]).toEqual([
      '3',
      '',
      '',
      expect.stringContaining('giữ ẩn danh'),
    ]);
  });
});

describe('a complement whose parents all answered one question "no opinion"', () => {
  const QUANGAN = 'HN-TAYHO-MN-QUANGAN'; // 3 responses: withheld
  const NHATTAN = 'HN-TAYHO-TH-NHATTAN'; // 10, all "no opinion" on Q: the complement by responses
  const DONGTHAI = 'HN-TAYHO-THCS-DONGTHAI'; // 20
  const Q = 'tc2';

  test(
    "no difference of shown figures gives away the small school's answers to that question",
    { timeout: 180_000 },
    async () => {
      const t = await createTestApp();
      const campaign = await createCampaign(t, {
        as: 'admin@demo.vn',
        unitIds: [QUANGAN, NHATTAN, DONGTHAI],
      });
      const plan: [string, number, (i: number) => number | null][] = [
        [QUANGAN, 3, (i) => [1, 1, 5][i]!],
        [NHATTAN, 10, () => null],
        [DONGTHAI, 20, (i) => (i % 2 ? 2 : 4)],
      ];
      const truth: Record<string, Record<string, unknown>[]> = {};
      for (const [unitId, n, q] of plan) {
        const code = campaign.links.find((l) => l.unitId === unitId)!.code;
        truth[unitId] = [];
        for (let i = 0; i < n; i++) {
          const answers = { ...answersOf(unitId, i, false), [Q]: q(i) };
          const res = await submit(t, code, { clientId: randomUUID(), answers });
          expect(res.status, await res.clone().text()).toBe(201);
          truth[unitId].push(answers);
        }
      }
      const full = await treeOf(t, await t.login('admin@demo.vn'));
      const surveyed = plan.map(([u]) => u);
      // Quảng An's answers to Q: what office − Đông Thái gave before Đông Thái was withheld too.
      const ofQ = (d: Dist) =>
        Object.fromEntries(Object.entries(d).filter(([k]) => k.startsWith(`${Q}|`)));
      const own = ofQ(distOf(truth[QUANGAN]!));
      expect(own).toEqual({ [`${Q}|1`]: 2, [`${Q}|5`]: 1 });

      for (const email of ['tayho@demo.vn', 'admin@demo.vn']) {
        const { figures } = await collect(t, email, campaign.id, full, surveyed);
        // The office's figures are shown, with Quảng An's answers to Q pooled in them.
        const office = figures.find((f) => f.source === 'indices HN-TAYHO')!;
        expect(ofQ(office.dist!)).toEqual({
          [`${Q}|1`]: 2,
          [`${Q}|2`]: 10,
          [`${Q}|4`]: 10,
          [`${Q}|5`]: 1,
        });
        const keys = [...new Set(figures.flatMap((f) => Object.keys(ofQ(f.dist ?? {}))))].sort();
        const dists = differences(figures, (f) => f.dist && keys.map((k) => ofQ(f.dist!)[k] ?? 0));
        expect(
          dists
            .filter((d) => sameDist(Object.fromEntries(keys.map((k, i) => [k, d.value[i]!])), own))
            .map((d) => d.source),
        ).toEqual([]);
        expect(singledOut(figures, Object.keys(truth), QUANGAN)).toBe(false);
      }

      // What a manager sees: Đông Thái is withheld too, as a complement, with its count kept.
      const cookie = await t.login('tayho@demo.vn');
      const ranking = (await (
        await t.req(`/api/indices/children?campaignId=${campaign.id}&unitId=HN-TAYHO`, { cookie })
      ).json()) as { children: Record<string, unknown>[] };
      expect(
        Object.fromEntries(
          ranking.children
            .filter((c) => surveyed.includes(c.id as string))
            .map((c) => [c.id, [c.responses, c.suppression]]),
        ),
      ).toEqual({
        [QUANGAN]: [3, 'small'],
        [NHATTAN]: [10, 'complement'],
        [DONGTHAI]: [20, 'complement'],
      });
    },
  );
});
