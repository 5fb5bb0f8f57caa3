import { z } from 'zod';
import type { ExportRow } from '../../db/repositories/exports.js';
import {
  LIKERT_LABELS,
  NOT_APPLICABLE_LABEL,
  type TQuestion,
  type TSurveyDefinition,
} from '../../surveys/schema.js';
import { answerItems, type TItem } from '../../surveys/items.js';

/**
 * The raw export's columns: a few about the response, then per question its code and, for closed
 * questions, its label, so the file reads in Excel and still loads into statistics software.
 */

export type Cell = string | number | null;

export interface ExportColumn {
  header: string;
  /** Numbers stay numbers (likert codes, seconds); everything else is text. */
  cell: (row: ExportRow, answers: Record<string, unknown>) => Cell;
}

function likertLabel(v: unknown): string | null {
  if (v === null) return NOT_APPLICABLE_LABEL.vi;
  return typeof v === 'number' && v in LIKERT_LABELS
    ? LIKERT_LABELS[v as 1 | 2 | 3 | 4 | 5].vi
    : null;
}

/** A stored value as one cell: numbers stay numbers, text stays text, anything else is empty. */
function plainCell(v: unknown): Cell {
  return typeof v === 'number' || typeof v === 'string' ? v : null;
}

function optionLabels(q: TQuestion, v: unknown): string | null {
  const label = (code: unknown) =>
    q.options?.find((o) => o.value === code)?.label.vi ?? String(code);
  if (Array.isArray(v)) return v.map(label).join('; ');
  return v === undefined || v === null ? null : label(v);
}

/** A date answer as Vietnamese write it (dd/mm/yyyy); the stored value is "YYYY-MM-DD". */
function dayMonthYear(v: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : v;
}

/** Grid rows come as likert5 items (surveys/items.ts): one likert column pair per row. */
function questionColumns(q: TItem): ExportColumn[] {
  const title = q.text.vi;
  switch (q.type) {
    case 'likert5':
      return [
        {
          header: q.id,
          cell: (_, a) =>
            a[q.id] === null ? 'na' : typeof a[q.id] === 'number' ? plainCell(a[q.id]) : null,
        },
        { header: `${q.id}: ${title}`, cell: (_, a) => likertLabel(a[q.id]) },
      ];
    case 'single':
    case 'multi':
    case 'dropdown':
      return [
        {
          header: q.id,
          cell: (_, a) => {
            const v = a[q.id];
            return Array.isArray(v) ? v.join('; ') : plainCell(v);
          },
        },
        { header: `${q.id}: ${title}`, cell: (_, a) => optionLabels(q, a[q.id]) },
      ];
    case 'number':
      return [
        {
          header: `${q.id}: ${title}`,
          cell: (_, a) => (typeof a[q.id] === 'number' ? (a[q.id] as number) : null),
        },
      ];
    case 'date':
      return [
        {
          header: `${q.id}: ${title}`,
          cell: (_, a) => (typeof a[q.id] === 'string' ? dayMonthYear(a[q.id] as string) : null),
        },
      ];
    default:
      return [
        {
          header: `${q.id}: ${title}`,
          cell: (_, a) => (typeof a[q.id] === 'string' ? plainCell(a[q.id]) : null),
        },
      ];
  }
}

export function exportColumns(def: TSurveyDefinition): ExportColumn[] {
  return [
    { header: 'Mã phiếu', cell: (r) => r.id },
    { header: 'Mã đơn vị', cell: (r) => r.unit_id },
    { header: 'Đơn vị', cell: (r) => r.unit_name },
    { header: 'Thời điểm nộp (UTC)', cell: (r) => r.submitted_at },
    {
      header: 'Thời gian trả lời (giây)',
      cell: (r) => (r.duration_ms === null ? null : Math.round(r.duration_ms / 1000)),
    },
    { header: 'Kênh', cell: (r) => r.channel },
    ...answerItems(def).flatMap(questionColumns),
  ];
}

/** Stored answers: an object of question id → value (each value is narrowed by its column). */
const ZStoredAnswers = z.record(z.string(), z.unknown());

/**
 * A response's stored answers. The server wrote them after validation, so anything else is a
 * damaged row: the export fails loudly rather than printing it as a response left blank.
 */
export function parseAnswers(json: string): Record<string, unknown> {
  return ZStoredAnswers.parse(JSON.parse(json));
}
