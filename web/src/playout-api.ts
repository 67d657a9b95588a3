import { get, patch, post, query, request } from './api';
import type { Page, Schemas } from './types';

/** The shapes and calls of the On air and Reports screens (playout, as-run log, reports). */

export type AsRunEntry = Schemas['AsRunView'];
export type AsRunResult = AsRunEntry['result'];
export type NextItem = Schemas['NextAiringView'];
export type ZoneOnAir = Schemas['ZoneOnAirView'];
export type RundownItem = Schemas['RundownItemView'];
export type Rundown = Schemas['RundownView'];
export type Placement = Schemas['PlacementView'];
export type Bulletin = Schemas['AcceptedBulletinView'];
export type BulletinPriority = Bulletin['priority'];

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

export type AiringsReport = Schemas['AiringsReportView'];
export type AiringGroup = AiringsReport['groupBy'];
export type AiringFigures = Schemas['AiringFiguresView'];
export type AiringsRow = Schemas['AiringsRowView'];
export type ExemplarLine = Schemas['ExemplarLineView'];
export type ExemplarsReport = Schemas['ExemplarsReportView'];

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
