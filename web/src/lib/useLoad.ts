// Loads data for a component: loading / error / data, reload on demand, and ignores answers
// that arrive after the inputs changed (so a slow old request never overwrites a new one).
// `initial` may hand the first render data that is already here (a prefetched answer, see
// api/endpoints.ts firstScreen): then the component renders it at once and loads nothing more
// until its inputs change or it is reloaded.
import { useCallback, useEffect, useRef, useState } from 'react';

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

export function useLoad<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: unknown[],
  enabled = true,
  initial?: () => T | undefined,
): Loaded<T> {
  const [first] = useState(() => (enabled ? initial?.() : undefined));
  const [data, setData] = useState<T | undefined>(first);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(enabled && first === undefined);
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const skipFirstLoad = useRef(first !== undefined);

  useEffect(() => {
    if (skipFirstLoad.current) {
      skipFirstLoad.current = false;
      return;
    }
    if (!enabled) {
      setLoading(false);
      return;
    }
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    loadRef
      .current(controller.signal)
      .then((value) => {
        if (!controller.signal.aborted) setData(value);
      })
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setError(e);
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
    // `deps` are the caller's inputs; `load` is read through a ref so a new closure does not refetch.
  }, [...deps, tick, enabled]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload };
}
