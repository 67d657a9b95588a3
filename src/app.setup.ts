import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplication } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import { json, type NextFunction, type Request, type Response } from 'express';
import { missingRole } from './accounts/auth.errors.js';
import { AuthService } from './accounts/auth.service.js';
import { refuseCrossSiteWrites } from './accounts/cross-site-writes.js';
import { mayAct } from './accounts/roles.js';
import { apiDocument } from './api-document.js';
import { AllExceptionsFilter } from './common/all-exceptions.filter.js';
import { answerClientErrorsInShape } from './common/client-errors.js';
import { refuseDeepJson } from './common/json-depth.js';
import { requestIdMiddleware } from './common/request-id.js';
import { apiSecurityHeaders, dashboardSecurityHeaders, noStoreByDefault } from './common/security-headers.js';
import { createValidationPipe } from './common/validation.js';
import type { AppConfig } from './config/config.js';
import { AUDIO_QUEUE } from './media/audio-queue.js';
import {
  passDashboardErrorsOn,
  queueDashboardErrors,
  queueDashboardNeedsRedis,
} from './media/queue-dashboard.js';
import { REDIS } from './redis/redis.token.js';
import { isWebPath, serveWebApp, webContentSecurity } from './web/web-app.js';

/** Everything between "module built" and "listening", shared by main.ts, the tests and the benches. */
export function configureApp(app: INestApplication, config: AppConfig): INestApplication {
  const express = app as NestExpressApplication;
  express.disable('x-powered-by');
  answerClientErrorsInShape(app.getHttpServer());
  express.use(requestIdMiddleware);
  // Security headers everywhere; the queue dashboard and the web interface's pages have policies of
  // their own (common/security-headers.ts and web/web-app.ts say why).
  const headers = apiSecurityHeaders(config.auth.secureCookies);
  const dashboardHeaders = dashboardSecurityHeaders(config.auth.secureCookies);
  const webHeaders = webContentSecurity(config.auth.secureCookies);
  express.use((req: Request, res: Response, next: NextFunction) => {
    if (req.path.startsWith('/admin/queues')) return dashboardHeaders(req, res, next);
    (isWebPath(req.path) ? webHeaders : headers)(req, res, next);
  });
  // Browsers on other origins are refused unless CORS_ORIGINS names them.
  if (config.corsOrigins.length) express.enableCors({ origin: config.corsOrigins, credentials: true });
  express.use('/api', noStoreByDefault);
  express.use(cookieParser());
  express.use(refuseCrossSiteWrites(config));
  // Nesting is counted on the raw body before it is parsed (common/json-depth.ts says why); Nest's
  // useBodyParser keeps `verify` for itself, so the parser is mounted directly.
  express.use(json({ limit: config.jsonBodyLimitBytes, verify: refuseDeepJson }));
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  const errors = new AllExceptionsFilter();
  app.useGlobalFilters(errors);
  // On SIGTERM: stop (graceful-stop.ts, then every module), then exit 0 instead of dying by the signal.
  app.enableShutdownHooks([], { useProcessExit: true });

  const document = apiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });

  // Queue dashboard, for admins: signed in through the browser's access cookie (or a bearer token).
  const auth = app.get(AuthService);
  express.use('/admin/queues', (req: Request, res: Response, next: NextFunction) => {
    auth
      .authenticate(req)
      .then((user) => {
        if (!mayAct(user.roles, ['admin'])) throw missingRole(['admin'], user.roles);
        next();
      })
      .catch((error: unknown) => errors.respond(error, req, res));
  });
  const board = new ExpressAdapter();
  board.setBasePath('/admin/queues');
  createBullBoard({
    queues: [new BullMQAdapter(app.get<Queue>(getQueueToken(AUDIO_QUEUE)))],
    serverAdapter: board,
  });
  board.setErrorHandler(passDashboardErrorsOn);
  const redis = app.get<Redis>(REDIS);
  express.use('/admin/queues/api', queueDashboardNeedsRedis(errors, redis));
  express.use('/admin/queues', board.getRouter());
  express.use('/admin/queues', queueDashboardErrors(errors, redis));

  // The web interface at `/`, when it has been built (npm run build).
  serveWebApp(express);
  return app;
}
