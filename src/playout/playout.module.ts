import { CatalogModule } from '../catalog/catalog.module.js';
import { SchedulingModule } from '../scheduling/scheduling.module.js';
import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { AsRunRepository } from './as-run.repository.js';
import { AsRunService } from './as-run.service.js';
import { BulletinsRepository } from './bulletins.repository.js';
import { BulletinsService } from './bulletins.service.js';
import { PlayoutDispatcher } from './dispatcher.service.js';
import { CommandDriver } from './drivers/command.driver.js';
import { IcecastDriver } from './drivers/icecast.driver.js';
import { ManualDriver } from './drivers/manual.driver.js';
import { Interrupts } from './interrupts.js';
import { PlayerService } from './player.service.js';
import { PlayoutController } from './playout.controller.js';
import { PLAYOUT_QUEUE } from './playout-queue.js';
import { PlayoutWorker } from './playout.worker.js';

/** Playout: delayed jobs fire placements on their zones' drivers; the as-run log; urgent bulletins. */
@Module({
  imports: [CatalogModule, SchedulingModule, BullModule.registerQueue({ name: PLAYOUT_QUEUE })],
  controllers: [PlayoutController],
  providers: [
    IcecastDriver,
    CommandDriver,
    ManualDriver,
    PlayerService,
    Interrupts,
    PlayoutDispatcher,
    PlayoutWorker,
    AsRunService,
    BulletinsService,
    AsRunRepository,
    BulletinsRepository,
  ],
})
export class PlayoutModule {}
