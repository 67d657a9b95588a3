import { HttpStatus, Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { findOr404 } from '../database/crud.js';
import { AppError, invalid, type ErrorDetail } from '../common/errors.js';
import { currentRequest } from '../common/request-context.js';
import { utcDate } from '../database/sql.js';
import { AuditService } from '../audit/audit.service.js';
import { AirableReportages } from '../catalog/reportages/airable-reportages.repository.js';
import { DEFAULT_PLANNING, type PlanningRules } from '../catalog/segments/segment.entity.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { Database } from '../database/database.service.js';
import { EventsService } from '../events/events.service.js';
import { PLAN_PAGE_SIZE, type CreatePlanDto } from './dto/placement.dto.js';
import { localPeriod } from './grid-loader.js';
import { GridRepository } from './grid.repository.js';
import { dayNumber } from './local-time.js';
import {
  EMPTY_PROPOSAL,
  encodeProposal,
  parseProposal,
  placementView,
  unfilledView,
  type CompactProposal,
  type PlanPlacementView,
  type PlanUnfilledView,
} from './plan-codec.js';
import { PlacementGuard } from './placement-guard.js';
import { PlacementsRepository } from './placements.repository.js';
import { PlacementStatusRepository } from './placement-status.repository.js';
import {
  AirTimeIndex,
  checkPlanItems,
  overlapProblems,
  type CheckedItem,
  type PlanCheckContext,
  type PlanItem,
} from './plan-check.js';
import { planSchedule, type PlannerCandidate, type PlannerInput, type PriorAiring } from './planner.js';
import {
  expandAllocations,
  expandWindows,
  type AllocationOccurrence,
  type WindowOccurrence,
} from './program-grid.js';
import { PlansRepository } from './plans.repository.js';
import { Plan } from './scheduling.entities.js';
import { SegmentReadsRepository } from './segment-reads.repository.js';
import type { ZoneTree } from './zones.js';
import { ZonesRepository } from './zones.repository.js';

const MAX_PERIOD_DAYS = 366;
const DAY_MS = 86_400_000;
/** Placements staged per write transaction (checked again inside it): a few tens of ms of writer time. */
const STAGE_CHUNK = 500;
/** Staged rows turned planned (or dropped) per write transaction. */
const FLIP_CHUNK = 2000;
/** Staged rows turned planned per write transaction, with the re-air marks of their reportages. */
const AIRINGS_CHUNK = 1000;
/** Items checked between two turns of the event loop. */
const CHECK_SLICE = 2000;
/** An apply silent for this long (no chunk written) was interrupted: see recoverApplies. */
export const APPLY_STALE_MS = 2 * 60_000;

function notProposed(plan: Plan): AppError {
  return new AppError(
    HttpStatus.CONFLICT,
    'PLAN_NOT_PROPOSED',
    plan.status === 'applied'
      ? `Phương án ${plan.id} đã được áp dụng rồi.`
      : plan.status === 'applying'
        ? `Phương án ${plan.id} đang được áp dụng.`
        : `Phương án ${plan.id} đã hết hạn; hãy lập phương án mới.`,
  );
}

function planConflict(id: number, problems: ErrorDetail[]): AppError {
  return new AppError(
    HttpStatus.CONFLICT,
    'PLAN_CONFLICT',
    `Không áp dụng được phương án ${id}: ${problems.length} mục không còn hợp lệ (lịch đã thay đổi từ khi lập). Không mục nào được xếp; hãy lập phương án mới.`,
    problems.slice(0, 50),
  );
}

export interface PlanView {
  id: number;
  status: string;
  request: CreatePlanDto;
  placementCount: number;
  unfilledCount: number;
  createdAt: Date;
  appliedAt: Date | null;
  /** The placements and unfilled allocations are paged together: items (page−1)·pageSize onwards of each. */
  page: number;
  pageSize: number;
  placements: (PlanPlacementView & { title: string })[];
  unfilled: PlanUnfilledView[];
}

/**
 * The planner behind the API: loads the grid, candidates (approved reportages with ready audio) and
 * prior airings, runs the pure planSchedule, and keeps the proposal as a plan row until it is applied
 * (all or nothing, every rule re-checked) or expires.
 */
@Injectable()
export class PlansService implements OnApplicationBootstrap {
  private readonly logger = new Logger(PlansService.name);

  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
    private readonly events: EventsService,
    private readonly statuses: PlacementStatusRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly guard: PlacementGuard,
    private readonly plans: PlansRepository,
    private readonly placementRows: PlacementsRepository,
    private readonly zones: ZonesRepository,
    private readonly grid: GridRepository,
    private readonly segments: SegmentReadsRepository,
    private readonly reportages: AirableReportages,
  ) {}

  /** Everything the pure planner needs for a request, read in a few set-based queries. */
  async plannerInput(dto: CreatePlanDto, now = this.clock.now()): Promise<PlannerInput> {
    const days = dayNumber(dto.to) - dayNumber(dto.from) + 1;
    if (days < 1 || days > MAX_PERIOD_DAYS)
      throw invalid(
        'INVALID_PERIOD',
        `Khoảng lập lịch phải từ 1 đến ${MAX_PERIOD_DAYS} ngày và "from" không sau "to".`,
        [{ field: 'to', code: 'range', message: `${dto.from} → ${dto.to}` }],
      );
    const { rows: zoneRows, tree } = await this.zones.all();
    const missing = (dto.zoneIds ?? []).filter((id) => !zoneRows.has(id));
    if (missing.length)
      throw invalid('REFERENCE_NOT_FOUND', `Không tìm thấy vùng phát có mã ${missing.join(', ')}.`, [
        { field: 'zoneIds', code: 'notFound', message: missing.join(', ') },
      ]);
    const zoneIds = (dto.zoneIds ?? [...zoneRows.keys()]).filter((id) => zoneRows.get(id)!.active);
    const { start, end } = localPeriod(dto.from, dto.to, this.config.planningTimeZone);
    const grid = await this.grid.grid(tree, zoneIds, { segmentId: dto.segmentId });
    const slots = expandAllocations(tree, grid.windows, grid.allocations, start, end);
    const segmentIds = [...new Set(slots.map((s) => s.segmentId))];
    return {
      zones: tree,
      slots,
      // Placements already in the period count too: a reportage placed by hand on Monday is not
      // proposed again on Tuesday as a "first airing".
      candidates: await this.candidates(segmentIds, end),
      rules: await this.rules(segmentIds),
      existing: await this.existing(start, end),
      now,
    };
  }

  /** The proposal only (no row), as it is stored: what the bench times against the bare planSchedule. */
  async proposal(dto: CreatePlanDto, now = this.clock.now()): Promise<CompactProposal> {
    return encodeProposal(planSchedule(await this.plannerInput(dto, now)));
  }

  async propose(dto: CreatePlanDto, now = this.clock.now()): Promise<PlanView> {
    const request: CreatePlanDto = {
      from: dto.from,
      to: dto.to,
      zoneIds: dto.zoneIds ? [...dto.zoneIds].sort((a, b) => a - b) : undefined,
      segmentId: dto.segmentId,
    };
    const proposal = await this.proposal(request, now);
    const createdAt = this.clock.now();
    const id = await this.db.transaction(async (m) => {
      const id = await this.plans.insertProposed(m, {
        request: JSON.stringify(request),
        proposal: JSON.stringify(proposal),
        placementCount: proposal.placements.length,
        unfilledCount: proposal.unfilled.length,
        createdBy: currentRequest().actor?.id ?? null,
        createdAt,
      });
      await this.audit.record(m, {
        action: 'propose',
        entity: 'plan',
        entityId: id,
        changes: { request: { to: request }, placements: { to: proposal.placements.length } },
      });
      return id;
    });
    return {
      id,
      status: 'proposed',
      request,
      placementCount: proposal.placements.length,
      unfilledCount: proposal.unfilled.length,
      createdAt,
      appliedAt: null,
      ...(await this.pageOf(proposal, FIRST_PAGE)),
    };
  }

  async get(id: number, page: PlanPage = FIRST_PAGE): Promise<PlanView> {
    return this.view(await findOr404(this.db.manager, Plan, id, 'phương án lịch'), page);
  }

  /**
   * All or nothing, without holding the schedule for the whole apply (issue 15):
   * 1. the plan turns `applying` (one short transaction: a second apply is refused);
   * 2. every proposed placement is checked in memory against every placement rule, on what is read
   *    once for the plan's zones and period (outside any write transaction);
   * 3. the placements are written `staged` in short chunk transactions, each taking the schedule write
   *    lock and checking its items again against the air time held now (so a placement made meanwhile
   *    cannot slip into a conflict; one made after a chunk sees the staged rows and is refused);
   * 4. the commit point: one short transaction marks the plan applied; its staged rows then turn
   *    `planned` in chunks, and the first airing / re-air marks follow.
   * Any refusal before the commit point deletes the staged rows and puts the plan back to proposed.
   * Staged rows are shown nowhere and never air; a crash leaves them to {@link recoverApplies}.
   */
  async apply(id: number): Promise<PlanView> {
    const plan = await this.startApplying(id);
    const now = this.clock.now();
    const proposal = parseProposal(plan.proposal);
    try {
      const items: PlanItem[] = proposal.placements.map(
        ([allocationId, zoneId, , , reportageId, start], row) => ({
          row,
          allocationId,
          zoneId,
          reportageId,
          start: new Date(start * 1000),
        }),
      );
      const context = await this.planContext(items, now);
      const checked: CheckedItem[] = [];
      const problems: ErrorDetail[] = [];
      // In slices, letting other requests run in between (the plan's own items pile up in context.taken).
      for (let i = 0; i < items.length; i += CHECK_SLICE) {
        const slice = checkPlanItems(items.slice(i, i + CHECK_SLICE), context);
        checked.push(...slice.checked);
        problems.push(...slice.problems);
        await new Promise((resolve) => setImmediate(resolve));
      }
      if (problems.length) throw planConflict(id, problems);
      await this.stage(id, context.tree, checked, now);
    } catch (error) {
      await this.abandon(id).catch((cleanup: Error) =>
        this.logger.error(`plan ${id}: staged placements left after a failed apply (${cleanup.message})`),
      );
      throw error;
    }
    // The commit point.
    await this.db
      .transaction(async (m) => {
        await this.guard.takeScheduleWriteLock(m);
        const current = await this.plans.one(m, id);
        // Taken back by recoverApplies (silent too long): its staged rows are gone already.
        if (current.status !== 'applying') throw notProposed(current);
        await this.plans.markApplied(m, id, now, current.version);
        await this.audit.record(m, {
          action: 'apply',
          entity: 'plan',
          entityId: id,
          changes: {
            status: { from: 'proposed', to: 'applied' },
            placements: { to: proposal.placements.length },
          },
        });
      })
      .catch(async (error: unknown) => {
        // Not committed (the database failed): still `applying`, so undone like any refusal.
        if (!(error instanceof AppError)) await this.abandon(id).catch(() => undefined);
        throw error;
      });
    await this.finishApplied(id, proposal);
    this.events.publish({ type: 'placements_changed' });
    return this.get(id);
  }

  /**
   * Applies a crash (or a lost connection) interrupted: a plan still `applying` with no sign of life
   * for APPLY_STALE_MS goes back to proposed, losing its staged placements; an applied plan's staged
   * placements left over turn planned; staged rows of any other plan go. At start-up and with the
   * periodic housekeeping. Returns how many plans it dealt with.
   */
  async recoverApplies(): Promise<number> {
    let n = 0;
    for (const id of await this.plans.applyingSince(this.db.manager, new Date(Date.now() - APPLY_STALE_MS))) {
      await this.abandon(id);
      n++;
    }
    for (const id of await this.statuses.plansWithStaged(this.db.manager)) {
      const plan = await this.plans.status(this.db.manager, id);
      if (plan?.status === 'applying') continue;
      if (plan?.status === 'applied')
        await this.finishApplied(id, parseProposal((await this.plans.one(this.db.manager, id)).proposal));
      else await this.dropStaged(id);
      n++;
    }
    if (n > 0) {
      this.logger.warn(`${n} interrupted plan apply(s) recovered`);
      this.events.publish({ type: 'placements_changed' });
    }
    return n;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.recoverApplies().catch((error: Error) =>
      this.logger.error(`recovering interrupted plan applies: ${error.message}`),
    );
  }

  private startApplying(id: number): Promise<Plan> {
    return this.db.transaction(async (m) => {
      await this.guard.takeScheduleWriteLock(m);
      const plan = await findOr404(m, Plan, id, 'phương án lịch');
      if (plan.status !== 'proposed') throw notProposed(plan);
      await this.plans.markApplying(m, id, plan.version);
      return plan;
    });
  }

  /** What checking a plan's items needs, read once (read connections, no write transaction). */
  private async planContext(items: PlanItem[], now: Date): Promise<PlanCheckContext> {
    const { rows, tree } = await this.zones.all();
    const activeZones = new Set([...rows.values()].filter((z) => z.active).map((z) => z.id));
    if (items.length === 0)
      return {
        tree,
        activeZones,
        reportages: new Map(),
        allocations: new Map(),
        occurrences: new Map(),
        sessions: new Map(),
        taken: new AirTimeIndex(),
        now,
      };
    const zoneIds = [...new Set(items.map((i) => i.zoneId))].filter((id) => tree.has(id));
    const hostZones = [...new Set(zoneIds.flatMap((id) => [id, ...tree.ancestors(id)]))];
    let first = Infinity;
    let last = -Infinity;
    for (const item of items) {
      first = Math.min(first, item.start.getTime());
      last = Math.max(last, item.start.getTime());
    }
    const from = new Date(first - 2 * DAY_MS);
    const to = new Date(last + DAY_MS);
    const grid = await this.grid.grid(tree, hostZones);
    const zoneOfWindow = new Map(grid.windows.map((w) => [w.id, w.zoneId]));
    const allocations = new Map<number, { zoneId: number; segmentId: number } | undefined>(
      grid.allocations.map((a) => [a.id, { zoneId: zoneOfWindow.get(a.windowId)!, segmentId: a.segmentId }]),
    );
    for (const allocationId of new Set(items.map((i) => i.allocationId))) {
      if (!allocationId || allocations.has(allocationId)) continue;
      const host = await this.grid.allocationHost(allocationId);
      allocations.set(allocationId, host && { zoneId: host.zone_id, segmentId: host.segment_id });
    }
    const occurrences = new Map<number, AllocationOccurrence[]>();
    for (const o of expandAllocations(tree, grid.windows, grid.allocations, from, to)) {
      const list = occurrences.get(o.allocationId) ?? [];
      list.push(o);
      occurrences.set(o.allocationId, list);
    }
    const sessions = new Map<number, WindowOccurrence[]>();
    if (items.some((i) => !i.allocationId))
      for (const s of expandWindows(tree, grid.windows, from, to)) {
        const list = sessions.get(s.zoneId) ?? [];
        list.push(s);
        sessions.set(s.zoneId, list);
      }
    return {
      tree,
      activeZones,
      reportages: await this.reportages.byId(items.map((i) => i.reportageId)),
      allocations,
      occurrences,
      sessions,
      taken: new AirTimeIndex(
        await this.placementRows.startingBetween(first - DAY_MS, new Date(last + DAY_MS)),
      ),
      now,
    };
  }

  /** Writes the checked placements staged, in time order, in short chunk transactions. */
  private async stage(id: number, tree: ZoneTree, checked: CheckedItem[], now: Date): Promise<void> {
    const createdBy = currentRequest().actor?.id ?? null;
    const ordered = [...checked].sort((a, b) => a.start.getTime() - b.start.getTime());
    for (let i = 0; i < ordered.length; i += STAGE_CHUNK) {
      const chunk = ordered.slice(i, i + STAGE_CHUNK);
      let to = 0;
      for (const item of chunk) to = Math.max(to, item.end.getTime());
      await this.db.transaction(async (m) => {
        await this.guard.takeScheduleWriteLock(m);
        const held = await this.placementRows.holdingBetween(
          m,
          chunk[0].start.getTime() - DAY_MS,
          new Date(to),
          id,
        );
        const problems = overlapProblems(tree, chunk, new AirTimeIndex(held));
        if (problems.length) throw planConflict(id, problems);
        await this.statuses.stage(m, id, chunk, createdBy, now);
        await this.plans.touch(m, id, new Date());
      });
    }
  }

  /**
   * After the commit point: the staged rows turn planned, a few reportages per transaction, each with
   * the first airing / re-air marks of those reportages in the plan's zones (as markAirings sets them).
   */
  private async finishApplied(id: number, proposal: CompactProposal): Promise<void> {
    const zoneIds = [...new Set(proposal.placements.map((p) => p[1]))];
    // Chunks of about AIRINGS_CHUNK rows: a reportage may be placed once, or in every zone many times.
    const perReportage = new Map<number, number>();
    for (const p of proposal.placements) perReportage.set(p[4], (perReportage.get(p[4]) ?? 0) + 1);
    const chunks: number[][] = [[]];
    let rows = 0;
    for (const [reportageId, n] of [...perReportage].sort((a, b) => a[0] - b[0])) {
      if (rows + n > AIRINGS_CHUNK && chunks[chunks.length - 1].length > 0) {
        chunks.push([]);
        rows = 0;
      }
      chunks[chunks.length - 1].push(reportageId);
      rows += n;
    }
    for (const chunk of chunks) {
      await this.db.transaction(async (m) => {
        const staged = await this.placementRows.recomputeAirings(m, chunk, zoneIds, id);
        await this.statuses.commitStagedRows(m, staged);
      });
    }
    // Whatever the proposal does not name (none, unless it was changed by hand).
    while ((await this.db.transaction((m) => this.statuses.commitStaged(m, id, FLIP_CHUNK))) > 0);
  }

  /** A failed apply: its staged rows go, then the plan is proposed again. */
  private async abandon(id: number): Promise<void> {
    await this.dropStaged(id);
    await this.db.transaction((m) => this.plans.markProposedAgain(m, id));
  }

  private async dropStaged(id: number): Promise<void> {
    while ((await this.db.transaction((m) => this.statuses.dropStaged(m, id, FLIP_CHUNK))) > 0);
  }

  /** Housekeeping: proposals nobody applied within PLAN_TTL_HOURS expire (their JSON is dropped). */
  async expireOld(now = this.clock.now()): Promise<number> {
    const before = now.getTime() - this.config.scheduling.planTtlHours * 3_600_000;
    const n = await this.db.transaction((m) =>
      this.plans.expireProposedBefore(m, before, JSON.stringify(EMPTY_PROPOSAL)),
    );
    if (n > 0) this.logger.log(`${n} proposed plan(s) expired`);
    return n;
  }

  private async candidates(segmentIds: number[], until: Date): Promise<PlannerCandidate[]> {
    if (segmentIds.length === 0) return [];
    const airable = await this.reportages.inSegments(segmentIds);
    const priors = await this.placementRows.priorAirings(
      airable.map((r) => r.id),
      until,
    );
    const byReportage = new Map<number, PriorAiring[]>();
    for (const p of priors) {
      const list = byReportage.get(p.reportage_id) ?? [];
      list.push({ zoneId: p.zone_id, at: utcDate(p.starts_at) });
      byReportage.set(p.reportage_id, list);
    }
    return airable.map((r) => ({
      id: r.id,
      segmentId: r.segmentId,
      durationSeconds: r.durationSeconds!,
      fieldId: r.fieldId,
      placeId: r.placeId ?? null,
      priority: r.priority,
      validFrom: r.validFrom,
      validUntil: r.validUntil,
      priorAirings: byReportage.get(r.id) ?? [],
    }));
  }

  private async view(plan: Plan, page: PlanPage = FIRST_PAGE): Promise<PlanView> {
    return {
      id: plan.id,
      status: plan.status,
      request: JSON.parse(plan.request) as CreatePlanDto,
      placementCount: plan.placementCount,
      unfilledCount: plan.unfilledCount,
      createdAt: plan.createdAt,
      appliedAt: plan.appliedAt,
      ...(await this.pageOf(parseProposal(plan.proposal), page)),
    };
  }

  /** One page of a proposal, each placement with its reportage's title (looked up for the page only). */
  private async pageOf(proposal: CompactProposal, { page, pageSize }: PlanPage) {
    const from = (page - 1) * pageSize;
    const rows = proposal.placements.slice(from, from + pageSize);
    const ids = [...new Set(rows.map((r) => r[4]))];
    const titles = new Map(
      ids.length === 0 ? [] : [...(await this.reportages.byId(ids)).values()].map((r) => [r.id, r.title]),
    );
    return {
      page,
      pageSize,
      placements: rows.map((r) => ({ ...placementView(proposal, r), title: titles.get(r[4]) ?? '' })),
      unfilled: proposal.unfilled.slice(from, from + pageSize).map((r) => unfilledView(proposal, r)),
    };
  }

  private async rules(segmentIds: number[]): Promise<Map<number, PlanningRules>> {
    if (segmentIds.length === 0) return new Map();
    const rows = await this.segments.planning(segmentIds);
    return new Map(
      rows.map((r) => [
        r.id,
        { ...DEFAULT_PLANNING, ...(r.planning ? (JSON.parse(r.planning) as object) : {}) },
      ]),
    );
  }

  private async existing(start: Date, end: Date) {
    return this.placementRows.startingBetween(start.getTime() - 86_400_000, end);
  }

  /** Tells playout (in every instance) that placements changed, so their broadcast jobs follow at once. */
  private async changed<T>(work: Promise<T>): Promise<T> {
    const result = await work;
    this.events.publish({ type: 'placements_changed' });
    return result;
  }
}

export interface PlanPage {
  page: number;
  pageSize: number;
}

const FIRST_PAGE: PlanPage = { page: 1, pageSize: PLAN_PAGE_SIZE };
