import { Module, type DynamicModule } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from './accounts/accounts.module.js';
import { AuditModule } from './audit/audit.module.js';
import { CatalogModule } from './catalog/catalog.module.js';
import { ClockModule } from './common/clock.js';
import { ConfigModule } from './config/config.module.js';
import type { AppConfig } from './config/config.js';
import { dataSourceOptions, openDataSource } from './database/data-source-options.js';
import { DatabaseModule } from './database/database.module.js';
import { EventsModule } from './events/events.module.js';
import { GracefulStop } from './graceful-stop.js';
import { HealthModule } from './health/health.module.js';
import { MediaModule } from './media/media.module.js';
import { PlayoutModule } from './playout/playout.module.js';
import { RedisModule } from './redis/redis.module.js';
import { SchedulingModule } from './scheduling/scheduling.module.js';
import { ReportsModule } from './reports/reports.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule,
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSourceOptions(config),
          dataSourceFactory: (options) => openDataSource(options!),
        }),
        DatabaseModule,
        RedisModule,
        ScheduleModule.forRoot(),
        AuditModule,
        AccountsModule,
        EventsModule,
        MediaModule,
        HealthModule,
        CatalogModule,
        SchedulingModule,
        PlayoutModule,
        ReportsModule,
      ],
      // Here, in the root module, because Nest stops the root module first (graceful-stop.ts says why).
      providers: [GracefulStop],
    };
  }
}
