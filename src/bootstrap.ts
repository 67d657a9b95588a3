import { mkdirSync } from 'node:fs';
import { Logger, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module.js';
import { configureApp } from './app.setup.js';
import { GracefulStop } from './graceful-stop.js';
import type { AppConfig } from './config/config.js';

/** Builds the configured application (not yet listening). */
export async function createApp(config: AppConfig): Promise<NestExpressApplication> {
  mkdirSync(config.mediaDir, { recursive: true });
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), appOptions(config));
  return prepareApp(app, config);
}

/** How the application is created, here and in tests that build it from a testing module. */
export const appOptions = (config: AppConfig) => ({ logger: config.logLevels, bodyParser: false });

/** What every created application gets before it is initialised, however it was created. */
export function prepareApp(app: NestExpressApplication, config: AppConfig): NestExpressApplication {
  // First in the chain: counts every request in flight, so a stop waits for them (graceful-stop.ts).
  app.use(app.get(GracefulStop).track);
  configureApp(app, config);
  return app;
}

/** Starts the process in its roles: it listens for HTTP only when one of them is `api`. */
export async function startServer(config: AppConfig): Promise<INestApplicationContext> {
  const logger = new Logger('truyenthanh');
  const roles = [...config.roles].join(',');
  if (!config.roles.has('api')) {
    mkdirSync(config.mediaDir, { recursive: true });
    const context = await NestFactory.createApplicationContext(AppModule.forRoot(config), {
      logger: config.logLevels,
    });
    context.enableShutdownHooks([], { useProcessExit: true }); // exit 0 once stopped, as the API does
    logger.log(`${roles}: started (no HTTP)`);
    return context;
  }
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  logger.log(`${roles}: listening on http://${config.host}:${config.port}/api (docs: /api/docs)`);
  return app;
}
