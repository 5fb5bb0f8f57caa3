import type { Feedback, FeedbackKind, FeedbackStatus } from '../../db/schema.js';
import type { EventWithActor, FeedbackListRow } from '../../db/repositories/feedback.js';
import type { AssignmentEventRow } from '../../db/repositories/feedback-inbox.js';
import type { TLateStage } from '../domain/inbox.js';
import { isLate } from '../deadlines.js';
import { MOVES } from './state-machine.js';
import { WAIT_EXPIRED_NOTE } from './waits.js';

/**
 * The deadline of the item's current stage: accept, resolve or publish. While waiting for the
 * citizen the resolution deadline still counts unless the wait stopped the clock (an item overdue
 * when paused stays overdue); none once closed.
 */
export function stageDueAt(
  f: Pick<Feedback, 'status' | 'accept_due_at' | 'due_at' | 'publish_due_at' | 'clock_paused_at'>,
): string | null {
  switch (f.status) {
    case 'received':
      return f.accept_due_at;
    case 'accepted':
    case 'in_progress':
      return f.due_at;
    case 'waiting_citizen':
      return f.clock_paused_at ? null : f.due_at;
    case 'answered':
      return f.publish_due_at;
    default:
      return null;
  }
}

export interface DeadlineFlags {
  stageDueAt: string | null;
  overdue: boolean;
  dueSoon: boolean;
  /** Which deadline an overdue item missed; null when it is not overdue. */
  lateStage: TLateStage | null;
}

/** The stage whose deadline `stageDueAt` is (same cases as the SQL in the repository). */
export function stageOf(status: FeedbackStatus): TLateStage | null {
  switch (status) {
    case 'received':
      return 'acceptance';
    case 'accepted':
    case 'in_progress':
    case 'waiting_citizen':
      return 'resolution';
    case 'answered':
      return 'publication';
    default:
      return null;
  }
}

/**
 * Same rule as the SQL filter (stageDueSql): overdue once the stage deadline's day is over
 * (24:00, `isLate`), due soon when the deadline is at or before the cutoff.
 */
export function deadlineFlags(f: Feedback, now: string, soonCutoff: string): DeadlineFlags {
  const due = stageDueAt(f);
  const overdue = !!due && isLate(now, due);
  return {
    stageDueAt: due,
    overdue,
    dueSoon: !!due && !overdue && due <= soonCutoff,
    lateStage: overdue ? stageOf(f.status) : null,
  };
}

export interface TFeedbackListItem extends DeadlineFlags {
  id: string;
  trackingCode: string;
  unitId: string;
  unitName: string;
  kind: FeedbackKind;
  category: string;
  title: string;
  status: FeedbackStatus;
  receivedAt: string;
  acceptDueAt: string;
  dueAt: string;
  publishDueAt: string | null;
  answeredAt: string | null;
  /** The staff member handling the item, if one was assigned. */
  assignee: { id: string; name: string } | null;
}

export function listItemDto(
  r: FeedbackListRow,
  now: string,
  soonCutoff: string,
): TFeedbackListItem {
  return {
    id: r.id,
    trackingCode: r.tracking_code,
    unitId: r.unit_id,
    unitName: r.unit_name,
    kind: r.kind,
    category: r.category,
    title: r.title,
    status: r.status,
    receivedAt: r.received_at,
    acceptDueAt: r.accept_due_at,
    dueAt: r.due_at,
    publishDueAt: r.publish_due_at,
    answeredAt: r.answered_at,
    assignee: r.assignee_id ? { id: r.assignee_id, name: r.assignee_name ?? '' } : null,
    ...deadlineFlags(r, now, soonCutoff),
  };
}

export interface TLinkedItem {
  id: string;
  trackingCode: string;
  unitId: string;
}

export interface TFeedbackDetail extends TFeedbackListItem {
  content: string;
  answer: string | null;
  acceptedAt: string | null;
  publishedAt: string | null;
  closedAt: string | null;
  duplicateOf: TLinkedItem | null;
  transferredFrom: TLinkedItem | null;
  transferredTo: TLinkedItem | null;
  /** Null when none was given or it was erased; only staff of the unit and its ancestors get here. */
  contact: {
    name: string | null;
    phone: string | null;
    email: string | null;
    consentAt: string;
    retainUntil: string;
  } | null;
  contactErasedAt: string | null;
  /** Every event, oldest first: status changes and assignments (`kind` says which). */
  timeline: TTimelineEntry[];
  /** Moves this user may make now (empty for read-only roles and final statuses). */
  allowedMoves: FeedbackStatus[];
}

/**
 * One entry of the staff timeline. `status`: a move (or a note on the item, from = to);
 * `assigned`: the item given to `assignee` (null: taken from whoever had it). A reader that meets
 * a kind it does not know shows its time, actor and note.
 */
export type TTimelineEntry =
  | {
      kind: 'status';
      id: string;
      from: FeedbackStatus | null;
      to: FeedbackStatus;
      at: string;
      note: string | null;
      actor: string | null;
    }
  | {
      kind: 'assigned';
      id: string;
      at: string;
      note: null;
      actor: string | null;
      assignee: string | null;
    };

export function timelineDto(
  events: EventWithActor[],
  assignments: AssignmentEventRow[] = [],
): TTimelineEntry[] {
  const entries: TTimelineEntry[] = [
    ...events.map((e) => ({
      kind: 'status' as const,
      id: e.id,
      from: e.from_status,
      to: e.to_status,
      at: e.at,
      note: e.note,
      actor: e.actor_name,
    })),
    ...assignments.map((a) => ({
      kind: 'assigned' as const,
      id: a.id,
      at: a.at,
      note: null,
      actor: a.actor_name,
      assignee: a.assignee_user_id ? (a.assignee_name ?? '') : null,
    })),
  ];
  // Ids of both kinds begin with their time, so equal times keep the order they were written in.
  return entries.sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : x.id < y.id ? -1 : 1));
}

export function linked(f: Feedback | undefined): TLinkedItem | null {
  return f ? { id: f.id, trackingCode: f.tracking_code, unitId: f.unit_id } : null;
}

export function movesFor(status: FeedbackStatus, canWrite: boolean): FeedbackStatus[] {
  return canWrite ? [...MOVES[status]] : [];
}

/** What anyone holding the tracking code may read: never a name, phone or e-mail. */
export interface TPublicFeedback {
  trackingCode: string;
  status: FeedbackStatus;
  kind: FeedbackKind;
  category: string;
  title: string;
  unit: { id: string; name: string };
  receivedAt: string;
  dueAt: string;
  answeredAt: string | null;
  publishedAt: string | null;
  /** Reasons and requests written for the citizen (rejection, request for information) carry `message`. */
  timeline: { status: FeedbackStatus; at: string; message?: string }[];
  answer?: string;
  transferredTo?: { trackingCode: string; unitName: string };
  /** A duplicate: the original's published answer, never its tracking code (another citizen's). */
  duplicateOf?: { answer?: string };
  rated: boolean;
  /** Photos staff attached to the published answer (none before publication). */
  photos?: { id: string; width: number; height: number }[];
}

const PUBLIC_NOTE_STATUSES: FeedbackStatus[] = ['rejected', 'waiting_citizen'];

/**
 * What the citizen reads of the history. Notes written for the citizen (a rejection's reason,
 * a request for information) are shown, and so are the system's notes on the item itself
 * (an entry that changes no status: a deadline recomputed after a calendar change, a request
 * too late to pause the clock), which the system writes in plain Vietnamese for them. A wait
 * that ran out says so too.
 */
export function publicTimeline(events: EventWithActor[]): TPublicFeedback['timeline'] {
  return events.map((e) => {
    const system = e.actor_user_id === null && e.note === WAIT_EXPIRED_NOTE;
    const shown =
      e.note &&
      (PUBLIC_NOTE_STATUSES.includes(e.to_status) || e.from_status === e.to_status || system);
    return shown
      ? { status: e.to_status, at: e.at, message: e.note! }
      : { status: e.to_status, at: e.at };
  });
}
