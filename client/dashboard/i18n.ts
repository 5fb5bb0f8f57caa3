import { signal } from '@preact/signals';

export type Lang = 'vi' | 'en';

const stored = typeof localStorage !== 'undefined' ? localStorage.getItem('hl.lang') : null;
export const lang = signal<Lang>(stored === 'en' ? 'en' : 'vi');

export function setLang(l: Lang): void {
  lang.value = l;
  localStorage.setItem('hl.lang', l);
  document.documentElement.lang = l;
}

/** A text in both languages; the dashboard shows the one chosen. */
export function t(vi: string, en: string): string {
  return lang.value === 'en' ? en : vi;
}

export const KIND_LABEL: Record<string, [string, string]> = {
  department: ['Sở', 'Department'],
  office: ['Phòng', 'Office'],
  commune: ['Xã/phường', 'Commune/ward'],
  school: ['Trường', 'School'],
};
