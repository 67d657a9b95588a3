import 'reflect-metadata';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { serveWebApp, webContentSecurity } from './web-app.js';

@Controller('things')
class ThingsController {
  @Get()
  list() {
    return ['one'];
  }
}

@Module({ controllers: [ThingsController] })
class TinyModule {}

async function appServing(dir: string): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(TinyModule, { logger: false });
  app.setGlobalPrefix('api');
  app.use(webContentSecurity(false));
  serveWebApp(app, dir);
  await app.init();
  return app;
}

describe('serving the web interface', () => {
  let dir: string;
  let app: NestExpressApplication;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'truyenthanh-web-build-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(dir, 'assets', 'index-Ab12Cd.js'), 'console.log(1)');
    app = await appServing(dir);
  });

  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(['/', '/reportages/12', '/accounts'])(
    'answers the page address %s with index.html',
    async (path) => {
      const res = await request(app.getHttpServer()).get(path).expect(200);
      expect(res.text).toContain('id="root"');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-type']).toMatch(/^text\/html/);
    },
  );

  it('caches hashed assets for a year', async () => {
    const res = await request(app.getHttpServer()).get('/assets/index-Ab12Cd.js').expect(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('answers a missing file with 404, not with the page', async () => {
    const res = await request(app.getHttpServer()).get('/assets/gone-123.js').expect(404);
    expect(res.text).not.toContain('id="root"');
  });

  it('leaves /api and /admin to the server', async () => {
    await request(app.getHttpServer()).get('/api/things').expect(200, ['one']);
    const unknown = await request(app.getHttpServer()).get('/api/khong-co').expect(404);
    expect(unknown.text).not.toContain('id="root"');
    const dashboard = await request(app.getHttpServer()).get('/admin/queues').expect(404);
    expect(dashboard.text).not.toContain('id="root"');
  });

  it('sends a policy that allows the app: own scripts, inline styles, no upgrade over plain HTTP', async () => {
    const res = await request(app.getHttpServer()).get('/').expect(200);
    const policy = res.headers['content-security-policy'];
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("style-src 'self' 'unsafe-inline'");
    expect(policy).not.toContain('upgrade-insecure-requests');
  });

  it('mounts nothing when there is no build, and the server still starts', async () => {
    const empty = await appServing(join(dir, 'no-such-build'));
    try {
      await request(empty.getHttpServer()).get('/').expect(404);
      await request(empty.getHttpServer()).get('/api/things').expect(200);
    } finally {
      await empty.close();
    }
  });
});
