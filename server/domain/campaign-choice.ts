/**
 * Campaign rules the dashboard shares with the server. Import-free, so the client bundles it.
 */

/** The most one-time codes one request makes (the server refuses more with a 400). */
export const MAX_TOKENS_PER_REQUEST = 1000;

/** What the overview needs to know of a campaign to choose the default one. */
export interface CampaignChoice {
  id: string;
  opensAt: string;
  closesAt: string;
  open: boolean;
  archived: boolean;
  responses: number;
}

/**
 * The overview's default campaign: among those not archived and with responses, the open one
 * opened last, else the one closed last; without any such campaign, the open one opened last,
 * else the newest one not archived; null for an empty list. A test campaign made a minute ago
 * (no responses) never takes the place of a campaign with answers.
 */
export function defaultCampaign<C extends CampaignChoice>(list: readonly C[]): C | null {
  const live = list.filter((c) => !c.archived);
  const answered = live.filter((c) => c.responses > 0);
  return pick(answered) ?? pick(live) ?? null;
}

function pick<C extends CampaignChoice>(list: readonly C[]): C | undefined {
  const latest = (key: 'opensAt' | 'closesAt', xs: readonly C[]) =>
    [...xs].sort((a, b) => b[key].localeCompare(a[key]) || a.id.localeCompare(b.id))[0];
  return (
    latest(
      'opensAt',
      list.filter((c) => c.open),
    ) ?? latest('closesAt', list)
  );
}
