import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { UnfilledCode } from '../planner-reasons.js';
import type { ScheduleWarning } from '../schedule-read.service.js';
import { CreatePlanDto, PlacementView, RefView } from './placement.dto.js';

/**
 * What the schedule's read endpoints answer (GET /api/schedule, …/warnings, …/rundown, the plans),
 * written out for the API document and the web client's generated types (web/src/api-schema.d.ts).
 */

/** Every value of a string union, checked complete by the compiler. */
const valuesOf = <T extends string>(all: Record<T, true>) => Object.keys(all) as T[];

const WARNING_CODES = valuesOf<ScheduleWarning['code']>({
  EMPTY_ALLOCATION: true,
  NOT_APPROVED: true,
  AUDIO_MISSING: true,
  OUTSIDE_VALIDITY: true,
});

const UNFILLED_CODES = valuesOf<UnfilledCode>({
  IN_PAST: true,
  OCCUPIED: true,
  NO_CANDIDATES: true,
  TOO_SHORT: true,
  WAITING: true,
  EXHAUSTED: true,
});

/** One session of a broadcast window (khung giờ phát) on one local date. */
export class WindowSessionView {
  @ApiProperty() windowId: number;
  @ApiProperty() zoneId: number;
  @ApiProperty({ nullable: true, type: String }) name: string | null;
  @ApiProperty({ example: '2026-12-01', description: 'Ngày địa phương của buổi phát' }) date: string;
  @ApiProperty() start: Date;
  @ApiProperty() end: Date;
}

/** One slot of a segment's allocation (ô chuyên mục) on one day. */
export class AllocationSlotView {
  @ApiProperty() allocationId: number;
  @ApiProperty() windowId: number;
  @ApiProperty() zoneId: number;
  @ApiProperty() segmentId: number;
  @ApiProperty({ example: '2026-12-01' }) date: string;
  @ApiProperty() start: Date;
  @ApiProperty() maxSeconds: number;
  @ApiProperty({ description: 'Hết buổi phát chứa ô này: không mục nào được kéo dài quá' }) windowEnd: Date;
  @ApiProperty({ example: 'Asia/Ho_Chi_Minh' }) timeZone: string;
}

export class ScheduleView {
  @ApiProperty({ type: [WindowSessionView] }) windows: WindowSessionView[];
  @ApiProperty({ type: [AllocationSlotView] }) allocations: AllocationSlotView[];
  @ApiProperty({ type: [PlacementView] }) placements: PlacementView[];
}

export class ScheduleWarningView {
  @ApiProperty({ enum: WARNING_CODES }) code: ScheduleWarning['code'];
  @ApiProperty() message: string;
  @ApiProperty() zoneId: number;
  @ApiProperty() zoneName: string;
  @ApiProperty() start: Date;
  @ApiPropertyOptional() allocationId?: number;
  @ApiPropertyOptional() placementId?: number;
  @ApiPropertyOptional() reportageId?: number;
}

export class ScheduleWarningsView {
  @ApiProperty() from: Date;
  @ApiProperty() to: Date;
  @ApiProperty() count: number;
  @ApiProperty({ type: [ScheduleWarningView] }) items: ScheduleWarningView[];
}

export class RundownZoneView {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['station', 'cluster'] }) kind: string;
  @ApiProperty({ example: 'Asia/Ho_Chi_Minh' }) timeZone: string;
}

export class RundownItemView {
  @ApiProperty() placementId: number;
  @ApiProperty({ type: RefView }) zone: RefView;
  @ApiProperty() startsAt: Date;
  @ApiProperty() endsAt: Date;
  @ApiProperty({ description: 'Giờ địa phương' }) time: string;
  @ApiProperty() endTime: string;
  @ApiProperty() durationSeconds: number;
  @ApiProperty() duration: string;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String }) reporter: string | null;
  @ApiProperty({ description: 'Tên chuyên mục' }) segment: string;
  @ApiProperty() isReair: boolean;
  @ApiProperty({ example: 'planned' }) status: string;
  @ApiProperty({ nullable: true, type: Number }) audioAssetId: number | null;
  @ApiProperty() audioReady: boolean;
}

export class RundownView {
  @ApiProperty({ type: RundownZoneView }) zone: RundownZoneView;
  @ApiProperty({ example: '2026-12-01' }) date: string;
  @ApiProperty({ description: 'dd/MM/yyyy' }) dateText: string;
  @ApiProperty({ example: 'Thứ Ba' }) weekday: string;
  @ApiProperty() totalSeconds: number;
  @ApiProperty({ type: [RundownItemView] }) items: RundownItemView[];
}

/** A reportage the planner proposes for a slot, with why. */
export class PlanPlacementItemView {
  @ApiProperty() allocationId: number;
  @ApiProperty() zoneId: number;
  @ApiProperty() segmentId: number;
  @ApiProperty({ example: '2026-12-01' }) date: string;
  @ApiProperty() reportageId: number;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, format: 'date-time' }) start: string;
  @ApiProperty({ type: String, format: 'date-time' }) end: string;
  @ApiProperty() durationSeconds: number;
  @ApiProperty({ description: '1: lần phát đầu tại vùng này, 2: lần phát lại đầu tiên, …' })
  airingInZone: number;
  @ApiProperty({ description: 'Chưa từng phát ở đâu trước đó' }) firstEver: boolean;
  @ApiProperty() reason: string;
}

/** A slot the planner left empty, with why. */
export class PlanUnfilledItemView {
  @ApiProperty() allocationId: number;
  @ApiProperty() zoneId: number;
  @ApiProperty() segmentId: number;
  @ApiProperty({ example: '2026-12-01' }) date: string;
  @ApiProperty({ type: String, format: 'date-time' }) start: string;
  @ApiProperty({ enum: UNFILLED_CODES }) code: UnfilledCode;
  @ApiProperty() reason: string;
}

export class PlanView {
  @ApiProperty() id: number;
  @ApiProperty({ enum: ['proposed', 'applying', 'applied', 'expired'] }) status: string;
  @ApiProperty({ type: CreatePlanDto }) request: CreatePlanDto;
  @ApiProperty() placementCount: number;
  @ApiProperty() unfilledCount: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ nullable: true, type: Date }) appliedAt: Date | null;
  @ApiProperty({ description: 'Trang của placements và unfilled (cùng chia trang)' }) page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty({ type: [PlanPlacementItemView] }) placements: PlanPlacementItemView[];
  @ApiProperty({ type: [PlanUnfilledItemView] }) unfilled: PlanUnfilledItemView[];
}
