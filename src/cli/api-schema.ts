import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import openapiTS, { astToString } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';
import { apiDocument } from '../api-document.js';
import { AppModule } from '../app.module.js';
import { loadConfig } from '../config/config.js';

/** The checkout's root: the nearest folder above this file (src/cli or dist/src/cli) with a package.json. */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return dir;
}

/** Where the web client's generated types live (checked in; `npm run api:types` writes them). */
export const API_SCHEMA_PATH = join(packageRoot(), 'web/src/api-schema.d.ts');

/**
 * The OpenAPI document as /api/docs-json serves it, without a database or Redis: Nest's preview mode
 * reads the modules' metadata (controllers, routes, DTO decorators) but creates no provider, so
 * nothing connects. The configuration is the defaults', the caller's environment aside.
 */
export async function openApiDocument(): Promise<OpenAPIObject> {
  const app = await NestFactory.create(AppModule.forRoot(loadConfig({})), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  app.setGlobalPrefix('api'); // as configureApp (app.setup.ts) sets it
  return apiDocument(app);
}

const HEADER =
  "/* Generated from the API's OpenAPI document by `npm run api:types` (src/cli/api-types.ts). Do not edit. */\n\n";

/** The web client's types (web/src/api-schema.d.ts) for the current server, formatted as checked in. */
export async function apiSchemaTypes(): Promise<string> {
  const document = await openApiDocument();
  const ast = await openapiTS(document as never, { alphabetize: true, defaultNonNullable: false });
  const options = await resolveConfig(API_SCHEMA_PATH);
  return format(HEADER + astToString(ast), { ...options, parser: 'typescript' });
}
