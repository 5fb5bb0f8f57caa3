import { recordResponseIn } from '../../server/responses.js';
import { allQuestions, getDefinition, syncSurveys } from '../../server/surveys.js';
import type { Answers } from '../../server/answers.js';
import type { TQuestion, TSurveyDefinition } from '../../surveys/schema.js';
import { newCode } from '../../db/ids.js';
import { insertCampaign } from '../../db/repositories/campaigns.js';
import type { Campaign } from '../../db/schema.js';
import type { SeedContext, SeedStep } from './demo.js';
import { DEMO_UNITS } from './units.js';

/** Fixed ids, so the demo can be linked to and tests can find the seeded campaigns. */
export const DEMO_CAMPAIGNS = {
  previous: { MN: 'demo-2025-2026-mn', TH: 'demo-2025-2026-th', THCS: 'demo-2025-2026-thcs' },
  open: 'demo-sipas-2026',
} as const;

const DAY = 86_400_000;

/** mulberry32: a small deterministic PRNG, so the demo looks the same on every install. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
type Rand = ReturnType<typeof prng>;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const hash = (s: string) =>
  [...s].reduce((h, ch) => Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0, 2166136261);

/** How each school and factor leans: schools differ, facilities score lowest, the environment highest. */
const FACTOR_LEAN: Record<string, number> = {
  co_so_vat_chat: -0.35,
  tiep_can: -0.1,
  moi_truong: 0.25,
  hoat_dong_giao_duc: 0.1,
  ket_qua: 0,
  chung: 0.05,
  thu_tuc: -0.2,
  cong_chuc: 0.15,
  gop_y_pakn: -0.35,
};
const schoolLean = (unitId: string) => ((hash(unitId) % 1000) / 1000) * 1.1 - 0.65;

const SUGGESTIONS = [
  'Nhà trường nên có thêm mái che ở khu vực đón trả học sinh.',
  'Đề nghị cải thiện nhà vệ sinh cho học sinh.',
  'Mong nhà trường thông báo các khoản thu sớm hơn.',
  'Cô giáo rất tận tâm, gia đình cảm ơn nhà trường.',
  'Bữa ăn bán trú cần thêm rau xanh.',
  'Nên giảm bớt giấy tờ khi làm thủ tục chuyển trường.',
  'Đề nghị mở thêm dịch vụ công trực tuyến để không phải đến trực tiếp.',
  'Sân trường nóng vào mùa hè, cần trồng thêm cây.',
];

function likert(r: Rand, mean: number): number | null {
  if (r() < 0.04) return null;
  const noise = (r() + r() + r() - 1.5) * 1.3; // roughly normal, sd ≈ 0.65
  return Math.max(1, Math.min(5, Math.round(mean + noise)));
}

function answerFor(q: TQuestion, r: Rand, base: number, a: Answers): void {
  if (q.type === 'likert5') a[q.id] = likert(r, base + (FACTOR_LEAN[q.factor!] ?? 0));
  else if (q.type === 'single') {
    if (q.required || r() < 0.8)
      a[q.id] = q.id === 'da_phan_anh' ? (r() < 0.2 ? 'co' : 'khong') : pick(r, q.options!).value;
  } else if (q.type === 'multi') {
    const chosen = q.options!.filter(() => r() < 0.22).map((o) => o.value);
    if (chosen.length) a[q.id] = chosen;
  } else if (r() < 0.08) a[q.id] = pick(r, SUGGESTIONS);
}

/** One plausible response; hidden conditional questions left out as the form would. */
function makeAnswers(def: TSurveyDefinition, r: Rand, base: number): Answers {
  const a: Answers = {};
  for (const q of allQuestions(def)) {
    if (q.showIf && !q.showIf.in.map(String).includes(String(a[q.showIf.question]))) continue;
    answerFor(q, r, base, a);
  }
  return a;
}

async function addCampaign(
  ctx: SeedContext,
  c: Omit<Campaign, 'created_by' | 'access' | 'owner_unit_id' | 'created_at' | 'archived_at'>,
  unitIds: string[],
) {
  const campaign: Campaign = {
    ...c,
    access: 'link',
    owner_unit_id: 'HN',
    created_by: null,
    created_at: c.opens_at,
    archived_at: null,
  };
  await insertCampaign(
    ctx.db,
    campaign,
    unitIds.map((unit_id) => ({ unit_id, code: newCode() })),
  );
  return campaign;
}

interface Fill {
  db: SeedContext['db'];
  campaign: Campaign;
  def: TSurveyDefinition;
  unitId: string;
  count: number;
  from: number;
  to: number;
  r: Rand;
  base?: number;
}

async function fill({ db, campaign, def, unitId, count, from, to, r, base }: Fill): Promise<void> {
  const lean = base ?? 4.3 + schoolLean(unitId);
  for (let i = 0; i < count; i++) {
    const answers = makeAnswers(def, r, lean);
    const submitted = from + r() * (to - from);
    // ~3% rushed through (under 2 s per answer); the rest took 2–9 minutes.
    const duration = r() < 0.03 ? 15_000 + r() * 20_000 : 120_000 + r() * 420_000;
    await recordResponseIn(db, {
      campaignId: campaign.id,
      unitId,
      definition: def,
      clientId: uuidFrom(r),
      answers,
      startedAt: new Date(submitted - duration).toISOString(),
      submittedAt: new Date(submitted).toISOString(),
      channel: 'seed',
    });
  }
}

function uuidFrom(r: Rand): string {
  const h = Array.from({ length: 32 }, () => Math.floor(r() * 16).toString(16)).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
}

async function seedCampaigns(c: SeedContext): Promise<void> {
  await syncSurveys(c.db, c.clock);
  const r = prng(20262027);
  const schools = DEMO_UNITS.filter((u) => u.kind === 'school');

  // Last school year: the parents' survey per level, closed on 31 May 2026 (end of day in Hanoi).
  const opens = Date.parse('2026-04-15T01:00:00Z');
  const closes = Date.parse('2026-05-31T16:59:59Z');
  for (const level of ['MN', 'TH', 'THCS'] as const) {
    const def = (await getDefinition(c.db, `edu-${level.toLowerCase()}`, 1))!;
    const units = schools.filter((s) => s.level === level);
    const campaign = await addCampaign(
      c,
      {
        id: DEMO_CAMPAIGNS.previous[level],
        survey_id: def.id,
        survey_version: def.version,
        name: `Khảo sát sự hài lòng của cha mẹ học sinh năm học 2025–2026 (${level})`,
        opens_at: new Date(opens).toISOString(),
        closes_at: new Date(closes).toISOString(),
      },
      units.map((u) => u.id),
    );
    for (const u of units) {
      const count = Math.round(u.eligible! * (0.1 + r() * 0.12));
      await fill({ db: c.db, campaign, def, unitId: u.id, count, from: opens, to: closes, r });
    }
  }

  // This year: SIPAS over every school, opened five days ago, closing in four weeks.
  const now = c.clock().getTime();
  const sipas = (await getDefinition(c.db, 'sipas', 1))!;
  const open = await addCampaign(
    c,
    {
      id: DEMO_CAMPAIGNS.open,
      survey_id: 'sipas',
      survey_version: sipas.version,
      name: 'Khảo sát mức độ hài lòng về sự phục vụ hành chính (SIPAS) năm 2026',
      opens_at: new Date(now - 5 * DAY).toISOString(),
      closes_at: new Date(now + 28 * DAY).toISOString(),
    },
    schools.map((u) => u.id),
  );
  for (const u of schools) {
    // One school has not started collecting: coverage shows the gap.
    if (u.id === 'HN-CAUGIAY-MN-HOASEN') continue;
    const count = Math.round(u.eligible! * (0.02 + r() * 0.06));
    await fill({
      db: c.db,
      campaign: open,
      def: sipas,
      unitId: u.id,
      count,
      from: now - 5 * DAY,
      to: now - 60_000,
      r,
    });
  }
  await burst(c.db, open, sipas, now);
}

/** 24 near-identical all-5 responses at one school within ten minutes: what quality checks should flag. */
async function burst(
  db: SeedContext['db'],
  campaign: Campaign,
  def: TSurveyDefinition,
  now: number,
): Promise<void> {
  const r = prng(7);
  const at = now - 2 * DAY;
  for (let i = 0; i < 24; i++) {
    const answers: Answers = {};
    for (const q of allQuestions(def)) if (q.type === 'likert5' && !q.showIf) answers[q.id] = 5;
    answers.da_phan_anh = 'khong';
    const submitted = at + i * 25_000;
    await recordResponseIn(db, {
      campaignId: campaign.id,
      unitId: 'HN-TAYHO-TH-XUANLA',
      definition: def,
      clientId: uuidFrom(r),
      answers,
      startedAt: new Date(submitted - 20_000).toISOString(),
      submittedAt: new Date(submitted).toISOString(),
      channel: 'seed',
    });
  }
}

export const CAMPAIGNS_STEP: SeedStep = {
  name: 'survey campaigns and responses',
  run: seedCampaigns,
};
