import { computed, signal } from '@preact/signals';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { api, ApiError, call } from './api.js';
import { createIndicesState, type IndicesState } from './indices/state.js';
import type { Me, UnitDto } from './dto.js';

/** The dashboard's shared state, in signals; actions live beside it, views only read and call. */
export function createAppState() {
  const me = signal<Me | null | undefined>(undefined);
  const units = signal<UnitDto[]>([]);
  const path = signal(location.pathname);
  const loginError = signal<string | null>(null);

  const unitsById = computed(() => new Map(units.value.map((u) => [u.id, u])));

  async function loadMe(): Promise<void> {
    try {
      me.value = await call(api.api.auth.me.$get());
      units.value = await call(api.api.units.$get({ query: {} }));
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) me.value = null;
      else throw e;
    }
  }

  async function login(email: string, password: string): Promise<void> {
    loginError.value = null;
    try {
      await call(api.api.auth.login.$post({ json: { email, password } }));
      await loadMe();
    } catch (e) {
      loginError.value = e instanceof Error ? e.message : String(e);
    }
  }

  async function logout(): Promise<void> {
    await call(api.api.auth.logout.$post());
    me.value = null;
    units.value = [];
  }

  function navigate(to: string): void {
    history.pushState(null, '', to);
    path.value = to.split('?')[0]!;
  }
  addEventListener('popstate', () => (path.value = location.pathname));

  return {
    me,
    units,
    unitsById,
    path,
    loginError,
    loadMe,
    login,
    logout,
    navigate,
    /** What the indices pages share (campaign and unit chosen). */
    indices: createIndicesState({ me }),
  };
}

export type AppState = ReturnType<typeof createAppState>;
export const AppStateContext = createContext<AppState | null>(null);

export function useAppState(): AppState {
  const s = useContext(AppStateContext);
  if (!s) throw new Error('AppStateContext missing');
  return s;
}

/** The indices pages' shared selection, from the app state in context. */
export function useIndicesState(): IndicesState {
  return useAppState().indices;
}
