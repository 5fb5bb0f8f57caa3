import type { Answers } from './model.js';

export type Outcome =
  | { kind: 'done' }
  | { kind: 'invalid'; fields: string[] }
  | { kind: 'refused'; code: string }
  | { kind: 'retry' };

/** One attempt; network errors, 429 and 5xx are worth retrying with the same clientId. */
export async function sendOnce(
  code: string,
  body: { clientId: string; startedAt: string; answers: Answers },
): Promise<Outcome> {
  try {
    const r = await fetch('/api/public/forms/' + code + '/responses', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (r.ok) return { kind: 'done' };
    if (r.status === 429 || r.status >= 500) return { kind: 'retry' };
    const e = ((await r.json()) as { error?: { code?: string; details?: { path?: string }[] } })
      .error;
    if (r.status === 400) {
      return {
        kind: 'invalid',
        fields: (e?.details ?? []).map((d) => String(d.path || '').replace(/^answers\./, '')),
      };
    }
    return { kind: 'refused', code: e?.code || 'error' };
  } catch {
    return { kind: 'retry' };
  }
}

/** Waits 2, 4, 8… up to 30 seconds, or until the phone is back online. */
export function backoff(attempt: number): Promise<void> {
  return new Promise((done) => {
    const finish = () => {
      clearTimeout(timer);
      removeEventListener('online', finish);
      done();
    };
    const timer = setTimeout(finish, Math.min(30_000, 2000 * 2 ** attempt));
    addEventListener('online', finish);
  });
}
