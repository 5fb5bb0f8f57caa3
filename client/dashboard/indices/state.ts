import { computed, effect, signal, type ReadonlySignal } from '@preact/signals';
import { defaultCampaign } from '../../../server/domain/campaign-choice.js';
import { api, call } from '../api.js';
import type { CampaignSummaryDto, Me } from '../dto.js';

/** The pages that show the chosen campaign and unit (/app is the overview): their address carries the choice. */
const INDICES_PAGES = /^\/app(\/(overview|questions|trend|suggestions|quality)\b|\/?$)/;

const fromUrl = (name: string) => new URLSearchParams(location.search).get(name);

/**
 * What the indices pages share: the campaign chosen and the unit drilled into. Part of the app
 * state (createAppState makes it, once), so every page shows the same selection.
 */
export function createIndicesState(app: {
  me: ReadonlySignal<Me | null | undefined>;
  path: ReadonlySignal<string>;
}) {
  const campaigns = signal<CampaignSummaryDto[] | null>(null);
  /** A link such as /app/overview?campaignId=…&unitId=… opens on that campaign and unit. */
  const campaignId = signal<string | null>(fromUrl('campaignId'));
  /** null: the user's own unit. */
  const unitId = signal<string | null>(fromUrl('unitId'));
  const error = signal<string | null>(null);

  const campaign = computed(() => campaigns.value?.find((c) => c.id === campaignId.value) ?? null);
  const currentUnitId = computed(() => unitId.value ?? app.me.value?.unit.id ?? null);

  async function loadCampaigns(): Promise<void> {
    if (campaigns.value) return;
    try {
      const list = await call(api.api.indices.campaigns.$get());
      campaigns.value = list;
      // Not archived, with responses, open or closed last (server/domain/campaign-choice.ts).
      campaignId.value ??= defaultCampaign(list)?.id ?? null;
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

  // The choice in the address (replaced, not pushed: Back leaves the page, not the choice), so a
  // reload or a shared link shows the same campaign and unit.
  effect(() => {
    if (!INDICES_PAGES.test(app.path.value)) return;
    const q = new URLSearchParams(location.search);
    const set = (k: string, v: string | null) => (v ? q.set(k, v) : q.delete(k));
    set('campaignId', campaignId.value);
    set('unitId', unitId.value);
    const search = q.toString() ? `?${q}` : '';
    if (search !== location.search) history.replaceState(null, '', location.pathname + search);
  });
  // Before the app's own popstate listener moves `path` (capture runs first at the window),
  // so the effect above writes the address's choice back, not the one being left.
  addEventListener(
    'popstate',
    () => {
      if (!INDICES_PAGES.test(location.pathname)) return;
      campaignId.value = fromUrl('campaignId') ?? campaignId.value;
      unitId.value = fromUrl('unitId');
    },
    { capture: true },
  );

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
  };
}

export type IndicesState = ReturnType<typeof createIndicesState>;
