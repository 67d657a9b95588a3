import { Global, Module } from '@nestjs/common';
import { CountCache } from './count-cache.js';
import { Database } from './database.service.js';

@Global()
@Module({ providers: [Database, CountCache], exports: [Database, CountCache] })
export class DatabaseModule {}
