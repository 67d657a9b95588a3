import { Controller, Get, HttpStatus, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import {
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
  type HealthCheckResult,
} from '@nestjs/terminus';
import type { Redis } from 'ioredis';
import { statfs } from 'node:fs/promises';
import { AppError } from '../common/errors.js';
import { Database } from '../database/database.service.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { FFMPEG } from '../media/media.module.js';
import { ffmpegNote, type FfmpegBinaries } from '../media/ffmpeg-binaries.js';
import { REDIS } from '../redis/redis.module.js';
import { Public } from '../accounts/roles.js';

const PART_LABELS: Record<string, string> = {
  database: 'cơ sở dữ liệu',
  redis: 'Redis (hàng đợi)',
  media: 'ổ lưu âm thanh',
  ffmpeg: 'ffmpeg/ffprobe',
};

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly database: Database,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(FFMPEG) private readonly ffmpeg: FfmpegBinaries | Error,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Tình trạng dịch vụ: cơ sở dữ liệu, Redis, dung lượng trống của thư mục media, ffmpeg/ffprobe',
  })
  @ApiOkResponse({ description: 'Mọi thành phần hoạt động' })
  @ApiServiceUnavailableResponse({ description: 'Có thành phần hỏng; `health` cho biết chi tiết' })
  async check(): Promise<HealthCheckResult> {
    try {
      return await this.health.check([
        () => this.databaseCheck(),
        () =>
          this.indicator
            .check('redis')
            .attempt(async () => ({ response: await this.redis.ping() }))
            .withTimeout(2000),
        () => this.mediaSpace(),
        () => this.ffmpegCheck(),
      ]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      const result = error.getResponse() as HealthCheckResult;
      const down = Object.keys(result.error ?? {});
      throw new AppError(
        HttpStatus.SERVICE_UNAVAILABLE,
        'UNHEALTHY',
        `Dịch vụ đang gặp sự cố ở: ${down.map((k) => PART_LABELS[k] ?? k).join(', ')}.`,
        down.map((k) => ({
          field: k,
          code: 'down',
          message: String(result.error?.[k]?.message ?? 'không hoạt động'),
        })),
        { health: result },
      );
    }
  }

  @Get('live')
  @ApiOperation({ summary: 'Tiến trình còn sống (không kiểm tra phụ thuộc); cũng là mốc so sánh của bench' })
  @ApiOkResponse({ schema: { example: { status: 'ok' } } })
  live() {
    return { status: 'ok' };
  }

  /** The database answers, and writes work (after one failed on storage, Database checks again). */
  private async databaseCheck() {
    const ping = await this.db.pingCheck('database').withTimeout(3000);
    if (ping.database.status !== 'up') return ping;
    let timer: NodeJS.Timeout | undefined;
    const fault = await Promise.race([
      this.database.writeFault(),
      new Promise<'busy'>((resolve) => (timer = setTimeout(() => resolve('busy'), 3000))),
    ]).finally(() => clearTimeout(timer));
    if (!fault) return ping;
    if (fault === 'busy')
      return this.indicator
        .check('database')
        .down({ message: 'lần ghi gần nhất thất bại; hàng đợi ghi chưa trả lời sau 3 giây' });
    return this.indicator.check('database').down({
      message: fault.full
        ? `hết dung lượng lưu trữ: ghi vào cơ sở dữ liệu thất bại từ ${fault.since.toISOString()}; cần giải phóng ổ đĩa`
        : `ghi vào cơ sở dữ liệu thất bại từ ${fault.since.toISOString()}`,
      sqlite: fault.sqlite,
      since: fault.since.toISOString(),
    });
  }

  private async mediaSpace() {
    const session = this.indicator.check('media');
    try {
      const stats = await statfs(this.config.mediaDir);
      const freeBytes = stats.bavail * stats.bsize;
      const data = { path: this.config.mediaDir, freeBytes, minFreeBytes: this.config.mediaMinFreeBytes };
      if (freeBytes < this.config.mediaMinFreeBytes)
        return session.down({ ...data, message: `chỉ còn ${Math.round(freeBytes / 2 ** 20)} MiB trống` });
      return session.up(data);
    } catch (error) {
      return session.down({ path: this.config.mediaDir, message: (error as Error).message });
    }
  }

  private ffmpegCheck() {
    const session = this.indicator.check('ffmpeg');
    if (this.ffmpeg instanceof Error) return session.down({ message: this.ffmpeg.message });
    const note = ffmpegNote(this.ffmpeg);
    return session.up({
      ffmpeg: this.ffmpeg.ffmpeg,
      ffprobe: this.ffmpeg.ffprobe,
      ...(note ? { note } : {}),
    });
  }
}
