import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
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
import { PlacementsService } from './placements.service.js';
import { planSchedule, type PlannerCandidate, type PlannerInput, type PriorAiring } from './planner.js';
import { expandAllocations } from './program-grid.js';
import { PlansRepository } from './plans.repository.js';
import { Plan } from './scheduling.entities.js';
import { SegmentReadsRepository } from './segment-reads.repository.js';
import { ZonesRepository } from './zones.repository.js';

const MAX_PERIOD_DAYS = 366;

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
export class PlansService {
  private readonly logger = new Logger(PlansService.name);

  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
    private readonly events: EventsService,
    private readonly placements: PlacementsService,
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

  /** All or nothing: every proposed placement is checked again now, inside one write transaction. */
  async apply(id: number): Promise<PlanView> {
    return this.view(await this.applyInTransaction(id));
  }

  private applyInTransaction(id: number): Promise<Plan> {
    return this.changed(
      this.db.transaction(async (m) => {
        await this.guard.takeScheduleWriteLock(m);
        const plan = await findOr404(m, Plan, id, 'phương án lịch');
        if (plan.status !== 'proposed')
          throw new AppError(
            HttpStatus.CONFLICT,
            'PLAN_NOT_PROPOSED',
            plan.status === 'applied'
              ? `Phương án ${id} đã được áp dụng rồi.`
              : `Phương án ${id} đã hết hạn; hãy lập phương án mới.`,
          );
        const proposal = parseProposal(plan.proposal);
        const now = this.clock.now();
        const problems: ErrorDetail[] = [];
        for (const [row, [allocationId, zoneId, , , reportageId, start]] of proposal.placements.entries()) {
          try {
            await this.placements.insert(
              m,
              { reportageId, zoneId, start: new Date(start * 1000), allocationId },
              now,
              id,
            );
          } catch (error) {
            if (!(error instanceof AppError)) throw error;
            problems.push({ row, field: `placements[${row}]`, code: error.code, message: error.message });
          }
        }
        if (problems.length)
          throw new AppError(
            HttpStatus.CONFLICT,
            'PLAN_CONFLICT',
            `Không áp dụng được phương án ${id}: ${problems.length} mục không còn hợp lệ (lịch đã thay đổi từ khi lập). Không mục nào được xếp; hãy lập phương án mới.`,
            problems.slice(0, 50),
          );
        await this.plans.markApplied(m, id, now, plan.version);
        await this.audit.record(m, {
          action: 'apply',
          entity: 'plan',
          entityId: id,
          changes: {
            status: { from: 'proposed', to: 'applied' },
            placements: { to: proposal.placements.length },
          },
        });
        return this.plans.one(m, id);
      }),
    );
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
