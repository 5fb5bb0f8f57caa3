import type { TQuestion, TSurveyDefinition } from '../surveys/schema.js';

/** mulberry32: deterministic, so two runs fill the same database. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUGGESTIONS = [
  'Nhà trường nên có thêm mái che ở khu vực đón trả học sinh.',
  'Đề nghị cải thiện nhà vệ sinh cho học sinh.',
  'Mong nhà trường thông báo các khoản thu sớm hơn.',
  'Bữa ăn bán trú cần thêm rau xanh.',
];

function answer(q: TQuestion, r: () => number, lean: number): unknown {
  switch (q.type) {
    case 'likert5': {
      if (r() < 0.04) return null; // "no opinion"
      const noise = (r() + r() + r() - 1.5) * 1.3;
      return Math.max(1, Math.min(5, Math.round(lean + noise)));
    }
    case 'single':
      return q.options![Math.floor(r() * q.options!.length)]!.value;
    case 'multi': {
      const chosen = q.options!.filter(() => r() < 0.22).map((o) => o.value);
      return chosen.length ? chosen : undefined;
    }
    case 'text':
      return r() < 0.08 ? SUGGESTIONS[Math.floor(r() * SUGGESTIONS.length)] : undefined;
  }
}

/** What a parent's phone sends: every required question, most optional ones, a few suggestions. */
export function realisticAnswers(
  def: TSurveyDefinition,
  r: () => number,
  lean = 4.1,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const q of def.sections.flatMap((s) => s.questions)) {
    if (q.showIf) continue;
    const a = answer(q, r, lean);
    if (a !== undefined) out[q.id] = a;
  }
  return out;
}

/** A v4-shaped uuid from the generator (zod's uuid check accepts it). */
export function uuidFrom(r: () => number): string {
  const h = Array.from({ length: 32 }, () => Math.floor(r() * 16).toString(16)).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
}
