import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';

/** Paths the single-page application never answers: the API and the queue dashboard. */
const SERVER_PATHS = /^\/(api|admin)(\/|$)/;

/**
 * The package root (the folder with package.json), found from this module whether it runs compiled
 * (dist/src/web) or from source under ts-jest (src/web): the web build is always `<root>/dist/web`.
 */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/** Whether a request is for the web interface (the pages, not the API or the dashboard). */
export const isWebPath = (path: string) => !SERVER_PATHS.test(path);

export const WEB_BUILD_DIR = join(packageRoot(), 'dist', 'web');

/**
 * Content security policy of the web interface's pages. Scripts only from this origin (Vite emits
 * them as files, nothing inline). Styles also allow 'unsafe-inline': antd 6 writes its styles at run
 * time (CSS-in-JS, `<style>` elements and style attributes); extracting them statically would need a
 * second build step per theme and locale, and inline styles cannot run code. Audio, the event
 * stream and the API are same-origin. `upgrade-insecure-requests` only when the service is reached
 * over HTTPS (COOKIE_SECURE): on a plain-HTTP LAN install it would send every request to https://.
 */
export function webContentSecurity(https: boolean) {
  return helmet({
    // HSTS, like upgrade-insecure-requests, only over HTTPS.
    strictTransportSecurity: https,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        mediaSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        scriptSrcAttr: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
  });
}

/**
 * Serves the web interface (issue 7) from `dist/web` at `/`: hashed files under `/assets/` are cached
 * for a year (their names change with their content), `index.html` is revalidated every time, and
 * any other page address (`/reportages/12`) gets `index.html` so the client's router can take it.
 * `/api` and `/admin` never reach it, so unknown API routes keep the API's 404 error shape. Without a
 * web build (tests, an API-only install) nothing is mounted and the service starts as before.
 */
export function serveWebApp(app: NestExpressApplication, dir = WEB_BUILD_DIR): boolean {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) {
    new Logger('Web').log(`no web interface build at ${dir}: serving the API only`);
    return false;
  }
  const files = express.static(dir, {
    index: false,
    fallthrough: true,
    setHeaders: (res, path) => {
      const hashed = path.startsWith(join(dir, 'assets'));
      res.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const sendIndex = (_req: Request, res: Response, next: NextFunction) =>
    res.sendFile(index, { headers: { 'Cache-Control': 'no-cache' } }, (error) => error && next(error));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (!isWebPath(req.path) || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
    files(req, res, () => {
      // A page address (no file extension) is the client's to route; a missing file is a 404.
      if (/\.[a-z0-9]+$/i.test(req.path)) return next();
      sendIndex(req, res, next);
    });
  });
  return true;
}
