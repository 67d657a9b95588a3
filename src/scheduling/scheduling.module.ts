import { Module } from '@nestjs/common';
import { GridController } from './grid.controller.js';
import { GridService } from './grid.service.js';
import { PlacementsController } from './placements.controller.js';
import { PlacementsService } from './placements.service.js';
import { PlansService } from './plans.service.js';
import { ScheduleReadService } from './schedule-read.service.js';
import { SchedulingJobs } from './scheduling-jobs.js';
import { ZonesController } from './zones.controller.js';
import { ZonesService } from './zones.service.js';

/** Zones, the program grid, placements, the planner, exports (iCalendar, rundown) and their periodic jobs. */
@Module({
  controllers: [ZonesController, GridController, PlacementsController],
  providers: [
    ZonesService,
    GridService,
    PlacementsService,
    PlansService,
    ScheduleReadService,
    SchedulingJobs,
  ],
  exports: [PlacementsService, PlansService, ScheduleReadService, SchedulingJobs],
})
export class SchedulingModule {}
