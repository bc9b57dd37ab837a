import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

export interface Loaded<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
  /** Loads again (after a change elsewhere, or on "Neu laden"). */
  reload: () => void;
  /** Replaces the data with what a write returned, so the screen shows the saved state without a second call. */
  set: (data: T) => void;
}

/**
 * Loads data for a screen, again whenever `deps` change (compared by value); a newer load always wins over an older
 * one still in flight.
 */
export function useLoad<T>(load: () => Promise<T>, deps: readonly (string | number | boolean | null | undefined)[]): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const latest = useRef(load);
  useLayoutEffect(() => {
    latest.current = load;
  });
  const key = JSON.stringify(deps);

  useEffect(() => {
    let active = true;
    latest.current().then(
      (value) => {
        if (!active) return;
        setData(value);
        setError(null);
        setLoading(false);
      },
      (e: unknown) => {
        if (!active) return;
        setError(e);
        setLoading(false);
      },
    );
    return () => {
      active = false;
    };
  }, [key, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, loading, reload, set: setData };
}
