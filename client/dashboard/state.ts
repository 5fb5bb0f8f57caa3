import { computed, signal } from '@preact/signals';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { api, ApiError } from './api.js';
import { createIndicesState } from './indices/state.js';

export interface Me {
  user: {
    id: string;
    email: string;
    name: string;
    role: 'admin' | 'manager' | 'viewer';
    unitId: string;
  };
  unit: { id: string; name: string; kind: string };
}

export interface UnitDto {
  id: string;
  parentId: string | null;
  name: string;
  kind: string;
  level: string | null;
  eligible: number;
}

/** The dashboard's shared state, in signals; actions live beside it, views only read and call. */
export function createAppState() {
  const me = signal<Me | null | undefined>(undefined);
  const units = signal<UnitDto[]>([]);
  const path = signal(location.pathname);
  const loginError = signal<string | null>(null);

  const unitsById = computed(() => new Map(units.value.map((u) => [u.id, u])));

  async function loadMe(): Promise<void> {
    try {
      me.value = await api<Me>('/api/auth/me');
      units.value = await api<UnitDto[]>('/api/units');
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) me.value = null;
      else throw e;
    }
  }

  async function login(email: string, password: string): Promise<void> {
    loginError.value = null;
    try {
      await api('/api/auth/login', { method: 'POST', body: { email, password } });
      await loadMe();
    } catch (e) {
      loginError.value = e instanceof Error ? e.message : String(e);
    }
  }

  async function logout(): Promise<void> {
    await api('/api/auth/logout', { method: 'POST' });
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
