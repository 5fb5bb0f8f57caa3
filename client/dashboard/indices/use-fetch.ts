import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { call, errorText, type AnyResponse, type Ok } from '../api.js';

export interface Fetched<T> {
  data: T | undefined;
  error: string | null;
  loading: boolean;
}

/**
 * Runs a typed GET (`() => api.api.units.$get()`) again whenever `deps` change, and every
 * `refreshMs` if given; a null request fetches nothing. The data's type is the route's answer.
 */
export function useFetch<R extends AnyResponse>(
  request: (() => Promise<R>) | null,
  deps: readonly unknown[],
  refreshMs?: number,
): Fetched<Ok<R>> {
  const data = useSignal<Ok<R> | undefined>(undefined);
  const error = useSignal<string | null>(null);
  const loading = useSignal(false);
  const enabled = request !== null;
  useEffect(() => {
    if (!request) return;
    let alive = true;
    const load = () => {
      loading.value = true;
      call(request()).then(
        (d) => {
          if (!alive) return;
          data.value = d;
          error.value = null;
          loading.value = false;
        },
        (e: unknown) => {
          if (!alive) return;
          error.value = errorText(e);
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
    // The request is a new closure each render: `deps` says when it asks for something else.
  }, [enabled, refreshMs, ...deps]);
  return { data: data.value, error: error.value, loading: loading.value };
}
