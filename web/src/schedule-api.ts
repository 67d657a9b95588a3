import { get, patch, post, query } from './api';
import type { Page, Reportage, Schemas } from './types';
import { loadZones } from './zones-api';

export type { Zone } from './zones-api';

/** The scheduling API's shapes (README "Scheduling"), as its OpenAPI document gives them. */

export type WindowSession = Schemas['WindowSessionView'];
/** One slot of a segment's allocation (ô chuyên mục) on one day. */
export type AllocationSlot = Schemas['AllocationSlotView'];
export type Placement = Schemas['PlacementView'];
export type Schedule = Schemas['ScheduleView'];
/** A planner proposal; its items come a page at a time (500 by default), the counts are the totals. */
export type Plan = Schemas['PlanView'];
export type Warning = Schemas['ScheduleWarningView'];
export type CalendarToken = Schemas['CalendarTokenView'];

/** A slot is named by its allocation and local date: the same allocation recurs every day. */
export const slotKey = (slot: Pick<AllocationSlot, 'allocationId' | 'date'>) =>
  `${slot.allocationId}:${slot.date}`;

export const scheduleApi = {
  zones: loadZones,
  schedule: (from: string, to: string, zoneId: number) =>
    get<Schedule>(`/api/schedule${query({ from, to, zoneId })}`),
  warnings: (hours = 48) => get<Schemas['ScheduleWarningsView']>(`/api/schedule/warnings?hours=${hours}`),
  /** Approved reportages (approval needs ready audio; the list keeps those whose audio is still ready). */
  approved: (q: string, segmentId?: number) =>
    get<Page<Reportage>>(
      `/api/reportages${query({ status: 'approved', q: q.trim(), segmentId, pageSize: 50 })}`,
    ).then((page) => page.items.filter((r) => r.currentAudio?.status === 'ready')),
  place: (body: Schemas['CreatePlacementDto']) => post<Placement>('/api/placements', body),
  move: (id: number, body: Schemas['MovePlacementDto']) => patch<Placement>(`/api/placements/${id}`, body),
  cancel: (id: number, reason: string, version: number) =>
    post<Placement>(`/api/placements/${id}/cancel`, { reason, version }),
  propose: (body: Schemas['CreatePlanDto']) => post<Plan>('/api/plans', body),
  apply: (id: number) => post<Plan>(`/api/plans/${id}/apply`),
  calendarToken: () => get<CalendarToken>('/api/me/calendar-token'),
  rotateCalendarToken: () => post<CalendarToken>('/api/me/calendar-token'),
};
