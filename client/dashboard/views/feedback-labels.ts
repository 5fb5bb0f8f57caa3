import type { FeedbackDetailDto } from '../dto.js';
import { CATEGORIES } from '../../../server/feedback/categories.js';
import { KIND_LABELS } from '../../../server/feedback/limits.js';
import { STATUS_LABELS } from '../../../server/feedback/state-machine.js';
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
  return new Date(iso).toLocaleString(lang.value === 'en' ? 'en-GB' : 'vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    dateStyle: 'short',
    timeStyle: 'short',
  });
}

export function day(iso: string | null): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleDateString(lang.value === 'en' ? 'en-GB' : 'vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
  });
}

export { CATEGORIES, KIND_LABELS, STATUS_LABELS };
