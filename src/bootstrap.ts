import { mkdirSync } from 'node:fs';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module.js';
import { configureApp } from './app.setup.js';
import type { AppConfig } from './config/config.js';

/** Builds the configured application (not yet listening). */
export async function createApp(config: AppConfig): Promise<NestExpressApplication> {
  mkdirSync(config.mediaDir, { recursive: true });
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: config.logLevels,
    bodyParser: false,
  });
  configureApp(app, config);
  return app;
}

export async function startServer(config: AppConfig): Promise<NestExpressApplication> {
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  new Logger('truyenthanh').log(`listening on http://${config.host}:${config.port}/api (docs: /api/docs)`);
  return app;
}
