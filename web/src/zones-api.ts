import { api, get, patch, post } from './api';
import type { Schedule } from './schedule-api';
import type { Page, Schemas } from './types';

/**
 * Zones (vùng phát: đài truyền thanh xã, cụm loa), their playout settings and the program grid
 * (khung giờ phát, ô chuyên mục), as the API gives them (src/scheduling/dto, src/playout).
 */
export type Zone = Schemas['ZoneView'];
export type ZoneKind = Zone['kind'];

/** A station with its clusters below it. */
export interface ZoneNode extends Zone {
  children: ZoneNode[];
}

export type ZoneInput = Schemas['CreateZoneDto'];

export const DRIVERS = ['manual', 'icecast', 'command'] as const;
export type Driver = (typeof DRIVERS)[number];

/** What GET /api/zones/:id/playout says: never the Icecast password, only whether one is set. */
export type Playout = Schemas['PlayoutSettingsView'];
export type PlayoutInput = Schemas['PlayoutSettingsDto'];

export type BroadcastWindow = Schemas['WindowView'];
export type WindowInput = Schemas['CreateWindowDto'];

export type Allocation = Schemas['AllocationView'];
export type AllocationInput = Schemas['CreateAllocationDto'];

/** The expanded grid of GET /api/schedule: concrete sessions and slots of a period. */
export type ScheduleView = Schedule;

/** Every zone (the list is paged by 100). */
export async function loadZones(): Promise<Zone[]> {
  const zones: Zone[] = [];
  for (let page = 1; ; page++) {
    const p = await get<Page<Zone>>(`/api/zones?pageSize=100&page=${page}`);
    zones.push(...p.items);
    if (zones.length >= p.total || p.items.length === 0) break;
  }
  return zones;
}

/** Every zone, as stations with their clusters. */
export async function loadZoneTree(): Promise<ZoneNode[]> {
  return zoneTree(await loadZones());
}

export function zoneTree(zones: Zone[]): ZoneNode[] {
  const nodes = new Map(zones.map((z) => [z.id, { ...z, children: [] as ZoneNode[] }]));
  const roots: ZoneNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId === null ? undefined : nodes.get(node.parentId);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

export const createZone = (input: ZoneInput) => post<Zone>('/api/zones', input);
export const updateZone = (id: number, input: Schemas['UpdateZoneDto']) =>
  patch<Zone>(`/api/zones/${id}`, input);
export const deleteZone = (id: number) => api<void>('DELETE', `/api/zones/${id}`);

export const getPlayout = (zoneId: number) => get<Playout>(`/api/zones/${zoneId}/playout`);
export const setPlayout = (zoneId: number, body: PlayoutInput) =>
  api<Playout>('PUT', `/api/zones/${zoneId}/playout`, body);

export const listWindows = (zoneId: number) => get<BroadcastWindow[]>(`/api/zones/${zoneId}/windows`);
export const createWindow = (zoneId: number, input: WindowInput) =>
  post<BroadcastWindow>(`/api/zones/${zoneId}/windows`, input);
export const updateWindow = (id: number, input: Schemas['UpdateWindowDto']) =>
  patch<BroadcastWindow>(`/api/windows/${id}`, input);
export const deleteWindow = (id: number) => api<void>('DELETE', `/api/windows/${id}`);

export const listAllocations = (windowId: number) =>
  get<Allocation[]>(`/api/windows/${windowId}/allocations`);
export const createAllocation = (windowId: number, input: AllocationInput) =>
  post<Allocation>(`/api/windows/${windowId}/allocations`, input);
export const updateAllocation = (id: number, input: Schemas['UpdateAllocationDto']) =>
  patch<Allocation>(`/api/allocations/${id}`, input);
export const deleteAllocation = (id: number) => api<void>('DELETE', `/api/allocations/${id}`);

export const loadSchedule = (zoneId: number, from: string, to: string) =>
  get<ScheduleView>(`/api/schedule?from=${from}&to=${to}&zoneId=${zoneId}`);

/** RFC 5545 weekdays, Monday first as in Vietnam (Thứ Hai … Chủ Nhật). */
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** The RRULE subset the API stores, as form fields. */
export interface Recurrence {
  freq: 'DAILY' | 'WEEKLY';
  interval: number;
  byDay: Weekday[];
  count?: number;
  /** YYYY-MM-DD, inclusive. */
  until?: string;
}

export function parseRecurrence(rrule: string | null | undefined): Recurrence {
  const rule: Recurrence = { freq: 'DAILY', interval: 1, byDay: [] };
  for (const part of (rrule ?? '').replace(/^RRULE:/i, '').split(';')) {
    const [key, value = ''] = part.split('=');
    if (key === 'FREQ' && value === 'WEEKLY') rule.freq = 'WEEKLY';
    if (key === 'INTERVAL') rule.interval = Number(value) || 1;
    if (key === 'BYDAY')
      rule.byDay = value.split(',').filter((d): d is Weekday => WEEKDAYS.includes(d as Weekday));
    if (key === 'COUNT') rule.count = Number(value);
    if (key === 'UNTIL') rule.until = `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}`;
  }
  return rule;
}

export function formatRecurrence(rule: Recurrence): string {
  const parts = [`FREQ=${rule.freq}`];
  if (rule.interval > 1) parts.push(`INTERVAL=${rule.interval}`);
  if (rule.byDay.length) parts.push(`BYDAY=${WEEKDAYS.filter((d) => rule.byDay.includes(d)).join(',')}`);
  if (rule.count) parts.push(`COUNT=${rule.count}`);
  else if (rule.until) parts.push(`UNTIL=${rule.until.replaceAll('-', '')}`);
  return parts.join(';');
}
