/** What every target reports, whatever it measures (CONTRACT.md `GET /api/targets`). */

export const TARGET_IDS = [
  'pakn_on_time',
  'pakn_published',
  'pakn_accepted_on_time',
  'pakn_satisfaction_766',
  'survey_coverage',
  'satisfaction_index',
  'dialogue_cadence',
  'tthc_on_time',
] as const;
export type TargetId = (typeof TARGET_IDS)[number];

export interface FailingItem {
  /** The feedback item's, the unit's or the administrative file's id. */
  id: string;
  /** Tracking code, unit name or file code. */
  label: string;
  kind: 'feedback' | 'unit' | 'tthc_file';
  /** How late or how short, in Vietnamese (and English). */
  detail?: string;
  detailEn?: string;
}

/** The arithmetic of a ratio target before its target value is known. */
export interface Measure {
  numerator: number;
  denominator: number;
  /** In percent; null when nothing is counted (never 100% of nothing). */
  value: number | null;
  /** Items of the period not counted yet (still within their time limit). */
  pending: number;
  failing: FailingItem[];
  note?: { vi: string; en: string };
}

export type TargetStatus = 'met' | 'missed' | 'no_data';

export interface TargetResult extends Measure {
  id: TargetId;
  label: string;
  labelEn: string;
  target: number;
  /** value !== null && value >= target: a target without data is not met. */
  met: boolean;
  status: TargetStatus;
  /** Where `target` comes from, for people: the plan's default or the unit that set it. */
  basis?: { vi: string; en: string };
}

export const TARGET_LABELS: Record<TargetId, { vi: string; en: string }> = {
  pakn_on_time: {
    vi: 'Phản ánh, kiến nghị được giải quyết đúng hạn',
    en: 'Feedback resolved on time',
  },
  pakn_published: {
    vi: 'Kết quả giải quyết phản ánh, kiến nghị được công khai đúng hạn',
    en: 'Answers to feedback published on time',
  },
  pakn_accepted_on_time: {
    vi: 'Phản ánh, kiến nghị được tiếp nhận hoặc từ chối đúng hạn',
    en: 'Feedback accepted or refused on time',
  },
  pakn_satisfaction_766: {
    vi: 'Mức độ hài lòng về giải quyết phản ánh, kiến nghị (QĐ 766)',
    en: 'Satisfaction with feedback handling (Decision 766)',
  },
  survey_coverage: {
    vi: 'Đơn vị khảo sát đạt cỡ mẫu',
    en: 'Surveyed units reaching their sample size',
  },
  satisfaction_index: {
    vi: 'Chỉ số hài lòng: đơn vị đạt chỉ tiêu của bộ phiếu',
    en: "Satisfaction index: units meeting their questionnaire's target",
  },
  dialogue_cadence: {
    vi: 'Đối thoại định kỳ: mỗi 6 tháng ít nhất một buổi',
    en: 'Regular dialogues: at least one every six months',
  },
  tthc_on_time: {
    vi: 'Hồ sơ thủ tục hành chính được trả đúng hạn',
    en: 'Administrative files returned on time',
  },
};

/**
 * The plans' defaults: 100% for feedback and coverage, 99% for administrative files returned on
 * time (the Department's plan; an office held to 100%, as Tây Hồ's 2024 plan is, sets it). satisfaction_index counts surveyed units
 * meeting their own questionnaire's target (MOET's 85%, SIPAS's 100%: survey-formulas.ts), and
 * every one of them must.
 */
export const DEFAULT_TARGETS: Record<TargetId, number> = {
  pakn_on_time: 100,
  pakn_published: 100,
  pakn_accepted_on_time: 100,
  pakn_satisfaction_766: 100,
  survey_coverage: 100,
  satisfaction_index: 100,
  dialogue_cadence: 100,
  tthc_on_time: 99,
};

export function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? (numerator / denominator) * 100 : null;
}

export function judge(id: TargetId, m: Measure, target: number): TargetResult {
  const met = m.value !== null && m.value >= target;
  const status: TargetStatus = m.value === null ? 'no_data' : met ? 'met' : 'missed';
  const { vi, en } = TARGET_LABELS[id];
  return { id, label: vi, labelEn: en, ...m, target, met, status };
}
