import type { TText } from '../../../surveys/schema.js';
import { formatVnDate } from '../../../server/domain/vn-time.js';
import { lang } from '../i18n.js';

/** Numbers arrive unrounded (CONTRACT.md); the client rounds for display, in the user's locale. */
function fmt(n: number, digits: number): string {
  return new Intl.NumberFormat(lang.value === 'en' ? 'en-GB' : 'vi-VN', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(n);
}

export const pct = (n: number | null | undefined): string => (n == null ? '—' : `${fmt(n, 1)}%`);
/**
 * An index with its 95% interval as bounds, "83,0% (75,2–89,4)": the interval is not centred
 * on the index (4 of 4 satisfied is 51–100%), so it is never written "± half-width".
 */
export const withBounds = (
  index: number | null | undefined,
  low: number | null | undefined,
  high: number | null | undefined,
): string =>
  index == null
    ? '—'
    : low == null || high == null
      ? pct(index)
      : `${pct(index)} (${fmt(low, 1)}–${fmt(high, 1)})`;
/** The interval alone, "(75,2–89,4)". */
export const bounds = (low: number | null | undefined, high: number | null | undefined): string =>
  low == null || high == null ? '' : `(${fmt(low, 1)}–${fmt(high, 1)})`;
/** The interval alone as a range, "75,2–89,4%" (a table cell of its own). */
export const range = (low: number | null | undefined, high: number | null | undefined): string =>
  low == null || high == null ? '—' : `${fmt(low, 1)}–${fmt(high, 1)}%`;
export const score = (n: number | null | undefined): string => (n == null ? '—' : fmt(n, 2));
export const count = (n: number): string => fmt(n, 0);

/** A questionnaire text in the chosen language (English falls back to Vietnamese). */
export const tx = (t: TText | undefined): string =>
  t ? (lang.value === 'en' ? (t.en ?? t.vi) : t.vi) : '';

export const dateOnly = (iso: string): string => formatVnDate(iso);

/**
 * A long label cut into lines of about `width` characters at spaces, at most `lines` of them,
 * the last ending in "…" when the text goes on (the full text is in the tooltip and the table).
 */
export function wrapLabel(text: string, width = 26, lines = 2): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  if (out.length <= lines) return out;
  const kept = out.slice(0, lines);
  const last = kept[lines - 1]!;
  kept[lines - 1] = `${last.length > width - 1 ? last.slice(0, width - 1) : last}…`;
  return kept;
}
