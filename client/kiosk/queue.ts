/**
 * The kiosk's outbox: every tap is written to localStorage with its own clientId before anything
 * is sent, and leaves it only when the server acknowledged that clientId (201, or 200 for a
 * retry it already had) or refused it for good. A reload, a dropped network or a second tab
 * never loses a tap, and the clientId makes every resend harmless.
 */
export interface Tap {
  clientId: string;
  answers: Record<string, number | string>;
  tappedAt: string;
}

export interface Store {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export function createQueue(store: Store, key: string) {
  const read = (): Tap[] => {
    try {
      const v: unknown = JSON.parse(store.getItem(key) ?? '[]');
      return Array.isArray(v) ? (v as Tap[]) : [];
    } catch {
      return [];
    }
  };
  const write = (taps: Tap[]) => store.setItem(key, JSON.stringify(taps));
  return {
    all: read,
    add(tap: Tap): void {
      write([...read(), tap]);
    },
    /** Removes one tap; read afresh, so a tap queued meanwhile (another tab) stays. */
    remove(clientId: string): void {
      write(read().filter((t) => t.clientId !== clientId));
    },
  };
}
export type Queue = ReturnType<typeof createQueue>;

/** A version 4 UUID from the device's random source (randomUUID needs HTTPS; this does not). */
export function uuid(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export type SendResult = 'done' | 'dropped' | 'retry';

/**
 * Sends one tap. Acknowledged (2xx) → done; a network failure, 408, 429 or 5xx → retry later
 * with the same clientId; any other refusal (device disabled, campaign closed, bad answers)
 * would be refused again forever → dropped.
 */
export async function sendTap(url: string, tap: Tap): Promise<SendResult> {
  try {
    const r = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(tap),
    });
    if (r.ok) return 'done';
    if (r.status === 408 || r.status === 429 || r.status >= 500) return 'retry';
    return 'dropped';
  } catch {
    return 'retry';
  }
}

/** Sends the queued taps oldest first, one at a time; stops at the first that must wait. */
export async function flush(
  queue: Queue,
  url: string,
): Promise<{ sent: number; dropped: number; waiting: boolean }> {
  let sent = 0;
  let dropped = 0;
  for (const tap of queue.all()) {
    const r = await sendTap(url, tap);
    if (r === 'retry') return { sent, dropped, waiting: true };
    queue.remove(tap.clientId);
    if (r === 'done') sent++;
    else dropped++;
  }
  return { sent, dropped, waiting: false };
}
