import { computed, signal, type ReadonlySignal } from '@preact/signals';
import { api, call } from '../api.js';
import type { CampaignSummaryDto, Me } from '../dto.js';

/**
 * What the indices pages share: the campaign chosen and the unit drilled into. Part of the app
 * state (createAppState makes it, once), so every page shows the same selection.
 */
export function createIndicesState(app: { me: ReadonlySignal<Me | null | undefined> }) {
  const campaigns = signal<CampaignSummaryDto[] | null>(null);
  const campaignId = signal<string | null>(null);
  /** null: the user's own unit. A link such as /app/overview?unitId=… opens on that unit. */
  const unitId = signal<string | null>(new URLSearchParams(location.search).get('unitId'));
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
      // The latest open campaign, else the latest one (the list is ordered by closing date).
      const open = list.filter((c) => c.open);
      campaignId.value ??= (open[open.length - 1] ?? list[list.length - 1])?.id ?? null;
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e);
    }
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

  return { campaigns, campaignId, unitId, campaign, currentUnitId, error, loadCampaigns, query };
}

export type IndicesState = ReturnType<typeof createIndicesState>;
