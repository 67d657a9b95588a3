import { get, patch, post, query, request, subscribeServerEvents } from './api';
import type { Page } from './types';

/** The shapes and calls of the On air and Reports screens (playout, as-run log, reports). */

export type AsRunResult = 'on_air' | 'aired' | 'partial' | 'missed' | 'failed' | 'awaiting_confirmation';

export interface AsRunEntry {
  id: number;
  placementId: number | null;
  /** `rescheduled` once a missed placement was put in a later slot. */
  placementStatus: string | null;
  bulletinId: number | null;
  zoneId: number;
  zoneName: string | null;
  reportageId: number | null;
  title: string | null;
  isReair: boolean | null;
  scheduledAt: string;
  startedAt: string | null;
  endedAt: string | null;
  playedSeconds: number;
  result: AsRunResult;
  driver: string;
  error: string | null;
  note: string | null;
  version: number;
}

export interface NextItem {
  placementId: number;
  reportageId: number;
  title: string;
  startsAt: string;
  endsAt: string;
}

export interface ZoneOnAir {
  zoneId: number;
  zoneName: string;
  kind: 'station' | 'cluster';
  parentId: number | null;
  onAir: AsRunEntry | null;
  awaitingConfirmation: AsRunEntry[];
  next: NextItem[];
}

export interface RundownItem {
  placementId: number;
  zone: { id: number; name: string };
  startsAt: string;
  time: string;
  endTime: string;
  duration: string;
  title: string;
  reporter: string | null;
  segment: string;
  isReair: boolean;
  status: string;
  audioReady: boolean;
}

export interface Rundown {
  zone: { id: number; name: string; kind: string };
  date: string;
  dateText: string;
  weekday: string;
  totalSeconds: number;
  items: RundownItem[];
}

export interface Placement {
  id: number;
  zone: { id: number; name: string };
  reportageId: number;
  title: string;
  startsAt: string;
  status: string;
}

export type BulletinPriority = 'normal' | 'priority' | 'emergency';

export interface Bulletin {
  id: number;
  title: string;
  priority: BulletinPriority;
}

export const onAir = () => get<ZoneOnAir[]>('/api/on-air');

export const rundown = (zoneId: number, date: string) =>
  get<Rundown>(`/api/zones/${zoneId}/rundown${query({ date })}`);
export const rundownPrintUrl = (zoneId: number, date: string) =>
  `/api/zones/${zoneId}/rundown.html${query({ date })}`;

/** The airings to reschedule: missed and failed ones (both can be rescheduled), newest first. */
export async function missedEntries(from: string): Promise<AsRunEntry[]> {
  const pages = await Promise.all(
    (['missed', 'failed'] as const).map((result) =>
      get<Page<AsRunEntry>>(`/api/as-run${query({ result, from, pageSize: 100 })}`),
    ),
  );
  return pages.flatMap((p) => p.items).sort((a, b) => Date.parse(b.scheduledAt) - Date.parse(a.scheduledAt));
}

export const confirmAsRun = (entry: AsRunEntry, result: 'aired' | 'missed', note?: string) =>
  patch<AsRunEntry>(`/api/as-run/${entry.id}`, { result, note, version: entry.version });

export const reschedule = (placementId: number) =>
  post<Placement>(`/api/placements/${placementId}/reschedule`);

/** The playout events on `GET /api/events` (start, end, failure of an airing, placements changed). */
export function subscribePlayout(onChange: () => void): () => void {
  return subscribeServerEvents({ playout: onChange, placements_changed: onChange });
}

export async function sendBulletin(input: {
  file: File;
  title: string;
  priority: BulletinPriority;
  zoneIds: number[];
}): Promise<Bulletin> {
  const form = new FormData();
  form.append('title', input.title);
  form.append('priority', input.priority);
  form.append('zoneIds', input.zoneIds.join(','));
  form.append('file', input.file);
  return (await (await request('/api/bulletins', { method: 'POST', body: form })).json()) as Bulletin;
}

// Reports

export type AiringGroup = 'field' | 'place' | 'month' | 'segment' | 'reporter';

export interface AiringFigures {
  reportages: number;
  airings: number;
  firstAirings: number;
  reAirs: number;
  partial: number;
  minutes: number;
}

export interface AiringsRow extends AiringFigures {
  key: number | string | null;
  label: string;
}

export interface AiringsReport {
  groupBy: AiringGroup;
  from: string;
  to: string;
  rows: AiringsRow[];
  total: AiringFigures;
}

export interface ExemplarLine {
  id: number;
  name: string;
  kind: string;
  level: string;
  field: string;
  place: string | null;
}

export interface ExemplarsReport {
  neverFeatured: ExemplarLine[];
}

export const reportUrl = (
  report: 'airings' | 'exemplars',
  params: { from: string; to: string; groupBy?: AiringGroup; format?: 'csv' | 'html' },
) => `/api/reports/${report}${query(params)}`;

export const airingsReport = (from: string, to: string, groupBy: AiringGroup) =>
  get<AiringsReport>(reportUrl('airings', { from, to, groupBy }));

export const exemplarsReport = (from: string, to: string) =>
  get<ExemplarsReport>(reportUrl('exemplars', { from, to }));

/** Downloads a file the API serves (CSV) under the name the API gives it. */
export async function download(path: string, fallbackName: string): Promise<void> {
  const res = await request(path);
  const name =
    /filename="?([^";]+)"?/.exec(res.headers.get('Content-Disposition') ?? '')?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await res.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}
