import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

/**
 * The API's OpenAPI document, read from the controllers' and DTOs' decorators only: served at
 * /api/docs-json, and the source of the web client's types (`npm run api:types`, src/cli/api-types.ts).
 */
export function apiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
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
}
