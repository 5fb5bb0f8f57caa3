import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { TFeedbackKind, TFeedbackStatus } from '../server/domain/feedback.js';
import type { TCampaignAccess, TRole, TSchoolLevel, TUnitKind } from '../server/domain/staff.js';
import type {
  CampaignPublicationTable,
  DialogueTable,
  DialogueGroupTable,
  DialogueQuestionTable,
  DialogueContactTable,
  KioskTable,
  KioskTapTable,
  TthcFileTable,
} from './schema-plans.js';

export * from './schema-plans.js';

/**
 * The Database interface (Kysely). Portable on purpose: timestamps are ISO 8601 UTC strings,
 * calendar dates 'YYYY-MM-DD' strings, booleans 0/1 integers and JSON documents text, so SQLite
 * and PostgreSQL read and compare them the same way.
 */

/** Column that PostgreSQL may hand back as a string (bigint) but we write as a number. */
type Count = ColumnType<number, number, number>;

export type UnitKind = TUnitKind;
export type SchoolLevel = TSchoolLevel;
export type Role = TRole;

export interface UnitTable {
  id: string;
  parent_id: string | null;
  name: string;
  kind: UnitKind;
  level: SchoolLevel | null;
  eligible: number;
  /** '/ROOT/CHILD/…/ID/': every ancestor id, so a subtree is a prefix. */
  path: string;
  created_at: string;
  updated_at: string;
}

export interface UserTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  role: Role;
  unit_id: string;
  disabled: number;
  created_at: string;
  /** 1 while the account's password is a one-time one an admin made: the owner must change it. */
  must_change_password: Generated<number>;
}

export interface SessionTable {
  /** sha256 of the cookie token: a leaked table does not leak sessions. */
  id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

export interface LoginAttemptTable {
  key: string;
  failures: number;
  first_failure_at: string;
  locked_until: string | null;
}

/** A device cookie's hash ('device:…') or a client address ('address:…') an account signed in from. */
export interface KnownSignInTable {
  user_id: string;
  key: string;
  last_at: string;
}

export interface SurveyTable {
  id: string;
  version: number;
  title: string;
  /** The validated definition as JSON. */
  definition: string;
  /** sha256 of the canonical definition: a changed file makes a new version. */
  hash: string;
  created_at: string;
  /** The staff member who stored this version; null for a definition file. */
  created_by: string | null;
}

/** One row per questionnaire id: who owns it and whether it may still open campaigns. */
export interface SurveyLibraryTable {
  id: string;
  /** The owner unit; null: the Department's official forms (the root of the unit tree). */
  unit_id: string | null;
  archived: number;
  created_by: string | null;
  created_at: string;
  updated_by: string | null;
  updated_at: string;
}

export interface CampaignTable {
  id: string;
  survey_id: string;
  survey_version: number;
  name: string;
  opens_at: string;
  closes_at: string;
  access: TCampaignAccess;
  /** The creator's unit: the campaign is visible to that unit's subtree users and above. */
  owner_unit_id: string;
  created_by: string | null;
  created_at: string;
  /** Set when staff archived it: out of the default lists, still reachable (null: not archived). */
  archived_at: string | null;
}

export interface CampaignUnitTable {
  campaign_id: string;
  unit_id: string;
  /** Unguessable link code for the open-link access. */
  code: string;
  /**
   * The unit's eligible population N frozen when the campaign was created (0: not declared);
   * staff may correct it per campaign. Every sample size and correction of this campaign reads it.
   */
  eligible: Generated<number>;
}

export interface CampaignTokenTable {
  code: string;
  campaign_id: string;
  unit_id: string;
  created_at: string;
  used_at: string | null;
  response_id: string | null;
}

export interface ResponseTable {
  id: string;
  campaign_id: string;
  unit_id: string;
  client_id: string;
  token_code: string | null;
  survey_version: number;
  answers: string;
  started_at: string | null;
  submitted_at: string;
  duration_ms: number | null;
  channel: string;
  /** Hash of the closed answers: bursts of identical responses show up as repeats. */
  fingerprint: string;
}

/**
 * Pooled counters: one row per campaign × unit × question × answer value ('1'…'5', 'na', option)
 * × channel. Every counter table has `channel` last in its key: a unit's figures are read by the
 * key's prefix and summed over channels, or for one channel (GET /api/indices?channel=).
 */
export interface AnswerCountTable {
  campaign_id: string;
  unit_id: string;
  question_id: string;
  value: string;
  /** The channel of the responses counted here (responses.channel: api, form, kiosk, seed …). */
  channel: string;
  n: Count;
}

export interface ResponseCountTable {
  campaign_id: string;
  unit_id: string;
  channel: string;
  n: Count;
  /** Responses completed implausibly fast. */
  fast_n: Count;
}

export interface TextAnswerTable {
  response_id: string;
  question_id: string;
  campaign_id: string;
  unit_id: string;
  text: string;
  submitted_at: string;
}

export type FeedbackKind = TFeedbackKind;
export type FeedbackStatus = TFeedbackStatus;

export interface FeedbackTable {
  id: string;
  tracking_code: string;
  unit_id: string;
  kind: FeedbackKind;
  category: string;
  title: string;
  content: string;
  status: FeedbackStatus;
  received_at: string;
  /** Deadline to accept or refuse. */
  accept_due_at: string;
  /** Resolution deadline (moved later by time spent waiting for the citizen). */
  due_at: string;
  /** Deadline to publish the answer, set when answered. */
  publish_due_at: string | null;
  accepted_at: string | null;
  answered_at: string | null;
  published_at: string | null;
  closed_at: string | null;
  answer: string | null;
  duplicate_of: string | null;
  transferred_from: string | null;
  transferred_to: string | null;
  client_id: string | null;
  updated_at: string;
  /**
   * While waiting for the citizen with the resolution clock stopped: when the wait began. Null
   * otherwise, and for a wait that stops nothing (the item was already overdue, or the request
   * for information came after its own limit). Optional on insert: a new item is not waiting.
   */
  clock_paused_at: ColumnType<string | null, string | null | undefined, string | null>;
  /** SHA-256 (hex) of the citizen's reply key; the key itself is shown once and never stored. */
  reply_key_hash: ColumnType<string | null, string | null | undefined, string | null>;
  /** The answered item this one asks to reconsider (an appeal). */
  appeal_of: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A photo a citizen sent (re-encoded, metadata stripped), kept with the case until erasure. */
export interface FeedbackPhotoTable {
  id: string;
  feedback_id: string;
  /** The citizen's reply it came with; null for a photo sent at filing. */
  event_id: string | null;
  format: 'jpeg' | 'png' | 'webp';
  bytes: number;
  width: number;
  height: number;
  /** The re-encoded image, base64. */
  data: string;
  /** 1 once staff attached it to the published answer. */
  public: Generated<number>;
  created_at: string;
}

/** Personal data, kept apart from the case so that erasure keeps the case and its statistics. */
export interface FeedbackContactTable {
  feedback_id: string;
  name: string | null;
  phone: string | null;
  email: string | null;
  consent_at: string;
  retain_until: string;
  erased_at: string | null;
}

/** Append-only history of a feedback item. */
export interface FeedbackEventTable {
  id: string;
  feedback_id: string;
  from_status: FeedbackStatus | null;
  to_status: FeedbackStatus;
  actor_user_id: string | null;
  at: string;
  note: string | null;
  /** 1 for the citizen's own entry (a reply): its note is theirs, shown to staff and to them only. */
  by_citizen: Generated<number>;
}

export interface HolidayTable {
  date: string;
  name: string;
  /** 1 while the day is a default for a year not announced yet (until an admin edits that year). */
  estimated: Generated<number>;
}

/** A Saturday or Sunday declared a working day (the other half of a swap). */
export interface WorkingDayTable {
  date: string;
  name: string;
}

/** One change staff made, written in the same transaction as the change (server/audit/). */
export interface AuditEventTable {
  id: string;
  at: string;
  /** Who made the change; null for the system (a start-up task, a migration). */
  user_id: string | null;
  action: string;
  object_kind: string;
  object_id: string;
  /** The unit the object belongs to: the audit trail is read per subtree. */
  unit_id: string;
  /** A short Vietnamese sentence naming the object as staff know it. */
  summary: string;
  /** JSON: the fields changed (before and after), never a password. */
  detail: string;
}

export interface Database {
  units: UnitTable;
  users: UserTable;
  sessions: SessionTable;
  login_attempts: LoginAttemptTable;
  known_sign_ins: KnownSignInTable;
  surveys: SurveyTable;
  survey_library: SurveyLibraryTable;
  campaigns: CampaignTable;
  campaign_units: CampaignUnitTable;
  campaign_tokens: CampaignTokenTable;
  responses: ResponseTable;
  answer_counts: AnswerCountTable;
  response_counts: ResponseCountTable;
  text_answers: TextAnswerTable;
  feedback: FeedbackTable;
  feedback_contacts: FeedbackContactTable;
  feedback_events: FeedbackEventTable;
  holidays: HolidayTable;
  working_days: WorkingDayTable;
  feedback_ratings: FeedbackRatingTable;
  target_settings: TargetSettingTable;
  answer_rollups: AnswerRollupTable;
  response_rollups: ResponseRollupTable;
  score_counts: ScoreCountTable;
  score_rollups: ScoreRollupTable;
  outbox: OutboxTable;
  audit_events: AuditEventTable;
  feedback_search: FeedbackSearchTable;
  feedback_assignees: FeedbackAssigneeTable;
  feedback_assignments: FeedbackAssignmentTable;
  reply_templates: ReplyTemplateTable;
  feedback_photos: FeedbackPhotoTable;
  campaign_publications: CampaignPublicationTable;
  dialogues: DialogueTable;
  dialogue_groups: DialogueGroupTable;
  dialogue_questions: DialogueQuestionTable;
  dialogue_contacts: DialogueContactTable;
  kiosks: KioskTable;
  kiosk_taps: KioskTapTable;
  tthc_files: TthcFileTable;
}

export type Unit = Selectable<UnitTable>;
export type NewUnit = Insertable<UnitTable>;
export type UnitUpdate = Updateable<UnitTable>;
export type User = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type AuditEvent = Selectable<AuditEventTable>;
export type NewAuditEvent = Insertable<AuditEventTable>;
export type Session = Selectable<SessionTable>;
export type Survey = Selectable<SurveyTable>;
export type NewSurvey = Insertable<SurveyTable>;
export type SurveyLibraryEntry = Selectable<SurveyLibraryTable>;
export type Campaign = Selectable<CampaignTable>;
export type NewCampaign = Insertable<CampaignTable>;
export type ResponseRow = Selectable<ResponseTable>;
export type NewResponse = Insertable<ResponseTable>;
export type Feedback = Selectable<FeedbackTable>;
export type NewFeedback = Insertable<FeedbackTable>;
export type FeedbackUpdate = Updateable<FeedbackTable>;
export type FeedbackEvent = Selectable<FeedbackEventTable>;
export type FeedbackContact = Selectable<FeedbackContactTable>;
export type FeedbackPhoto = Selectable<FeedbackPhotoTable>;
export type NewFeedbackPhoto = Insertable<FeedbackPhotoTable>;

/** The citizen's rating of a published answer (one per item): feeds the 766-style measure. */
export interface FeedbackRatingTable {
  feedback_id: string;
  /** 1–5, or null for "no opinion". */
  overall: number | null;
  /** 0/1: the citizen says they had to complain again about the same matter. */
  complained_again: number;
  rated_at: string;
}
export type FeedbackRating = Selectable<FeedbackRatingTable>;

/** A target value set by an administrator for a unit's subtree from a date on (percent). */
export interface TargetSettingTable {
  unit_id: string;
  target_id: string;
  /** 'YYYY-MM-DD': in force for periods ending on or after this date. */
  valid_from: string;
  value: number;
  updated_by: string | null;
  updated_at: string;
}
export type TargetSetting = Selectable<TargetSettingTable>;

/**
 * answer_counts pooled over a unit's subtree: one row per ancestor-or-self of the answering unit,
 * so a unit's pooled counts are its own rows. Derived: the leaf counters stay authoritative.
 */
export type AnswerRollupTable = AnswerCountTable;
/** response_counts pooled over a unit's subtree, like answer_rollups. */
export type ResponseRollupTable = ResponseCountTable;

/**
 * Per-respondent scores summed per campaign × unit × scope (a factor id, or '*' for the overall
 * score): n respondents, Σs and Σs² of their scores (shares in [0, 1]). Factor and overall
 * intervals come from these (server/indices/intervals.ts).
 */
export interface ScoreCountTable {
  campaign_id: string;
  unit_id: string;
  scope: string;
  channel: string;
  n: Count;
  s: Count;
  ss: Count;
}
/** score_counts pooled over a unit's proper descendants, like answer_rollups. */
export type ScoreRollupTable = ScoreCountTable;

export type OutboxChannel = 'email' | 'sms';

/**
 * One message to a citizen, written in the same transaction as the change it reports. Pending
 * while `next_attempt_at` is set and `sent_at` null; given up (failed) when both are null.
 * `payload` is the event's facts as JSON; `subject`/`text`/`html` are what was last rendered.
 */
export interface OutboxTable {
  id: string;
  feedback_id: string;
  channel: OutboxChannel;
  recipient: string;
  /** The status the item moved to ('received' at filing). */
  event: FeedbackStatus;
  payload: string;
  subject: string | null;
  text: string | null;
  html: string | null;
  attempts: Generated<number>;
  next_attempt_at: string | null;
  /** Set by the process sending it; another process leaves a claimed row alone (a lease). */
  claimed_at: string | null;
  attempted_at: string | null;
  sent_at: string | null;
  last_error: string | null;
  created_at: string;
}
export type OutboxRow = Selectable<OutboxTable>;
export type NewOutboxRow = Insertable<OutboxTable>;

/** Each item's tracking code, title and content folded for search (server/domain/text.ts). */
export interface FeedbackSearchTable {
  feedback_id: string;
  folded: string;
}

/** Who handles an item now: one row per assigned item, none when nobody does. */
export interface FeedbackAssigneeTable {
  feedback_id: string;
  user_id: string;
  assigned_at: string;
}

/** Every assignment (and unassignment: `assignee_user_id` null), for the staff timeline. */
export interface FeedbackAssignmentTable {
  id: string;
  feedback_id: string;
  assignee_user_id: string | null;
  actor_user_id: string;
  at: string;
}

/** A unit's answer template; usable for items of the unit and of every unit below it. */
export interface ReplyTemplateTable {
  id: string;
  unit_id: string;
  title: string;
  body: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}
export type ReplyTemplate = Selectable<ReplyTemplateTable>;
