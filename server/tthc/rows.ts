import { endOfVnDay, formatVnDate, vnDate } from '../domain/vn-time.js';
import type { TthcColumn } from './columns.js';

/**
 * One line of the file list checked on its own: each field, with every problem said in
 * Vietnamese (and English). Dates are accepted as the offices' exports write them:
 * 'YYYY-MM-DD', an ISO time with or without its zone, 'dd/mm/yyyy' with or without 'hh:mm', or
 * an Excel date cell; a time without a zone is Vietnam's (UTC+7).
 */

/** A cell as a reader hands it over: text, an Excel date or number, or nothing. */
export type Cell = string | number | Date | null | undefined;

export interface FileRow {
  code: string;
  procedure: string;
  unitId: string;
  receivedAt: string;
  /** The end of the due day in Vietnam: the limit runs to 24:00 of that day. */
  dueAt: string;
  returnedAt: string | null;
}

export interface Problem {
  vi: string;
  en: string;
}

const OFFSET_MS = 7 * 60 * 60 * 1000;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** y-m-d h:m:s read on a clock in Vietnam, as an ISO UTC instant; null when no such moment. */
function vnInstant(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): string | null {
  const t = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  const back = new Date(t);
  if (
    back.getUTCFullYear() !== y ||
    back.getUTCMonth() !== mo - 1 ||
    back.getUTCDate() !== d ||
    h > 23 ||
    mi > 59 ||
    s > 59 ||
    y < 1990 ||
    y > 2100
  )
    return null;
  return new Date(t - OFFSET_MS).toISOString();
}

const ISO_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;
const VN_RE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** A cell as an instant (ISO UTC), or null when it is not a date this import reads. */
export function readInstant(cell: Cell): string | null {
  if (cell instanceof Date) {
    // Excel stores a wall-clock time without a zone; exceljs hands it over as if it were UTC.
    if (!Number.isFinite(cell.getTime())) return null;
    return new Date(cell.getTime() - OFFSET_MS).toISOString();
  }
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell) || cell < 1 || cell > 100_000) return null;
    return new Date(EXCEL_EPOCH_MS + Math.round(cell * 86_400_000) - OFFSET_MS).toISOString();
  }
  const text = (cell ?? '').trim();
  const iso = ISO_RE.exec(text);
  if (iso) {
    const [, y, mo, d, h, mi, s, frac, zone] = iso;
    const ms = frac ? Number(frac.slice(0, 3).padEnd(3, '0')) : 0;
    const local = vnInstant(+y!, +mo!, +d!, +(h ?? 0), +(mi ?? 0), +(s ?? 0), ms);
    if (!local || !zone) return local;
    // The wall time read as UTC, then moved by the zone it was written in.
    const asUtc = Date.parse(local) + OFFSET_MS;
    if (zone.toUpperCase() === 'Z') return new Date(asUtc).toISOString();
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offset = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
    return new Date(asUtc - offset).toISOString();
  }
  const vn = VN_RE.exec(text);
  if (vn) {
    const [, d, mo, y, h, mi, s] = vn;
    return vnInstant(+y!, +mo!, +d!, +(h ?? 0), +(mi ?? 0), +(s ?? 0));
  }
  return null;
}

function text(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString();
  return String(cell).trim();
}

const LABEL: Record<TthcColumn, Problem> = {
  code: { vi: 'Mã hồ sơ', en: 'code' },
  procedure: { vi: 'Thủ tục', en: 'procedure' },
  unitId: { vi: 'Mã đơn vị', en: 'unitId' },
  receivedAt: { vi: 'Ngày nhận', en: 'receivedAt' },
  dueAt: { vi: 'Hạn trả', en: 'dueAt' },
  returnedAt: { vi: 'Ngày trả', en: 'returnedAt' },
};

function dateOf(
  col: 'receivedAt' | 'dueAt' | 'returnedAt',
  cell: Cell,
  problems: Problem[],
): string | null {
  if (text(cell) === '') {
    if (col !== 'returnedAt')
      problems.push({ vi: `thiếu ${LABEL[col].vi}`, en: `${LABEL[col].en} is empty` });
    return null;
  }
  const at = readInstant(cell);
  if (at === null) {
    problems.push({
      vi: `${LABEL[col].vi} "${text(cell).slice(0, 40)}" không phải là ngày (viết dd/mm/yyyy hoặc yyyy-mm-dd)`,
      en: `${LABEL[col].en} "${text(cell).slice(0, 40)}" is not a date (write dd/mm/yyyy or yyyy-mm-dd)`,
    });
  }
  return at;
}

function required(
  col: 'code' | 'procedure' | 'unitId',
  cell: Cell,
  max: number,
  problems: Problem[],
) {
  const v = text(cell);
  if (!v) problems.push({ vi: `thiếu ${LABEL[col].vi}`, en: `${LABEL[col].en} is empty` });
  else if (v.length > max)
    problems.push({
      vi: `${LABEL[col].vi} dài quá ${max} ký tự`,
      en: `${LABEL[col].en} is longer than ${max} characters`,
    });
  return v;
}

/**
 * A line's fields checked against each other and against `now` (nothing is received or returned
 * in the future). The unit and the code's uniqueness are checked by the caller, which knows the
 * scope and the lines before.
 */
export function checkRow(
  cells: Readonly<Record<TthcColumn, Cell>>,
  nowIso: string,
): { row: FileRow; problems: [] } | { row: null; problems: Problem[] } {
  const problems: Problem[] = [];
  const code = required('code', cells.code, 100, problems);
  const procedure = required('procedure', cells.procedure, 500, problems);
  const unitId = required('unitId', cells.unitId, 100, problems);
  const received = dateOf('receivedAt', cells.receivedAt, problems);
  const due = dateOf('dueAt', cells.dueAt, problems);
  const returned = dateOf('returnedAt', cells.returnedAt, problems);
  const today = vnDate(nowIso);
  if (received && vnDate(received) > today)
    problems.push({
      vi: `Ngày nhận ${formatVnDate(received)} ở tương lai`,
      en: 'receivedAt is in the future',
    });
  if (received && due && vnDate(due) < vnDate(received))
    problems.push({
      vi: `Hạn trả ${formatVnDate(due)} trước Ngày nhận ${formatVnDate(received)}`,
      en: 'dueAt is before receivedAt',
    });
  if (received && returned && vnDate(returned) < vnDate(received))
    problems.push({
      vi: `Ngày trả ${formatVnDate(returned)} trước Ngày nhận ${formatVnDate(received)}`,
      en: 'returnedAt is before receivedAt',
    });
  if (returned && vnDate(returned) > today)
    problems.push({
      vi: `Ngày trả ${formatVnDate(returned)} ở tương lai`,
      en: 'returnedAt is in the future',
    });
  if (problems.length || !received || !due) return { row: null, problems };
  return {
    row: {
      code,
      procedure,
      unitId,
      receivedAt: received,
      dueAt: endOfVnDay(vnDate(due)),
      returnedAt: returned,
    },
    problems: [],
  };
}
