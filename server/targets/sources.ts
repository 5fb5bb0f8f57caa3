import type { TargetId } from './types.js';

/** MOET's target for parents' satisfaction (2034/QĐ-BGDĐT): a questionnaire declaring none. */
export const MOET_SATISFACTION_TARGET = 85;

/**
 * The satisfaction target a campaign's figures are judged against: its questionnaire's own, else
 * MOET's 85%. The overview, the trend, the targets and every report read it from here, so a
 * figure is never judged against 100% in one place and 85% in another.
 */
export function questionnaireTarget(def: { target?: number | undefined }): number {
  return def.target ?? MOET_SATISFACTION_TARGET;
}

/** Where each target's default comes from, as the settings screen and the report name it. */
export const DEFAULT_SOURCES: Record<TargetId, { vi: string; en: string }> = {
  pakn_on_time: {
    vi: 'Kế hoạch CCHC của Sở GDĐT: 100% phản ánh, kiến nghị được giải quyết đúng hạn',
    en: "The Department's reform plan: 100% of feedback resolved on time",
  },
  pakn_published: {
    vi: 'Kế hoạch CCHC của Sở GDĐT: 100% kết quả giải quyết được công khai',
    en: "The Department's reform plan: 100% of answers published",
  },
  pakn_accepted_on_time: {
    vi: 'Kế hoạch CCHC của Sở GDĐT: 100% phản ánh, kiến nghị được tiếp nhận đúng hạn',
    en: "The Department's reform plan: 100% of feedback accepted on time",
  },
  pakn_satisfaction_766: {
    vi: 'Kế hoạch CCHC của Sở GDĐT theo Quyết định 766/QĐ-TTg: 100%',
    en: "The Department's reform plan under Decision 766/QĐ-TTg: 100%",
  },
  survey_coverage: {
    vi: 'Kế hoạch CCHC của Sở GDĐT: mọi đơn vị được khảo sát đạt cỡ mẫu',
    en: "The Department's reform plan: every surveyed unit reaches its sample size",
  },
  satisfaction_index: {
    vi:
      'Kế hoạch CCHC của Sở GDĐT: mọi đơn vị đạt chỉ tiêu của bộ phiếu — 85% với phiếu cha mẹ học ' +
      'sinh (Bộ GDĐT, Quyết định 2034/QĐ-BGDĐT), 100% với phiếu SIPAS (Kế hoạch)',
    en:
      "The Department's reform plan: every unit meets its questionnaire's target — 85% for the " +
      "parents' forms (MOET, Decision 2034/QĐ-BGDĐT), 100% for SIPAS (the plan)",
  },
  dialogue_cadence: {
    vi: 'Kế hoạch CCHC của Sở GDĐT: Sở và các phòng GDĐT đối thoại với người dân định kỳ 6 tháng một lần',
    en: "The Department's reform plan: the Department and its offices hold a dialogue every six months",
  },
  tthc_on_time: {
    vi:
      'Kế hoạch CCHC của Sở GDĐT: ít nhất 99% hồ sơ thủ tục hành chính trả đúng hạn ' +
      '(Kế hoạch năm 2024 của Phòng GDĐT Tây Hồ: 100%)',
    en:
      "The Department's reform plan: at least 99% of administrative files returned on time " +
      "(Tây Hồ office's 2024 plan: 100%)",
  },
};
