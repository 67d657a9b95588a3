import { HttpStatus, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Subscription } from 'rxjs';
import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/errors.js';
import { currentRequest } from '../common/request-context.js';
import { EventsService } from '../events/events.service.js';
import { AudioAssetsService } from '../media/audio-assets.service.js';
import type { ReceivedFile } from '../media/upload/audio-upload.interceptor.js';
import { AiringScheduleRepository } from '../scheduling/airing-schedule.repository.js';
import { BulletinsRepository } from './bulletins.repository.js';
import { PlayoutDispatcher } from './dispatcher.service.js';
import type { CreateBulletinDto } from './dto/playout.dto.js';

/**
 * Urgent bulletins (tin khẩn cấp / ưu tiên / thường): the audio goes through the ingest pipeline;
 * once it is ready the dispatcher airs it (emergency: at once, cutting what plays; priority: at the
 * start of each zone's next window) or leaves it to a scheduler (normal).
 */
@Injectable()
export class BulletinsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(BulletinsService.name);
  private subscription?: Subscription;

  constructor(
    private readonly bulletins: BulletinsRepository,
    private readonly schedule: AiringScheduleRepository,
    private readonly assets: AudioAssetsService,
    private readonly dispatcher: PlayoutDispatcher,
    private readonly events: EventsService,
    private readonly audit: AuditService,
  ) {}

  /** An emergency must not wait for the next reconcile: a ready asset triggers one at once. */
  onModuleInit(): void {
    this.subscription = this.events.stream().subscribe((event) => {
      if (event.type === 'asset' && event.status === 'ready' && event.reportageId === null)
        void this.dispatcher.reconcile();
    });
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  async create(file: ReceivedFile, dto: CreateBulletinDto) {
    const zoneIds = [...new Set(dto.zoneIds)];
    const found = await this.schedule.countZones(zoneIds);
    if (found !== zoneIds.length)
      throw new AppError(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'REFERENCE_NOT_FOUND',
        'Có vùng phát không tồn tại.',
        [
          {
            field: 'zoneIds',
            code: 'notFound',
            message: `Không tìm thấy một trong các vùng ${zoneIds.join(', ')}.`,
          },
        ],
      );
    let bulletinId = 0;
    const accepted = await this.assets.acceptUnattached(file, async (m, assetId) => {
      const saved = await this.bulletins.add(m, {
        title: dto.title,
        priority: dto.priority,
        zoneIds,
        audioAssetId: assetId,
        status: 'waiting_audio',
        airAt: null,
        createdBy: currentRequest().actor?.id ?? null,
      });
      bulletinId = saved.id;
      await this.audit.record(m, {
        action: 'create',
        entity: 'bulletin',
        entityId: saved.id,
        after: { title: dto.title, priority: dto.priority, zoneIds, audioAssetId: assetId },
      });
    });
    this.logger.log(
      `bulletin ${bulletinId} (${dto.priority}) for zones ${zoneIds.join(', ')}: audio ${accepted.id}`,
    );
    return { ...(await this.get(bulletinId)), audio: accepted };
  }

  async get(id: number) {
    const bulletin = await this.bulletins.get(id);
    if (!bulletin)
      throw new AppError(HttpStatus.NOT_FOUND, 'NOT_FOUND', `Không tìm thấy bản tin có mã ${id}.`);
    return bulletin;
  }

  list() {
    return this.bulletins.recent();
  }
}
