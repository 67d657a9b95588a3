import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplication } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { missingRole } from './accounts/auth.errors.js';
import { AuthService } from './accounts/auth.service.js';
import { mayAct } from './accounts/roles.js';
import { AllExceptionsFilter } from './common/all-exceptions.filter.js';
import { requestIdMiddleware } from './common/request-id.js';
import { createValidationPipe } from './common/validation.js';
import type { AppConfig } from './config/config.js';
import { AUDIO_QUEUE } from './media/audio-queue.js';
import { isWebPath, serveWebApp, webContentSecurity } from './web/web-app.js';

/** Everything between "module built" and "listening", shared by main.ts, the tests and the benches. */
export function configureApp(app: INestApplication, config: AppConfig): INestApplication {
  const express = app as NestExpressApplication;
  express.disable('x-powered-by');
  express.use(requestIdMiddleware);
  // Security headers everywhere; the queue dashboard's page runs inline scripts of its own, and the
  // web interface's pages have a policy of their own (web/web-app.ts says why).
  const headers = helmet();
  const dashboardHeaders = helmet({ contentSecurityPolicy: false });
  const webHeaders = webContentSecurity(config.auth.secureCookies);
  express.use((req: Request, res: Response, next: NextFunction) => {
    if (req.path.startsWith('/admin/queues')) return dashboardHeaders(req, res, next);
    (isWebPath(req.path) ? webHeaders : headers)(req, res, next);
  });
  // Browsers on other origins are refused unless CORS_ORIGINS names them.
  if (config.corsOrigins.length) express.enableCors({ origin: config.corsOrigins, credentials: true });
  express.use(cookieParser());
  express.useBodyParser('json', { limit: config.jsonBodyLimitBytes });
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  const errors = new AllExceptionsFilter();
  app.useGlobalFilters(errors);
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('truyenthanh')
      .setDescription(
        'API của chuyên mục "Hoa giữa đời thường" trên hệ thống truyền thanh cơ sở. Mọi lỗi có dạng ' +
          '`{ statusCode, error, code, message, details?, requestId }`; `message` bằng tiếng Việt, `code` ổn định để máy xử lý.',
      )
      .setVersion('0.1.0')
      .addBearerAuth()
      .addSecurityRequirements('bearer')
      .build(),
  );
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
  express.use('/admin/queues', board.getRouter());

  // The web interface at `/`, when it has been built (npm run build).
  serveWebApp(express);
  return app;
}
