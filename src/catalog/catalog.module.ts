import { AirableReportages } from './reportages/airable-reportages.repository.js';
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
import { ReportageImportRepository } from './reportages/reportage-import.repository.js';
import { ReportageStatusChangesRepository } from './reportages/reportage-status-changes.repository.js';
import { ReportagesRepository } from './reportages/reportages.repository.js';
import { SearchIndex } from './search/search-index.service.js';
import { SearchIndexRepository } from './search/search-index.repository.js';
import { RankedPageRepository } from './search/ranked-page.repository.js';
import { PlacesRepository } from './places/places.repository.js';
import { FieldsRepository } from './fields/fields.repository.js';
import { SegmentsRepository } from './segments/segments.repository.js';
import { ExemplarsRepository } from './exemplars/exemplars.repository.js';
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
    SearchIndexRepository,
    RankedPageRepository,
    PlacesRepository,
    FieldsRepository,
    SegmentsRepository,
    ExemplarsRepository,
    PlacesService,
    FieldsService,
    SegmentsService,
    ExemplarsService,
    ReportagesService,
    ReportageImportService,
    ReportagesRepository,
    ReportageStatusChangesRepository,
    ReportageImportRepository,
    AirableReportages,
  ],
  exports: [
    AirableReportages,
    ReportagesService,
    ExemplarsService,
    PlacesService,
    SegmentsService,
    FieldsService,
  ],
})
export class CatalogModule {}
