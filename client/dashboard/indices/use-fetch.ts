import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { api } from '../api.js';

export interface Fetched<T> {
  data: T | undefined;
  error: string | null;
  loading: boolean;
}

/** GETs `url` (again whenever it changes, and every `refreshMs` if given); null fetches nothing. */
export function useFetch<T>(url: string | null, refreshMs?: number): Fetched<T> {
  const data = useSignal<T | undefined>(undefined);
  const error = useSignal<string | null>(null);
  const loading = useSignal(false);
  useEffect(() => {
    if (!url) return;
    let alive = true;
    const load = () => {
      loading.value = true;
      api<T>(url).then(
        (d) => {
          if (!alive) return;
          data.value = d;
          error.value = null;
          loading.value = false;
        },
        (e: unknown) => {
          if (!alive) return;
          error.value = e instanceof Error ? e.message : String(e);
          loading.value = false;
        },
      );
    };
    load();
    const timer = refreshMs ? setInterval(load, refreshMs) : undefined;
    return () => {
      alive = false;
      if (timer) clearInterval(timer);
    };
  }, [url, refreshMs]);
  return { data: data.value, error: error.value, loading: loading.value };
}
