import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/index.js';
import type { FeedbackKind, FeedbackStatus, NewFeedback } from '../../db/schema.js';

/**
 * Factories for the targets and reports tests: feedback items written as the feedback module
 * would leave them at each stage, with deadlines given as Vietnamese dates.
 */

/** 23:59:59 in Vietnam on a calendar date, as stored for deadlines. */
export const endOfDay = (date: string) => `${date}T16:59:59.000Z`;

let seq = 0;

export interface FeedbackInput {
  unitId: string;
  status: FeedbackStatus;
  /** Resolution deadline, 'YYYY-MM-DD' (end of that day in Vietnam). */
  due: string;
  acceptDue?: string;
  receivedAt?: string;
  acceptedAt?: string | null;
  answeredAt?: string | null;
  publishDue?: string | null;
  publishedAt?: string | null;
  closedAt?: string | null;
  duplicateOf?: string | null;
  /** For a waiting item whose wait stopped the clock: when the wait began (ISO). */
  clockPausedAt?: string | null;
  kind?: FeedbackKind;
  category?: string;
  trackingCode?: string;
}

/** Inserts one feedback item; returns its id and tracking code. */
export async function addFeedback(
  db: Db,
  f: FeedbackInput,
): Promise<{ id: string; trackingCode: string }> {
  const id = randomUUID();
  const trackingCode = f.trackingCode ?? `PA${String(++seq).padStart(6, '0')}`;
  const receivedAt = f.receivedAt ?? '2026-10-01T02:00:00.000Z';
  const row: NewFeedback = {
    id,
    tracking_code: trackingCode,
    unit_id: f.unitId,
    kind: f.kind ?? 'feedback',
    category: f.category ?? 'co_so_vat_chat',
    title: 'Phản ánh về nhà vệ sinh',
    content: 'Nhà vệ sinh tầng 2 hỏng vòi nước đã lâu.',
    status: f.status,
    received_at: receivedAt,
    accept_due_at: f.acceptDue ? endOfDay(f.acceptDue) : receivedAt,
    due_at: endOfDay(f.due),
    publish_due_at: f.publishDue ? endOfDay(f.publishDue) : null,
    accepted_at: f.acceptedAt ?? null,
    answered_at: f.answeredAt ?? null,
    published_at: f.publishedAt ?? null,
    closed_at: f.closedAt ?? null,
    answer: f.answeredAt ? 'Nhà trường đã sửa vòi nước.' : null,
    duplicate_of: f.duplicateOf ?? null,
    transferred_from: null,
    transferred_to: null,
    client_id: null,
    clock_paused_at: f.clockPausedAt ?? null,
    updated_at: receivedAt,
  };
  await db.insertInto('feedback').values(row).execute();
  return { id, trackingCode };
}

export async function rate(
  db: Db,
  feedbackId: string,
  overall: number | null,
  complainedAgain = false,
): Promise<void> {
  await db
    .insertInto('feedback_ratings')
    .values({
      feedback_id: feedbackId,
      overall,
      complained_again: complainedAgain ? 1 : 0,
      rated_at: '2026-11-01T00:00:00.000Z',
    })
    .execute();
}

/** One raw response row with its answers, as the respondent flow stores it. */
export async function addRawResponse(
  db: Db,
  r: { campaignId: string; unitId: string; submittedAt: string; answers: Record<string, unknown> },
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('responses')
    .values({
      id,
      campaign_id: r.campaignId,
      unit_id: r.unitId,
      client_id: randomUUID(),
      token_code: null,
      survey_version: 1,
      answers: JSON.stringify(r.answers),
      started_at: null,
      submitted_at: r.submittedAt,
      duration_ms: 95_000,
      channel: 'web',
      fingerprint: randomUUID(),
    })
    .execute();
  return id;
}
