import type { FeedbackStats, ReportModel } from './model.js';
import { formatVnDate, formatVnDateTime } from '../domain/vn-time.js';

/**
 * The report as a list of tables, one per section: the XLSX sheets, the CSV sections and the
 * printed tables all come from here, so the three downloads never disagree.
 */

export type Cell = string | number | null;

export interface ReportTable {
  /** Sheet name (≤ 31 characters, no []:*?/\). */
  sheet: string;
  title: string;
  headers: string[];
  rows: Cell[][];
  /** Excel number format per column ('0.0' for percentages); undefined for text or counts. */
  formats: (string | undefined)[];
  /** A sentence printed under the title: what the figures mean. */
  note?: string;
  /** Columns for spreadsheets and scripts only (codes), left out of the signed print copy. */
  codeColumns?: number[];
}

/** What the two indices of a unit mean, wherever both are shown. */
export const POOLED_VS_WEIGHTED =
  'Chỉ số gộp: mỗi câu trả lời được tính một lần, nên trường có nhiều phiếu hơn có trọng số lớn hơn. ' +
  'Chỉ số theo quy mô trường: mỗi trường được tính theo số đối tượng khảo sát của trường.';

const vi1 = (x: number) =>
  x.toLocaleString('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** "83,0% (75,2–89,4)": an index with its 95% interval bounds; null without an index. */
export function withInterval(
  index: number | null,
  low: number | null,
  high: number | null,
): string | null {
  if (index === null) return null;
  return low === null || high === null
    ? `${vi1(index)}%`
    : `${vi1(index)}% (${vi1(low)}–${vi1(high)})`;
}

const PCT = '0.0';
/** A percentage as people read it: one decimal, never 66.66666666666666. */
const round1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);
const WITHHELD =
  'Không hiển thị chỉ số để giữ ẩn danh cho phụ huynh (nhóm dưới 5 phiếu, hoặc ẩn kèm để không suy ra được nhóm đó)';
const STILL_OPEN = 'Đợt khảo sát chưa kết thúc: số liệu tạm tính đến lúc lập báo cáo';
const yesNo = (b: boolean, noData: boolean) =>
  noData ? 'Chưa có dữ liệu' : b ? 'Đạt' : 'Không đạt';

function feedbackRows(list: readonly FeedbackStats[], group: string): Cell[][] {
  return list.map((s) => [
    group,
    s.label,
    s.received,
    s.resolvedOnTime,
    s.resolvedLate,
    s.openOverdue,
    s.published,
  ]);
}

/** The targets and how each did. */
function targetsTable(m: ReportModel): ReportTable {
  return {
    sheet: 'Chỉ tiêu',
    title: 'Kết quả thực hiện chỉ tiêu',
    headers: [
      'Chỉ tiêu',
      'Kết quả (%)',
      'Chỉ tiêu (%)',
      'Đánh giá',
      'Tử số',
      'Mẫu số',
      'Chưa đến hạn tính',
      'Căn cứ chỉ tiêu',
    ],
    rows: m.targets.map((t) => [
      t.label,
      round1(t.value),
      t.target,
      t.note ? t.note.vi : yesNo(t.met, t.value === null),
      t.numerator,
      t.denominator,
      t.pending,
      t.basis?.vi ?? null,
    ]),
    formats: [undefined, PCT, PCT],
  };
}

/** Every item that failed a target, so it can be followed up. */
function failingTable(m: ReportModel): ReportTable {
  return {
    sheet: 'Không đạt',
    title: 'Các trường hợp không đạt chỉ tiêu',
    headers: ['Chỉ tiêu', 'Mã phiếu / đơn vị / mã hồ sơ', 'Chi tiết'],
    rows: m.targets.flatMap((t) => t.failing.map((f) => [t.label, f.label, f.detail ?? null])),
    formats: [],
  };
}

/** Each child unit per campaign: responses, sample, indices with their intervals. */
function unitsTable(m: ReportModel): ReportTable {
  return {
    sheet: 'Đơn vị',
    title: 'Chỉ số hài lòng và số phiếu theo đơn vị và đợt khảo sát',
    note: POOLED_VS_WEIGHTED,
    codeColumns: [1],
    headers: [
      'Đợt khảo sát',
      'Mã đơn vị',
      'Đơn vị',
      'Số phiếu',
      'Số đối tượng',
      'Cỡ mẫu cần đạt',
      'Chỉ số gộp (khoảng tin cậy 95%)',
      'Chỉ số theo quy mô trường (khoảng tin cậy 95%)',
      'Đủ cỡ mẫu',
      'Ghi chú',
    ],
    rows: m.children.map((c) => [
      c.campaign,
      c.id,
      c.name,
      c.responses,
      c.eligible,
      c.sample,
      withInterval(c.index, c.low, c.high),
      c.weighted && withInterval(c.weighted.index, c.weighted.low, c.weighted.high),
      c.reached === null ? null : c.reached ? 'Có' : 'Không',
      [c.withheld ? WITHHELD : null, c.open ? STILL_OPEN : null].filter(Boolean).join('. ') || null,
    ]),
    formats: [],
  };
}

/** Feedback received and resolved, in total, by kind and by category. */
function feedbackTable(m: ReportModel): ReportTable {
  return {
    sheet: 'Phản ánh kiến nghị',
    title: 'Tình hình tiếp nhận, giải quyết phản ánh, kiến nghị',
    headers: [
      'Nhóm',
      'Loại',
      'Tiếp nhận trong kỳ',
      'Giải quyết đúng hạn',
      'Giải quyết trễ hạn',
      'Quá hạn chưa giải quyết',
      'Đã công khai',
    ],
    rows: [
      ...feedbackRows([m.feedback.total], 'Tổng số'),
      ...feedbackRows(m.feedback.byKind, 'Theo hình thức'),
      ...feedbackRows(m.feedback.byCategory, 'Theo lĩnh vực'),
    ],
    formats: [],
  };
}

export function reportTables(m: ReportModel): ReportTable[] {
  return [targetsTable(m), failingTable(m), unitsTable(m), feedbackTable(m)];
}

export function reportHeading(m: ReportModel): string[] {
  return [
    `Báo cáo kết quả khảo sát sự hài lòng và giải quyết phản ánh, kiến nghị`,
    `Đơn vị: ${m.unit.name}`,
    `Kỳ báo cáo: ${formatVnDate(m.period.from)} – ${formatVnDate(m.period.to)}`,
    `Lập lúc: ${formatVnDateTime(m.generatedAt)}`,
  ];
}
