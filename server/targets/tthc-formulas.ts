import type { TthcTargetRow } from '../../db/repositories/tthc.js';
import { isLate } from '../deadlines.js';
import { daysLate } from './period.js';
import { ratio, type FailingItem, type Measure } from './types.js';

/**
 * tthc_on_time: administrative files returned on or before their due date ÷ (files returned +
 * files open past their due date at `now`). A file still open within its limit is pending, not
 * counted; the limit ends at 24:00 of the due day in Vietnam (`isLate`). The same code imported
 * by two scopes (the office and the Department above it) is one file: the latest import counts.
 */
export function tthcOnTime(rows: readonly TthcTargetRow[], nowIso: string): Measure {
  let numerator = 0;
  let denominator = 0;
  let pending = 0;
  const failing: FailingItem[] = [];
  for (const f of latestByCode(rows)) {
    if (f.returned_at !== null) {
      denominator++;
      if (!isLate(f.returned_at, f.due_at)) numerator++;
      else failing.push(lateFile(f, f.returned_at, 'trả muộn', 'returned late by'));
    } else if (isLate(nowIso, f.due_at)) {
      denominator++;
      failing.push(lateFile(f, nowIso, 'quá hạn, chưa trả:', 'open and overdue by'));
    } else pending++;
  }
  return { numerator, denominator, value: ratio(numerator, denominator), pending, failing };
}

function latestByCode(rows: readonly TthcTargetRow[]): TthcTargetRow[] {
  const byCode = new Map<string, TthcTargetRow>();
  for (const r of rows) {
    const seen = byCode.get(r.code);
    if (!seen || r.imported_at > seen.imported_at) byCode.set(r.code, r);
  }
  return rows.filter((r) => byCode.get(r.code) === r);
}

function lateFile(f: TthcTargetRow, atIso: string, vi: string, en: string): FailingItem {
  const d = daysLate(f.due_at, atIso);
  return {
    id: f.id,
    label: f.code,
    kind: 'tthc_file',
    detail: `${f.procedure} · ${f.unit_name} · ${vi} ${d} ngày`,
    detailEn: `${f.procedure} · ${f.unit_name} · ${en} ${d} day${d === 1 ? '' : 's'}`,
  };
}
