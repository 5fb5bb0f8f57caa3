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
export const score = (n: number | null | undefined): string => (n == null ? '—' : fmt(n, 2));
export const count = (n: number): string => fmt(n, 0);

/** A questionnaire text in the chosen language (English falls back to Vietnamese). */
export const tx = (t: TText | undefined): string =>
  t ? (lang.value === 'en' ? (t.en ?? t.vi) : t.vi) : '';

export const dateOnly = (iso: string): string => formatVnDate(iso);
