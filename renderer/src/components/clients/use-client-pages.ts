import { useCallback, useEffect, useRef, useState } from 'react';
import type { ClientSummary } from '../../api/case-types';
import { call } from '../../api/client';
import type { InputOf } from '../../api/core';

export const PAGE_SIZE = 100;

interface PagesState {
  key: string;
  pages: Map<number, ClientSummary[]>;
  total: number | null;
  error: unknown;
}
const EMPTY: PagesState = { key: '', pages: new Map(), total: null, error: null };

export type ListQuery = Omit<InputOf<'clients.list'>, 'offset' | 'limit'>;

export interface ClientPages {
  total: number | null;
  rowAt(index: number): ClientSummary | undefined;
  /** Makes sure the pages covering [first, last] are loaded or on their way. */
  ensure(first: number, last: number): void;
  error: unknown;
}

/**
 * The client list as pages of 100 fetched by offset on demand: the table asks for what is on screen, so 50,000
 * clients cost a handful of small calls, never one big one. A new query starts a new generation; answers of older
 * generations are dropped. Each generation fetches page 0 first: only it carries the total.
 */
export function useClientPages(query: ListQuery): ClientPages {
  // State is tagged with the query it belongs to, so a new query shows an empty list without a reset in an effect.
  const [state, setState] = useState<PagesState>({ key: '', pages: new Map(), total: null, error: null });
  const requested = useRef(new Set<number>());
  const generation = useRef(0);
  const key = JSON.stringify(query);

  const load = useCallback(
    (page: number) => {
      if (requested.current.has(page)) return;
      requested.current.add(page);
      const gen = generation.current;
      call('clients.list', { ...(JSON.parse(key) as ListQuery), offset: page * PAGE_SIZE, limit: PAGE_SIZE }).then(
        (result) => {
          if (gen !== generation.current) return;
          setState((prev) => {
            const base = prev.key === key ? prev : { key, pages: new Map(), total: null, error: null };
            // Only the first page carries the total (see ClientPage); later pages keep it.
            return { ...base, total: result.total ?? base.total, pages: new Map(base.pages).set(page, result.rows) };
          });
        },
        (e: unknown) => {
          if (gen !== generation.current) return;
          requested.current.delete(page);
          setState((prev) => ({ ...(prev.key === key ? prev : { key, pages: new Map(), total: null }), error: e }));
        },
      );
    },
    [key],
  );

  useEffect(() => {
    generation.current += 1;
    requested.current = new Set();
    load(0);
  }, [load]);

  const ensure = useCallback(
    (first: number, last: number) => {
      for (let p = Math.floor(first / PAGE_SIZE); p <= Math.floor(last / PAGE_SIZE); p++) load(p);
    },
    [load],
  );

  const current = state.key === key ? state : EMPTY;
  const rowAt = (index: number) => current.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
  return { total: current.total, rowAt, ensure, error: current.error };
}
