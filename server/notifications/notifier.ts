import nodemailer from 'nodemailer';
import type { Clock } from '../../db/clock.js';
import type { Db } from '../../db/index.js';
import {
  claimOutbox,
  contactStillHeld,
  deleteOutboxRow,
  dueOutbox,
  markOutboxFailed,
  markOutboxSent,
} from '../../db/repositories/outbox.js';
import type { OutboxChannel, OutboxRow } from '../../db/schema.js';
import type { Config } from '../config.js';
import { renderNotice, type NoticeFacts, type Rendered } from './messages.js';

/** Waits before the 2nd, 3rd, … attempt; after the last one the message stays failed. */
export const BACKOFF_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 12 * 3_600_000];
export const MAX_ATTEMPTS = BACKOFF_MS.length + 1;
/** A claim older than this belongs to a process that died while sending: take it over. */
export const CLAIM_LEASE_MS = 10 * 60_000;
export const BATCH = 10;
export const POLL_EVERY_MS = 10_000;
const SEND_TIMEOUT_MS = 20_000;

type Send = (to: string, m: Rendered) => Promise<void>;

export interface Notifier {
  /** The channels that can send (SMTP_URL, SMS_WEBHOOK_URL set). */
  readonly channels: { email: boolean; sms: boolean };
  /** Sends what is due now, one small batch; never throws. Returns how many were sent. */
  runOnce(): Promise<{ sent: number; failed: number }>;
  /** Polls every `everyMs` until stopped (main). */
  start(everyMs?: number): void;
  /** Asks for a run soon (after "send again"); a no-op unless started. */
  wake(): void;
  stop(): Promise<void>;
}

function mailSender(config: Config): Send | null {
  if (!config.smtpUrl) return null;
  const transport = nodemailer.createTransport({
    url: config.smtpUrl,
    connectionTimeout: SEND_TIMEOUT_MS,
    greetingTimeout: SEND_TIMEOUT_MS,
    socketTimeout: SEND_TIMEOUT_MS,
  } as Parameters<typeof nodemailer.createTransport>[0]);
  return async (to, m) => {
    await transport.sendMail({
      from: config.mailFrom,
      to,
      subject: m.subject ?? '',
      text: m.text,
      html: m.html ?? undefined,
    });
  };
}

function smsSender(config: Config): Send | null {
  const url = config.smsWebhookUrl;
  if (!url) return null;
  return async (to, m) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ to, text: m.text }),
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
    if (!res.ok) throw new Error(`SMS webhook answered ${res.status}`);
  };
}

/** The origin of the links in messages: PUBLIC_URL, else this server on localhost. */
export function messageOrigin(config: Config): string {
  return config.publicUrl ?? `http://localhost:${config.port}`;
}

/**
 * The sender of the outbox: created by createApp (or main), started by main. Each run takes a
 * small batch of due rows, claims each one (a guarded update, so two processes sharing a
 * PostgreSQL database never send the same row), sends it, and marks it sent; a failure records
 * the error and schedules the next attempt with back-off. Nothing here runs inside a request.
 */
export function createNotifier(deps: { db: Db; clock: Clock; config: Config }): Notifier {
  const { db, clock, config } = deps;
  const senders: Record<OutboxChannel, Send | null> = {
    email: mailSender(config),
    sms: smsSender(config),
  };
  const channels = { email: !!senders.email, sms: !!senders.sms };
  const enabled = (Object.keys(senders) as OutboxChannel[]).filter((c) => senders[c]);
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;

  async function deliver(row: OutboxRow): Promise<'sent' | 'failed' | 'dropped'> {
    if (!(await contactStillHeld(db, row.feedback_id))) {
      await deleteOutboxRow(db, row.id); // erased meanwhile: never send to a forgotten address
      return 'dropped';
    }
    let rendered: Rendered | null = null;
    try {
      const facts = JSON.parse(row.payload) as NoticeFacts;
      rendered = renderNotice(row.channel, row.event, facts, messageOrigin(config));
      await senders[row.channel]!(row.recipient, rendered);
    } catch (e) {
      const now = clock().getTime();
      const wait = row.attempts < MAX_ATTEMPTS ? BACKOFF_MS[row.attempts - 1] : undefined;
      const next = wait === undefined ? null : new Date(now + wait).toISOString();
      await markOutboxFailed(db, row.id, errorText(e), next, rendered);
      return 'failed';
    }
    await markOutboxSent(db, row.id, clock().toISOString(), rendered);
    return 'sent';
  }

  async function runOnce() {
    const result = { sent: 0, failed: 0 };
    try {
      const now = clock();
      const stale = new Date(now.getTime() - CLAIM_LEASE_MS).toISOString();
      const due = await dueOutbox(db, now.toISOString(), stale, enabled, BATCH);
      for (const candidate of due) {
        const row = await claimOutbox(db, candidate, now.toISOString());
        if (!row) continue; // another process took it
        const outcome = await deliver(row);
        if (outcome === 'sent') result.sent++;
        if (outcome === 'failed') result.failed++;
      }
    } catch (e) {
      console.error(JSON.stringify({ level: 'error', msg: 'outbox run failed', error: String(e) }));
    }
    return result;
  }

  function tick() {
    running ??= runOnce().finally(() => (running = null));
  }

  return {
    channels,
    runOnce,
    start(everyMs = POLL_EVERY_MS) {
      if (timer || !enabled.length) return;
      timer = setInterval(tick, everyMs);
      timer.unref();
    },
    wake() {
      if (timer) tick();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}

function errorText(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}
