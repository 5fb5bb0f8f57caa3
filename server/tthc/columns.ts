import { foldText } from '../domain/text.js';

/**
 * The one-stop system's file list, column by column: the contract's English names and the
 * Vietnamese headers the offices' exports carry, matched without regard to case, diacritics,
 * spaces or punctuation ("Ngày nhận", "NGAY NHAN" and "receivedAt" are one column).
 */
export const TTHC_COLUMNS = {
  code: {
    vi: 'Mã hồ sơ',
    names: ['code', 'Mã hồ sơ', 'Số hồ sơ', 'Mã số hồ sơ'],
  },
  procedure: {
    vi: 'Thủ tục',
    names: ['procedure', 'Thủ tục', 'Tên thủ tục', 'Thủ tục hành chính', 'Tên TTHC'],
  },
  unitId: {
    vi: 'Mã đơn vị',
    names: ['unitId', 'unit_id', 'Mã đơn vị', 'Đơn vị'],
  },
  receivedAt: {
    vi: 'Ngày nhận',
    names: ['receivedAt', 'received_at', 'Ngày nhận', 'Ngày tiếp nhận', 'Thời gian tiếp nhận'],
  },
  dueAt: {
    vi: 'Hạn trả',
    names: ['dueAt', 'due_at', 'Hạn trả', 'Hạn trả kết quả', 'Hạn xử lý', 'Ngày hẹn trả'],
  },
  returnedAt: {
    vi: 'Ngày trả',
    names: ['returnedAt', 'returned_at', 'Ngày trả', 'Ngày trả kết quả', 'Thời gian trả kết quả'],
  },
} as const;

export type TthcColumn = keyof typeof TTHC_COLUMNS;
export const TTHC_COLUMN_KEYS = Object.keys(TTHC_COLUMNS) as TthcColumn[];

/** A header as compared: no case, no diacritics, letters and digits only. */
export function headerKey(h: string): string {
  return foldText(h).replace(/[^a-z0-9]/g, '');
}

const BY_KEY = new Map<string, TthcColumn>(
  TTHC_COLUMN_KEYS.flatMap((col) => TTHC_COLUMNS[col].names.map((n) => [headerKey(n), col])),
);

/** Which column each cell position holds, or the Vietnamese reason the header row is refused. */
export function matchHeaders(
  headers: readonly unknown[],
):
  | { ok: true; positions: Map<TthcColumn, number> }
  | { ok: false; reason: string; reasonEn: string } {
  const positions = new Map<TthcColumn, number>();
  headers.forEach((h, i) => {
    const col = typeof h === 'string' ? BY_KEY.get(headerKey(h)) : undefined;
    if (col && !positions.has(col)) positions.set(col, i);
  });
  const missing = TTHC_COLUMN_KEYS.filter((c) => !positions.has(c));
  if (!missing.length) return { ok: true, positions };
  return {
    ok: false,
    reason: `Thiếu cột: ${missing.map((c) => TTHC_COLUMNS[c].vi).join(', ')}. Dòng đầu tiên phải là tiêu đề cột.`,
    reasonEn: `Missing columns: ${missing.join(', ')}. The first row must hold the column headers.`,
  };
}
