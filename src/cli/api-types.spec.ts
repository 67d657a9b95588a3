import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { API_SCHEMA_PATH, apiSchemaTypes, openApiDocument } from './api-schema.js';

/** Answers that are files or streams (audio, CSV, HTML, iCalendar, M3U, Server-Sent Events), or Terminus's. */
const NOT_JSON = [
  'GET /api/events',
  'GET /api/health',
  'GET /api/audio-assets/{id}/original',
  'GET /api/audio-assets/{id}/broadcast.mp3',
  'GET /api/reportages/import/template.csv',
  'GET /api/zones/{id}/schedule.ics',
  'GET /api/zones/{id}/rundown.html',
  'GET /api/zones/{id}/rundown.m3u',
];

describe('the web client types (web/src/api-schema.d.ts)', () => {
  it('are what the server documents today (run `npm run api:types` after changing the API)', async () => {
    const checkedIn = readFileSync(API_SCHEMA_PATH, 'utf8');
    expect(checkedIn).toBe(await apiSchemaTypes());
  });

  it('come from a document in which every JSON answer says its shape', async () => {
    const document = await openApiDocument();
    const untyped: string[] = [];
    for (const [path, item] of Object.entries(document.paths))
      for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const)
        for (const [status, response] of Object.entries(item[method]?.responses ?? {})) {
          const content = response && 'content' in response ? response.content : undefined;
          if (/^2\d\d$/.test(status) && status !== '204' && !content)
            untyped.push(`${method.toUpperCase()} ${path}`);
        }
    expect(untyped.filter((operation) => !NOT_JSON.includes(operation))).toEqual([]);
  });
});
