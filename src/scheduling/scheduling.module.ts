import { CatalogModule } from '../catalog/catalog.module.js';
import { PlacementStatusRepository } from './placement-status.repository.js';
import { AiringScheduleRepository } from './airing-schedule.repository.js';
import { ZonePlayoutRepository } from './zone-playout.repository.js';
import { Module } from '@nestjs/common';
import { GridController } from './grid.controller.js';
import { GridRepository } from './grid.repository.js';
import { GridService } from './grid.service.js';
import { PlacementGuard } from './placement-guard.js';
import { PlacementsRepository } from './placements.repository.js';
import { PlacementsController } from './placements.controller.js';
import { PlacementsService } from './placements.service.js';
import { PlansRepository } from './plans.repository.js';
import { PlansService } from './plans.service.js';
import { ScheduleReadService } from './schedule-read.service.js';
import { SchedulingJobs } from './scheduling-jobs.js';
import { SegmentReadsRepository } from './segment-reads.repository.js';
import { ZonesController } from './zones.controller.js';
import { ZonesRepository } from './zones.repository.js';
import { ZonesService } from './zones.service.js';

/** Zones, the program grid, placements, the planner, exports (iCalendar, rundown) and their periodic jobs. */
@Module({
  imports: [CatalogModule],
  controllers: [ZonesController, GridController, PlacementsController],
  providers: [
    ZonesService,
    GridService,
    PlacementsService,
    PlansService,
    ScheduleReadService,
    SchedulingJobs,
    PlacementGuard,
    ZonesRepository,
    GridRepository,
    PlacementsRepository,
    PlansRepository,
    SegmentReadsRepository,
    PlacementStatusRepository,
    AiringScheduleRepository,
    ZonePlayoutRepository,
  ],
  exports: [
    PlacementGuard,
    ZonesRepository,
    GridRepository,
    PlacementStatusRepository,
    AiringScheduleRepository,
    ZonePlayoutRepository,
    PlacementsService,
    PlansService,
    ScheduleReadService,
    SchedulingJobs,
  ],
})
export class SchedulingModule {}
