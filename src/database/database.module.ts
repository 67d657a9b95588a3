import { Global, Module } from '@nestjs/common';
import { CountCache } from './count-cache.js';
import { Database } from './database.service.js';
import { SettingsRepository } from './settings.repository.js';

@Global()
@Module({
  providers: [Database, CountCache, SettingsRepository],
  exports: [Database, CountCache, SettingsRepository],
})
export class DatabaseModule {}
