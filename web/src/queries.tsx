import { QueryClient, QueryClientProvider, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect, useRef, type ReactNode } from 'react';
import { subscribeServerEvents } from './api';
import { messageOf } from './forms';
import type { AssetEvent } from './types';

/**
 * Loading, caching and refreshing what the screens read from the API (TanStack Query). The keys
 * start with the area they belong to, so one change refreshes an area at once: every schedule read
 * under `schedule`, every on-air read under `playout`.
 */
export const keys = {
  reference: ['reference'] as const,
  reportages: (params: object) => ['reportages', params] as const,
  exemplars: (params: object) => ['exemplars', params] as const,
  zones: ['zones'] as const,
  schedule: (zoneId: number, from: string, to: string) => ['schedule', 'grid', zoneId, from, to] as const,
  warnings: (hours: number) => ['schedule', 'warnings', hours] as const,
  approved: (q: string) => ['schedule', 'approved', q] as const,
  calendarToken: ['me', 'calendar-token'] as const,
  onAir: ['playout', 'on-air'] as const,
  missed: (from: string) => ['playout', 'missed', from] as const,
  rundown: (zoneId: number, date: string) => ['playout', 'rundown', zoneId, date] as const,
  playoutSettings: (zoneId: number) => ['zones', zoneId, 'playout'] as const,
  reports: (params: object) => ['reports', params] as const,
};

/** The areas a change touches: after a placement, the schedule and what is on air are read again. */
export const AREAS = {
  schedule: [['schedule'], ['playout']] as QueryKey[],
  playout: [['playout'], ['schedule']] as QueryKey[],
};

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // An error is shown at once, as the screens always did; the user tries again.
      queries: { retry: false, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}

export function QueryProvider({ client, children }: { client: QueryClient; children: ReactNode }) {
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

/** A query's error as the screens show it (the API's Vietnamese message), or null. */
export const errorText = (...errors: unknown[]): string | null => {
  const error = errors.find((e) => e !== null && e !== undefined);
  return error === undefined ? null : messageOf(error);
};

type AssetListener = (event: AssetEvent) => void;
const assetListeners = new Set<AssetListener>();

/** An `asset` event (upload processing progress) for whoever shows that asset, on the tab's one stream. */
export function useAssetEvents(listener: AssetListener): void {
  const current = useRef(listener);
  current.current = listener;
  useEffect(() => {
    const forward: AssetListener = (event) => current.current(event);
    assetListeners.add(forward);
    return () => void assetListeners.delete(forward);
  }, []);
}

const FINISHED = ['ready', 'failed', 'cancelled'];

/**
 * The tab's one connection to `GET /api/events`, while someone is signed in: each event marks the
 * reads it changes as stale (the ones on screen are read again, once per burst of events), and a
 * new sign-in starts from an empty cache, so nobody sees what the previous account could read.
 */
export function ServerEvents({ userId }: { userId: number }) {
  const client = useQueryClient();
  useEffect(() => {
    const pending = new Map<string, QueryKey>();
    let timer: number | undefined;
    const invalidate = (queryKeys: QueryKey[]) => {
      for (const key of queryKeys) pending.set(JSON.stringify(key), key);
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        const due = [...pending.values()];
        pending.clear();
        for (const queryKey of due) void client.invalidateQueries({ queryKey });
      }, 200);
    };
    const stop = subscribeServerEvents({
      asset: (data) => {
        const event = data as AssetEvent;
        for (const listener of assetListeners) listener(event);
        if (FINISHED.includes(event.status)) invalidate([['reportages'], ['schedule', 'approved']]);
      },
      playout: () => invalidate(AREAS.playout),
      placements_changed: () => invalidate(AREAS.schedule),
      schedule_warnings: () => invalidate([['schedule', 'warnings']]),
    });
    return () => {
      stop();
      window.clearTimeout(timer);
    };
  }, [client]);
  useEffect(() => () => client.clear(), [client, userId]);
  return null;
}
