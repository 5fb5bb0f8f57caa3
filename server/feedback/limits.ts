import type { FeedbackKind } from '../../db/schema.js';
import { FEEDBACK_KINDS } from '../domain/feedback.js';

export interface KindLimits {
  /** Working days to accept or refuse, counted from the day after receipt. */
  accept: number;
  /** Working days to resolve (the contract's `dueAt`), counted from the day after receipt. */
  resolve: number;
  /** Working days to publish the answer, counted from the day after it is given. */
  publish: number;
  /** Where the numbers come from, for the people who check them. */
  basis: string;
}

/**
 * Every time limit, in one table, in working days.
 * - feedback: Decree 20/2008 as amended by Decree 92/2017 and Circular 02/2017/TT-VPCP, as the
 *   national public-service portal applies them.
 * - complaint: Law on Complaints 2011 — accept within 10 days, first decision within 30 days.
 *   The Law writes "ngày"; we count working days (the reading the portal and most provincial
 *   rules use), and count resolution from receipt rather than from acceptance, which is the
 *   stricter of the two starting points. The 45-day limit for complex cases is not modelled.
 * - denunciation: Law on Denunciations 2018 — accept within 7 working days, resolve within 30
 *   days (extensions of 30 are not modelled), counted as for complaints.
 */
export const LIMITS: Record<FeedbackKind, KindLimits> = {
  feedback: {
    accept: 2,
    resolve: 15,
    publish: 2,
    basis: 'NĐ 20/2008, NĐ 92/2017, TT 02/2017/TT-VPCP',
  },
  complaint: { accept: 10, resolve: 30, publish: 2, basis: 'Luật Khiếu nại 2011' },
  denunciation: { accept: 7, resolve: 30, publish: 2, basis: 'Luật Tố cáo 2018' },
};

export const KINDS: readonly FeedbackKind[] = FEEDBACK_KINDS;

export { KIND_LABELS } from '../domain/feedback.js';
