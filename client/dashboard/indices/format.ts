import type { TText } from '../../../surveys/schema.js';
import { lang } from '../i18n.js';

/** Numbers arrive unrounded (CONTRACT.md); the client rounds for display, in the user's locale. */
function fmt(n: number, digits: number): string {
  return new Intl.NumberFormat(lang.value === 'en' ? 'en-GB' : 'vi-VN', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(n);
}

export const pct = (n: number | null | undefined): string => (n == null ? '—' : `${fmt(n, 1)}%`);
export const moe = (n: number | null | undefined): string => (n == null ? '' : `± ${fmt(n, 1)}`);
export const score = (n: number | null | undefined): string => (n == null ? '—' : fmt(n, 2));
export const count = (n: number): string => fmt(n, 0);

/** A questionnaire text in the chosen language (English falls back to Vietnamese). */
export const tx = (t: TText | undefined): string => (t ? (lang.value === 'en' ? (t.en ?? t.vi) : t.vi) : '');

export const dateOnly = (iso: string): string =>
  new Date(iso).toLocaleDateString(lang.value === 'en' ? 'en-GB' : 'vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });
