import type { Migration } from 'kysely';
import * as foundation from './2026-11-22T1500-foundation.js';
import * as surveys from './2026-11-22T1510-surveys.js';
import * as feedback from './2026-11-22T1520-feedback.js';
import * as feedbackRatings from './2026-11-22T1650-feedback-ratings.js';
import * as targetSettings from './2026-11-22T1700-target-settings.js';
import * as rollups from './2026-11-22T1800-rollups.js';
import * as tally from './2026-11-22T1900-tally.js';
import * as strictRollups from './2026-11-22T2000-strict-rollups.js';
import * as calendar from './2026-11-29T1400-calendar.js';
import * as knownSignIns from './2026-11-29T1400-known-sign-ins.js';
import * as samplingStatistics from './2026-11-29T1400-sampling-statistics.js';
import * as outbox from './2026-11-29T1700-outbox.js';
import * as surveyLibrary from './2026-11-29T1700-survey-library.js';
import * as campaignArchive from './2026-11-29T1800-campaign-archive.js';
import * as accountsAudit from './2026-11-29T1800-accounts-audit.js';
import * as staffInbox from './2026-11-29T1800-staff-inbox.js';
import * as citizenReplies from './2026-11-29T1800-citizen-replies.js';
import * as publicResults from './2026-11-30T1000-public-results.js';
import * as dialogues from './2026-11-30T1030-dialogues.js';
import * as kiosks from './2026-11-30T1020-kiosks.js';
import * as tthcFiles from './2026-11-30T1010-tthc-files.js';
import * as counters from './2026-11-30T1040-counters.js';

/** Every migration, by its frozen dated name. Add new ones at the end; never edit old ones. */
export const migrations: Record<string, Migration> = {
  '2026-11-22T1500-foundation': foundation,
  '2026-11-22T1510-surveys': surveys,
  '2026-11-22T1520-feedback': feedback,
  '2026-11-22T1650-feedback-ratings': feedbackRatings,
  '2026-11-22T1700-target-settings': targetSettings,
  '2026-11-22T1800-rollups': rollups,
  '2026-11-22T1900-tally': tally,
  '2026-11-22T2000-strict-rollups': strictRollups,
  '2026-11-29T1400-calendar': calendar,
  '2026-11-29T1400-known-sign-ins': knownSignIns,
  '2026-11-29T1400-sampling-statistics': samplingStatistics,
  '2026-11-29T1700-outbox': outbox,
  '2026-11-29T1700-survey-library': surveyLibrary,
  '2026-11-29T1800-accounts-audit': accountsAudit,
  '2026-11-29T1800-campaign-archive': campaignArchive,
  '2026-11-29T1800-citizen-replies': citizenReplies,
  '2026-11-29T1800-staff-inbox': staffInbox,
  '2026-11-30T1000-public-results': publicResults,
  '2026-11-30T1010-tthc-files': tthcFiles,
  '2026-11-30T1020-kiosks': kiosks,
  '2026-11-30T1030-dialogues': dialogues,
  '2026-11-30T1040-counters': counters,
};
