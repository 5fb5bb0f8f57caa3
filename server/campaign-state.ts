/**
 * The one rule for when a campaign takes answers: from `opensAt` (included) to `closesAt`
 * (excluded). Every page, API field and target that asks "is it open?" comes here. Pure and
 * import-free, so the dashboard may use it too.
 */

export type CampaignState = 'open' | 'not_yet_open' | 'closed';

/** The two ends of a campaign's window, as stored (ISO UTC strings). */
export interface CampaignWindow {
  opens_at: string;
  closes_at: string;
}

const iso = (at: Date | string) => (typeof at === 'string' ? at : at.toISOString());

/** Where `at` falls in the campaign's window. */
export function campaignState(c: CampaignWindow, at: Date | string): CampaignState {
  const t = iso(at);
  if (t < c.opens_at) return 'not_yet_open';
  return hasClosed(c.closes_at, t) ? 'closed' : 'open';
}

/** Whether the campaign takes answers at `at`. */
export function isCampaignOpen(c: CampaignWindow, at: Date | string): boolean {
  return campaignState(c, at) === 'open';
}

/**
 * Whether a campaign closing at `closesAt` has closed by `at`: the end is excluded, so at
 * `closesAt` itself it is closed. Not yet open is not closed (answers may still come).
 */
export function hasClosed(closesAt: string, at: Date | string): boolean {
  return iso(at) >= closesAt;
}
