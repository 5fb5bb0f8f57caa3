import { computed, signal, type ReadonlySignal } from '@preact/signals';
import { defaultCampaign } from '../../../server/domain/campaign-choice.js';
import { api, call } from '../api.js';
import type { CampaignSummaryDto, Me } from '../dto.js';

/**
 * What the indices pages share: the campaign chosen and the unit drilled into. Part of the app
 * state (createAppState makes it, once), so every page shows the same selection.
 */
export function createIndicesState(app: { me: ReadonlySignal<Me | null | undefined> }) {
  const campaigns = signal<CampaignSummaryDto[] | null>(null);
  const fromUrl = () => new URLSearchParams(location.search);
  /** A link such as /app/overview?campaignId=…&unitId=… opens on that campaign and unit. */
  const campaignId = signal<string | null>(fromUrl().get('campaignId'));
  /** null: the user's own unit. */
  const unitId = signal<string | null>(fromUrl().get('unitId'));
  const error = signal<string | null>(null);

  const campaign = computed(() => campaigns.value?.find((c) => c.id === campaignId.value) ?? null);
  const currentUnitId = computed(() => unitId.value ?? app.me.value?.unit.id ?? null);

  /**
   * Fetched again each time an indices page opens (the list shown meanwhile is the last one), so
   * a campaign created since, in this tab, is there to pick; the chosen campaign stays chosen.
   */
  async function loadCampaigns(): Promise<void> {
    try {
      const list = await call(api.api.indices.campaigns.$get());
      campaigns.value = list;
      // A campaign named by the URL that the user cannot see (or that is gone) is not kept.
      if (campaignId.value && !list.some((c) => c.id === campaignId.value)) campaignId.value = null;
      // Not archived, with responses, open or closed last (server/domain/campaign-choice.ts).
      campaignId.value ??= defaultCampaign(list)?.id ?? null;
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e);
    }
  }

  // Back and Forward return to the unit (and campaign) the address names.
  addEventListener('popstate', () => {
    const q = fromUrl();
    unitId.value = q.get('unitId');
    if (q.get('campaignId')) campaignId.value = q.get('campaignId');
  });

  /**
   * Writes the selection into the address, so a drilled-down page can be shared: a new unit is
   * a new history entry (Back goes up again), a campaign chosen replaces the current one.
   */
  let synced: { path: string; unitId: string | null } | null = null;
  function syncUrl(): void {
    const q = fromUrl();
    const drilled =
      synced !== null && synced.path === location.pathname && synced.unitId !== unitId.value;
    synced = { path: location.pathname, unitId: unitId.value };
    for (const [k, v] of [
      ['campaignId', campaignId.value],
      ['unitId', unitId.value],
    ] as const)
      if (v) q.set(k, v);
      else q.delete(k);
    const search = q.toString() ? `?${q.toString()}` : '';
    if (search === location.search) return;
    const url = `${location.pathname}${search}${location.hash}`;
    if (drilled) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }

  /** The current selection as a request's query, plus extra parameters (empty ones left out). */
  function query<E extends Record<string, string | undefined>>(
    extra?: E,
  ): ({ campaignId: string; unitId?: string } & Partial<E>) | null {
    if (!campaignId.value) return null;
    const q: Record<string, string> = { campaignId: campaignId.value };
    if (unitId.value) q.unitId = unitId.value;
    for (const [k, v] of Object.entries(extra ?? {})) if (v !== undefined && v !== '') q[k] = v;
    return q as { campaignId: string; unitId?: string } & Partial<E>;
  }

  /** The campaigns the selector lists: not archived, plus the chosen one if it is. */
  const selectable = computed(() =>
    (campaigns.value ?? []).filter((c) => !c.archived || c.id === campaignId.value),
  );

  return {
    campaigns,
    selectable,
    campaignId,
    unitId,
    campaign,
    currentUnitId,
    error,
    loadCampaigns,
    query,
    syncUrl,
  };
}

export type IndicesState = ReturnType<typeof createIndicesState>;
