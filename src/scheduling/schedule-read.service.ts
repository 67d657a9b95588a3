import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { invalid, notFound } from '../common/errors.js';
import { utcDate } from '../database/sql.js';
import { AirableReportages, whyNotAirable } from '../catalog/reportages/airable-reportages.repository.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import type { PeriodQuery, PlacementView } from './dto/placement.dto.js';
import { localPeriod, todayIn } from './grid-loader.js';
import { GridRepository } from './grid.repository.js';
import { writeICalendar } from './icalendar.js';
import { dayNumber, isoDate } from './local-time.js';
import { checkValidity } from './placement-rules.js';
import { PlacementsRepository } from './placements.repository.js';
import { PlacementsService } from './placements.service.js';
import {
  expandAllocations,
  expandWindows,
  type AllocationOccurrence,
  type WindowOccurrence,
} from './program-grid.js';
import {
  formatDate,
  formatDuration,
  formatLocalDate,
  formatLocalTime,
  vietnameseWeekday,
} from './rundown-format.js';
import { SegmentReadsRepository } from './segment-reads.repository.js';
import { ZonesRepository, type ZoneRow } from './zones.repository.js';

const MAX_READ_DAYS = 92;
const HOUR_MS = 3_600_000;

export interface ScheduleWarning {
  code: 'EMPTY_ALLOCATION' | 'NOT_APPROVED' | 'AUDIO_MISSING' | 'OUTSIDE_VALIDITY';
  message: string;
  zoneId: number;
  zoneName: string;
  start: Date;
  allocationId?: number;
  placementId?: number;
  reportageId?: number;
}

export interface RundownItem {
  placementId: number;
  zone: { id: number; name: string };
  startsAt: Date;
  endsAt: Date;
  time: string;
  endTime: string;
  durationSeconds: number;
  duration: string;
  title: string;
  reporter: string | null;
  segment: string;
  isReair: boolean;
  status: string;
  audioAssetId: number | null;
  audioReady: boolean;
}

export interface Rundown {
  zone: { id: number; name: string; kind: string; timeZone: string };
  date: string;
  dateText: string;
  weekday: string;
  totalSeconds: number;
  items: RundownItem[];
}

/** What the schedule says for a period: grid sessions, slots, placements, warnings, exports. */
@Injectable()
export class ScheduleReadService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly zones: ZonesRepository,
    private readonly grid: GridRepository,
    private readonly placements: PlacementsRepository,
    private readonly placementViews: PlacementsService,
    private readonly segments: SegmentReadsRepository,
    private readonly reportages: AirableReportages,
  ) {}

  async schedule(query: PeriodQuery): Promise<{
    windows: (WindowOccurrence & { name: string | null })[];
    allocations: AllocationOccurrence[];
    placements: PlacementView[];
  }> {
    const days = dayNumber(query.to) - dayNumber(query.from) + 1;
    if (days < 1 || days > MAX_READ_DAYS)
      throw invalid(
        'INVALID_PERIOD',
        `Hãy xem từ 1 đến ${MAX_READ_DAYS} ngày một lần, "from" không sau "to".`,
      );
    const { rows, tree } = await this.zones.all();
    if (query.zoneId && !rows.has(query.zoneId)) throw notFound('vùng phát', query.zoneId);
    const zoneIds = query.zoneId
      ? [...tree.related(query.zoneId)]
      : [...rows.values()].filter((z) => z.active).map((z) => z.id);
    const timeZone = query.zoneId ? tree.timeZone(query.zoneId) : this.config.planningTimeZone;
    const { start, end } = localPeriod(query.from, query.to, timeZone);
    const grid = await this.grid.grid(tree, zoneIds);
    const names = await this.grid.windowNames();
    return {
      windows: expandWindows(tree, grid.windows, start, end).map((w) => ({
        ...w,
        name: names.get(w.windowId) ?? null,
      })),
      allocations: expandAllocations(tree, grid.windows, grid.allocations, start, end),
      placements: await this.placementsIn(zoneIds, start, end),
    };
  }

  /** Before air: empty slots, and placements whose reportage lost its approval, audio or validity. */
  async warnings(
    hours: number,
    now = this.clock.now(),
  ): Promise<{ from: Date; to: Date; count: number; items: ScheduleWarning[] }> {
    const to = new Date(now.getTime() + hours * HOUR_MS);
    const { rows, tree } = await this.zones.all();
    const active = [...rows.values()].filter((z) => z.active).map((z) => z.id);
    const grid = await this.grid.grid(tree, active);
    const items: ScheduleWarning[] = [];
    const zoneName = (id: number) => rows.get(id)?.name ?? String(id);
    const slots = expandAllocations(tree, grid.windows, grid.allocations, now, to);
    const filled = await this.placements.filledAllocations(now.getTime() - 86_400_000, to);
    const starts = new Map<number, number[]>();
    for (const f of filled)
      starts.set(f.allocation_id, [...(starts.get(f.allocation_id) ?? []), utcDate(f.starts_at).getTime()]);
    for (const slot of slots) {
      const from = slot.start.getTime();
      const until = from + slot.maxSeconds * 1000;
      if ((starts.get(slot.allocationId) ?? []).some((t) => t >= from && t < until)) continue;
      items.push({
        code: 'EMPTY_ALLOCATION',
        message: `Ô chuyên mục lúc ${formatLocalTime(slot.start, slot.timeZone)} ngày ${formatLocalDate(slot.start, slot.timeZone)} (${zoneName(slot.zoneId)}) chưa có phóng sự nào.`,
        zoneId: slot.zoneId,
        zoneName: zoneName(slot.zoneId),
        start: slot.start,
        allocationId: slot.allocationId,
      });
    }
    const placed = await this.placements.plannedBetween(now, to);
    const reportages = await this.reportages.byId(placed.map((p) => p.reportage_id));
    for (const p of placed) {
      const r = reportages.get(p.reportage_id);
      if (!r) continue;
      const start = utcDate(p.starts_at);
      const timeZone = tree.timeZone(p.zone_id);
      const at = `"${r.title}" (${formatLocalTime(start, timeZone)} ngày ${formatLocalDate(start, timeZone)}, ${zoneName(p.zone_id)})`;
      const base = {
        zoneId: p.zone_id,
        zoneName: zoneName(p.zone_id),
        start,
        placementId: p.id,
        reportageId: p.reportage_id,
      };
      // The rule "a reportage may air", one warning per way it fails: approval, then audio.
      if (whyNotAirable(r) === 'REPORTAGE_NOT_APPROVED')
        items.push({
          ...base,
          code: 'NOT_APPROVED',
          message: `Phóng sự ${at} không còn ở trạng thái đã duyệt.`,
        });
      if (whyNotAirable({ ...r, status: 'approved' }) === 'AUDIO_NOT_READY')
        items.push({
          ...base,
          code: 'AUDIO_MISSING',
          message: `Phóng sự ${at} không có bản phát sóng sẵn sàng.`,
        });
      const validity = checkValidity(start, timeZone, r.validFrom, r.validUntil);
      if (validity)
        items.push({ ...base, code: 'OUTSIDE_VALIDITY', message: `Phóng sự ${at}: ${validity.message}` });
    }
    items.sort((a, b) => a.start.getTime() - b.start.getTime() || a.zoneId - b.zoneId);
    return { from: now, to, count: items.length, items };
  }

  /** One local day of a zone: what it plays (its own items, its station's and its clusters'), in order. */
  async rundown(zoneId: number, date: string): Promise<Rundown> {
    const { rows, tree } = await this.zones.all();
    const zone = this.zone(rows, zoneId);
    const { start, end } = localPeriod(date, date, zone.time_zone);
    const views = await this.placementsIn([...tree.related(zoneId)], start, end);
    const reportages = await this.reportages.byId(views.map((v) => v.reportageId));
    const segments = await this.segments.names();
    const items = views.map((v) => ({
      placementId: v.id,
      zone: v.zone,
      startsAt: v.startsAt,
      endsAt: v.endsAt,
      time: formatLocalTime(v.startsAt, zone.time_zone),
      endTime: formatLocalTime(v.endsAt, zone.time_zone),
      durationSeconds: v.durationSeconds,
      duration: formatDuration(v.durationSeconds),
      title: v.title,
      reporter: v.reporter,
      segment: segments.get(v.segmentId) ?? '',
      isReair: v.isReair,
      status: v.status,
      audioAssetId: v.audioAssetId,
      audioReady: v.audioAssetId !== null && reportages.get(v.reportageId)?.audioStatus === 'ready',
    }));
    return {
      zone: { id: zone.id, name: zone.name, kind: zone.kind, timeZone: zone.time_zone },
      date,
      dateText: formatDate(date),
      weekday: vietnameseWeekday(date),
      totalSeconds: items.reduce((sum, i) => sum + i.durationSeconds, 0),
      items,
    };
  }

  /** iCalendar of what a zone plays; by default from a week back to three months ahead. */
  async icalendar(
    zoneId: number,
    host: string,
    range: { from?: string; to?: string } = {},
    now = this.clock.now(),
  ): Promise<string> {
    const { rows, tree } = await this.zones.all();
    const zone = this.zone(rows, zoneId);
    const today = dayNumber(todayIn(zone.time_zone, now));
    const from = range.from ?? isoDate(today - 7);
    const to = range.to ?? isoDate(Math.max(today + 92, dayNumber(from)));
    const days = dayNumber(to) - dayNumber(from) + 1;
    if (days < 1 || days > 400)
      throw invalid(
        'INVALID_PERIOD',
        'Lịch iCalendar lấy được từ 1 đến 400 ngày một lần, "from" không sau "to".',
      );
    const { start, end } = localPeriod(from, to, zone.time_zone);
    const views = await this.placementsIn([...tree.related(zoneId)], start, end);
    return writeICalendar({
      name: `Lịch phát – ${zone.name}`,
      timeZone: zone.time_zone,
      host,
      generatedAt: now,
      placements: views.map((v) => ({
        id: v.id,
        start: v.startsAt,
        end: v.endsAt,
        summary: v.title,
        description: [
          v.reporter ? `Phóng viên: ${v.reporter}` : undefined,
          v.isReair ? 'Phát lại' : 'Phát lần đầu',
          `Thời lượng ${formatDuration(v.durationSeconds)}`,
        ]
          .filter(Boolean)
          .join('\n'),
        location: v.zone.name,
      })),
    });
  }

  private zone(rows: Map<number, ZoneRow>, id: number): ZoneRow {
    const zone = rows.get(id);
    if (!zone) throw notFound('vùng phát', id);
    return zone;
  }

  private async placementsIn(zoneIds: number[], start: Date, end: Date): Promise<PlacementView[]> {
    return this.placementViews.views(await this.placements.idsIn(zoneIds, start, end));
  }
}
