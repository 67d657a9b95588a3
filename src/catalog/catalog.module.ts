import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { ExemplarsController } from './exemplars/exemplars.controller.js';
import { ExemplarsService } from './exemplars/exemplars.service.js';
import { FieldsController } from './fields/fields.controller.js';
import { FieldsService } from './fields/fields.service.js';
import { PlacesController } from './places/places.controller.js';
import { PlacesService } from './places/places.service.js';
import { ReportageImportService } from './reportages/reportage-import.service.js';
import { ReportagesController } from './reportages/reportages.controller.js';
import { ReportagesService } from './reportages/reportages.service.js';
import { SearchIndex } from './search/search-index.service.js';
import { SegmentsController } from './segments/segments.controller.js';
import { SegmentsService } from './segments/segments.service.js';

/** The column's catalog: places, fields, segments, exemplars, reportages, and their search. */
@Module({
  imports: [
    // CSV imports are small and parsed whole in memory (multer's default storage); audio uploads
    // (media module) stream to disk instead.
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        limits: { fileSize: config.importMaxBytes, files: 1, fields: 10 },
      }),
    }),
  ],
  controllers: [
    PlacesController,
    FieldsController,
    SegmentsController,
    ExemplarsController,
    ReportagesController,
  ],
  providers: [
    SearchIndex,
    PlacesService,
    FieldsService,
    SegmentsService,
    ExemplarsService,
    ReportagesService,
    ReportageImportService,
  ],
  exports: [ReportagesService, ExemplarsService, PlacesService, SegmentsService, FieldsService],
})
export class CatalogModule {}
