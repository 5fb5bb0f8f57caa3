import { isAnswers, isObject } from './guards.js';
import type { Answers } from './model.js';

/** What is kept on the phone between visits: answers, position, and an unacknowledged submit. */
export interface Draft {
  clientId: string;
  startedAt: string;
  answers: Answers;
  step: number;
  pending?: boolean;
}

const key = (code: string) => 'hl.d.' + code;

function isDraft(d: unknown): d is Draft {
  return (
    isObject(d) &&
    typeof d.clientId === 'string' &&
    typeof d.startedAt === 'string' &&
    isAnswers(d.answers) &&
    typeof d.step === 'number' &&
    (d.pending === undefined || typeof d.pending === 'boolean')
  );
}

export function loadDraft(code: string): Draft | null {
  try {
    const d: unknown = JSON.parse(localStorage.getItem(key(code)) || 'null');
    return isDraft(d) ? d : null;
  } catch {
    return null; // private mode or a corrupt entry: start afresh
  }
}

export function saveDraft(code: string, d: Draft | null): void {
  try {
    if (d) localStorage.setItem(key(code), JSON.stringify(d));
    else localStorage.removeItem(key(code));
  } catch {
    /* storage full or disabled: the form still works, just without a draft */
  }
}

const doneKey = (code: string) => 'hl.done.' + code;

/**
 * Marks this code answered on this phone: a localStorage mark the script reads, and the cookie
 * the server reads (the same one its no-JS form sets), so opening the link again says so.
 */
export function markDone(code: string, closesAt = ''): void {
  try {
    localStorage.setItem(doneKey(code), '1');
  } catch {
    /* storage disabled: the cookie still tells the server */
  }
  const left = Math.ceil((Date.parse(closesAt) - Date.now()) / 1000);
  const age = Math.min(Math.max(left || 0, 60), 400 * 86400);
  document.cookie = `hl_done_${code}=1; path=/s/${code}; max-age=${age}; samesite=lax`;
}

export function isDone(code: string): boolean {
  try {
    return localStorage.getItem(doneKey(code)) === '1';
  } catch {
    return false;
  }
}
