import { createContext, useCallback, useContext, useEffect, useState, type DependencyList } from 'react';
import type { Me, UserSummary } from '../../../api/src/contract/index.js';
import type { Api } from '../api/client.js';

export interface AppContext {
  api: Api;
  me: Me;
  users: UserSummary[];
}

export const AppCtx = createContext<AppContext | null>(null);

export function useApp(): AppContext {
  const ctx = useContext(AppCtx);
  if (!ctx) throw new Error('useApp outside the app');
  return ctx;
}

export type Loadable<T> = { state: 'loading' } | { state: 'error'; error: Error } | { state: 'ready'; data: T };

/** Loads data for a view, with loading and error states and a reload function. */
export function useLoad<T>(load: () => Promise<T>, deps: DependencyList): [Loadable<T>, () => void] {
  const [value, setValue] = useState<Loadable<T>>({ state: 'loading' });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setValue((v) => (v.state === 'ready' ? v : { state: 'loading' }));
    load().then(
      (data) => live && setValue({ state: 'ready', data }),
      (error: Error) => live && setValue({ state: 'error', error }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  return [value, useCallback(() => setTick((t) => t + 1), [])];
}
