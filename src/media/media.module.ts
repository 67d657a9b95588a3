import { Global, Logger, Module } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { locateFfmpeg, type FfmpegBinaries } from './ffmpeg-binaries.js';

export const FFMPEG = Symbol('FFMPEG');

/** Media storage and ffmpeg. The ingest pipeline (upload, transcode queue) lands here next. */
@Global()
@Module({
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
          return found;
        } catch (error) {
          // The catalog works without ffmpeg; health reports it and audio processing refuses to start.
          logger.error(`ffmpeg not usable: ${(error as Error).message}`);
          return error as Error;
        }
      },
    },
  ],
  exports: [FFMPEG],
})
export class MediaModule {}
