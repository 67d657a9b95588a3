import { BullModule } from '@nestjs/bullmq';
import { Global, Logger, Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { AudioAssetsController } from './audio-assets.controller.js';
import { AudioAssetsRepository } from './audio-assets.repository.js';
import { AudioAssetsService } from './audio-assets.service.js';
import { AudioProcessingService } from './audio-processing.service.js';
import { AUDIO_QUEUE } from './audio-queue.js';
import { AudioReconciler } from './audio-reconciler.service.js';
import { AudioWorker } from './audio.worker.js';
import { isNpmBuild, locateFfmpeg, type FfmpegBinaries } from './ffmpeg-binaries.js';
import { FfmpegRunner } from './ffmpeg/ffmpeg-runner.js';
import { BroadcastRenderer } from './broadcast-renderer.js';
import { FFMPEG } from './ffmpeg.token.js';
import { MediaStorage } from './media-storage.js';
import { AudioUploadInterceptor } from './upload/audio-upload.interceptor.js';
import { UploadContentCheck } from './upload/content-check.js';
import { REDIS_COMMAND_TIMEOUT_MS, REDIS_DISCONNECT_TIMEOUT_MS } from '../redis/redis.module.js';

export { FFMPEG } from './ffmpeg.token.js';

/** Audio: upload, storage, ffmpeg, the transcoding queue and its worker. */
@Global()
@Module({
  imports: [
    CatalogModule,
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // Producers fail fast while Redis is down: the upload is kept, the reconciler queues it later.
        connection: {
          url: config.redisUrl,
          enableOfflineQueue: false,
          maxRetriesPerRequest: 1,
          commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
          disconnectTimeout: REDIS_DISCONNECT_TIMEOUT_MS,
        },
        prefix: config.redisPrefix,
      }),
    }),
    BullModule.registerQueue({ name: AUDIO_QUEUE }),
  ],
  controllers: [AudioAssetsController],
  providers: [
    {
      provide: FFMPEG,
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig): Promise<FfmpegBinaries | Error> => {
        const logger = new Logger('Ffmpeg');
        try {
          const found = await locateFfmpeg(config);
          for (const b of [found.ffmpeg, found.ffprobe])
            logger.log(`using ${b.path} (version ${b.version}, from ${b.source})`);
          if (isNpmBuild(found.ffmpeg))
            logger.warn(
              `${found.ffmpeg.path} is the ffmpeg build shipped through npm (2018); it encodes MP3 about 3x slower ` +
                'than the system one. On Debian run `apt-get install ffmpeg` (and unset FFMPEG_PATH/FFPROBE_PATH if they point at node_modules).',
            );
          return found;
        } catch (error) {
          // The catalog works without ffmpeg; health reports it and audio processing refuses to start.
          logger.error(`ffmpeg not usable: ${(error as Error).message}`);
          return error as Error;
        }
      },
    },
    MediaStorage,
    FfmpegRunner,
    BroadcastRenderer,
    AudioAssetsRepository,
    AudioAssetsService,
    AudioProcessingService,
    AudioWorker,
    AudioReconciler,
    AudioUploadInterceptor,
    UploadContentCheck,
  ],
  exports: [FFMPEG, AudioAssetsService, MediaStorage, FfmpegRunner],
})
export class MediaModule {}
