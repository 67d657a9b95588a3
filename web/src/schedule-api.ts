import { get, patch, post, query } from './api';
import type { Page, Reportage } from './types';
import { loadZones } from './zones-api';

export type { Zone } from './zones-api';

/** The scheduling API's shapes (README "Scheduling"), only what the Schedule screen uses. */

export interface WindowSession {
  windowId: number;
  zoneId: number;
  name: string | null;
  /** Local date of the session, YYYY-MM-DD. */
  date: string;
  start: string;
  end: string;
}

/** One slot of a segment's allocation (ô chuyên mục) on one day. */
export interface AllocationSlot {
  allocationId: number;
  windowId: number;
  zoneId: number;
  segmentId: number;
  date: string;
  start: string;
  maxSeconds: number;
  windowEnd: string;
  timeZone: string;
}

export interface Placement {
  id: number;
  zone: { id: number; name: string };
  reportageId: number;
  title: string;
  reporter: string | null;
  segmentId: number;
  allocationId: number | null;
  startsAt: string;
  endsAt: string;
  durationSeconds: number;
  status: string;
  isReair: boolean;
  version: number;
}

export interface Schedule {
  windows: WindowSession[];
  allocations: AllocationSlot[];
  placements: Placement[];
}

/** A planner proposal; its items come a page at a time (500 by default), the counts are the totals. */
export interface Plan {
  id: number;
  status: string;
  placementCount: number;
  unfilledCount: number;
  page: number;
  pageSize: number;
  placements: {
    allocationId: number;
    zoneId: number;
    segmentId: number;
    date: string;
    reportageId: number;
    title: string;
    start: string;
    end: string;
    durationSeconds: number;
    airingInZone: number;
    reason: string;
  }[];
  unfilled: {
    allocationId: number;
    zoneId: number;
    segmentId: number;
    date: string;
    start: string;
    code: string;
    reason: string;
  }[];
}

export interface Warning {
  code: string;
  message: string;
  zoneId: number;
  zoneName: string;
  start: string;
  allocationId?: number;
  placementId?: number;
}

export interface CalendarToken {
  exists: boolean;
  createdAt: string | null;
  token?: string;
}

/** A slot is named by its allocation and local date: the same allocation recurs every day. */
export const slotKey = (slot: Pick<AllocationSlot, 'allocationId' | 'date'>) =>
  `${slot.allocationId}:${slot.date}`;

export const scheduleApi = {
  zones: loadZones,
  schedule: (from: string, to: string, zoneId: number) =>
    get<Schedule>(`/api/schedule${query({ from, to, zoneId })}`),
  warnings: (hours = 48) => get<{ count: number; items: Warning[] }>(`/api/schedule/warnings?hours=${hours}`),
  /** Approved reportages (approval needs ready audio; the list keeps those whose audio is still ready). */
  approved: (q: string, segmentId?: number) =>
    get<Page<Reportage>>(
      `/api/reportages${query({ status: 'approved', q: q.trim(), segmentId, pageSize: 50 })}`,
    ).then((page) => page.items.filter((r) => r.currentAudio?.status === 'ready')),
  place: (body: { reportageId: number; zoneId: number; startsAt: string; allocationId: number | null }) =>
    post<Placement>('/api/placements', body),
  move: (id: number, body: { startsAt: string; allocationId: number | null; version: number }) =>
    patch<Placement>(`/api/placements/${id}`, body),
  cancel: (id: number, reason: string, version: number) =>
    post<Placement>(`/api/placements/${id}/cancel`, { reason, version }),
  propose: (body: { from: string; to: string; zoneIds: number[]; segmentId?: number }) =>
    post<Plan>('/api/plans', body),
  apply: (id: number) => post<Plan>(`/api/plans/${id}/apply`),
  calendarToken: () => get<CalendarToken>('/api/me/calendar-token'),
  rotateCalendarToken: () => post<CalendarToken>('/api/me/calendar-token'),
};
