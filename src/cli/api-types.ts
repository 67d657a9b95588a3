import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { API_SCHEMA_PATH, apiSchemaTypes } from './api-schema.js';

/** `npm run api:types`: writes web/src/api-schema.d.ts from the server's OpenAPI document. */
writeFileSync(API_SCHEMA_PATH, await apiSchemaTypes());
console.log(`wrote ${API_SCHEMA_PATH}`);
