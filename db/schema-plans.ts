import type { Insertable, Selectable } from 'kysely';

/**
 * The tables of the plans' other systems (issue 19): published results, dialogues with citizens,
 * counter kiosks, administrative files. Part of `Database` in db/schema.ts, which re-exports them.
 */

/** A campaign's results made public for one unit's subtree (công khai, issue 19). */
export interface CampaignPublicationTable {
  campaign_id: string;
  unit_id: string;
  published_at: string;
  published_by: string | null;
}
export type CampaignPublication = Selectable<CampaignPublicationTable>;

/** A dialogue with citizens (đối thoại) a unit holds; its answers are public once published. */
export interface DialogueTable {
  id: string;
  unit_id: string;
  topic: string;
  place: string;
  /** When it starts (ISO UTC); questions are taken until then. */
  held_at: string;
  published_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}
export type Dialogue = Selectable<DialogueTable>;

/** Questions answered together: a title and the answer given at the dialogue. */
export interface DialogueGroupTable {
  id: string;
  dialogue_id: string;
  title: string;
  answer: string | null;
  position: number;
  created_at: string;
  updated_at: string;
}
export type DialogueGroup = Selectable<DialogueGroupTable>;

/** A citizen's question sent ahead; never anything that identifies the sender. */
export interface DialogueQuestionTable {
  id: string;
  dialogue_id: string;
  group_id: string | null;
  content: string;
  client_id: string | null;
  received_at: string;
}
export type DialogueQuestion = Selectable<DialogueQuestionTable>;

/** The sender's contact, given with consent; staff of the unit only, never public. */
export interface DialogueContactTable {
  question_id: string;
  name: string | null;
  phone: string | null;
  email: string | null;
  consent_at: string;
  retain_until: string;
  erased_at: string | null;
}

/** A counter device (kiosk) registered by staff, bound to one campaign and one of its units. */
export interface KioskTable {
  id: string;
  /** Unguessable code in the kiosk's address (/k/CODE). */
  device_code: string;
  campaign_id: string;
  unit_id: string;
  name: string;
  created_at: string;
  created_by: string | null;
  /** Set when staff disabled it: its page and its taps are refused from then on. */
  disabled_at: string | null;
}
export type Kiosk = Selectable<KioskTable>;

/** One response sent by a kiosk, with the device's own time of the tap (queued taps arrive late). */
export interface KioskTapTable {
  response_id: string;
  kiosk_id: string;
  campaign_id: string;
  tapped_at: string;
  received_at: string;
}

/** An administrative file (hồ sơ TTHC) imported from the one-stop system's list. */
export interface TthcFileTable {
  id: string;
  /** The unit whose staff imported it: a file code is unique within it. */
  scope_unit_id: string;
  code: string;
  procedure: string;
  unit_id: string;
  received_at: string;
  /** The end of the due day in Vietnam (23:59:59 +07:00); the limit ends at 24:00. */
  due_at: string;
  /** Null while the file is open. */
  returned_at: string | null;
  imported_by: string | null;
  imported_at: string;
}
export type TthcFile = Selectable<TthcFileTable>;
export type NewTthcFile = Insertable<TthcFileTable>;
