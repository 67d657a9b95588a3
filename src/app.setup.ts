import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplication } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AllExceptionsFilter } from './common/all-exceptions.filter.js';
import { requestIdMiddleware } from './common/request-id.js';
import { createValidationPipe } from './common/validation.js';
import type { AppConfig } from './config/config.js';
import { AUDIO_QUEUE } from './media/audio-queue.js';

/** Everything between "module built" and "listening", shared by main.ts, the tests and the benches. */
export function configureApp(app: INestApplication, config: AppConfig): INestApplication {
  const express = app as NestExpressApplication;
  express.disable('x-powered-by');
  express.use(requestIdMiddleware);
  express.useBodyParser('json', { limit: config.jsonBodyLimitBytes });
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
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
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });

  // Queue dashboard. (Behind the admin role once accounts exist.)
  const board = new ExpressAdapter();
  board.setBasePath('/admin/queues');
  createBullBoard({
    queues: [new BullMQAdapter(app.get<Queue>(getQueueToken(AUDIO_QUEUE)))],
    serverAdapter: board,
  });
  express.use('/admin/queues', board.getRouter());
  return app;
}
