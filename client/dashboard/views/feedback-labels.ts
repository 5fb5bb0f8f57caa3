import { CATEGORIES, KIND_LABELS, STATUS_LABELS } from '../../../server/domain/feedback.js';
import {
  formatVnDate,
  formatVnDateTime,
  formatVnTimeDate,
} from '../../../server/domain/vn-time.js';
import type { FeedbackDetailDto } from '../dto.js';
import { lang } from '../i18n.js';

/** Labels shared with the server's pages, in the dashboard's chosen language. */
export const statusLabel = (s: FeedbackDetailDto['status']) => STATUS_LABELS[s][lang.value];
export const kindLabel = (k: keyof typeof KIND_LABELS) => KIND_LABELS[k][lang.value];
export const categoryLabel = (id: string) => {
  const c = CATEGORIES.find((x) => x.id === id);
  return c ? (lang.value === 'en' ? c.en : c.vi) : id;
};

export function dateTime(iso: string | null): string {
  if (!iso) return '—';
  return lang.value === 'en' ? formatVnDateTime(iso) : formatVnTimeDate(iso);
}

export function day(iso: string | null): string {
  if (!iso) return '—';
  return formatVnDate(iso);
}

export { CATEGORIES, KIND_LABELS, STATUS_LABELS };
