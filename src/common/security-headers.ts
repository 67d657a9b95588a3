import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';

/**
 * helmet for the API. HSTS and `upgrade-insecure-requests` only when the service is reached over
 * HTTPS (COOKIE_SECURE): sent over plain HTTP on a LAN install they would, at best, be ignored and,
 * behind a proxy that later adds TLS for one host name, pin browsers to an https:// that may not exist.
 */
export function apiSecurityHeaders(https: boolean) {
  return helmet({
    strictTransportSecurity: https,
    contentSecurityPolicy: { directives: { upgradeInsecureRequests: https ? [] : null } },
  });
}

/**
 * The queue dashboard (bull-board 9) loads its scripts, styles, images and web worker as files from
 * its own `static/` folder; its one inline `<script>` is a JSON data block (`__UI_CONFIG__`, type
 * application/json), which a browser never runs, so scripts need no hash, nonce or 'unsafe-inline'.
 * Styles allow 'unsafe-inline': the page's loading placeholder is drawn with style attributes and a
 * `<style>` element, and the job-data editor (CodeMirror) adds `<style>` elements at run time without
 * a nonce; inline styles cannot run code. The page also asks Google Fonts for its typeface (IBM Plex);
 * allowed, and where there is no Internet the browser falls back to a system font.
 */
export function dashboardSecurityHeaders(https: boolean) {
  return helmet({
    strictTransportSecurity: https,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        workerSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'", 'https://fonts.googleapis.com'],
        fontSrc: ["'self'", 'data:', 'https://fonts.gstatic.com'],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
  });
}

/**
 * Answers of the API are for the signed-in person who asked: kept out of shared caches and off the
 * disk unless a route says otherwise (audio files: `private, no-cache`, the calendar feed:
 * `private, max-age=300`). Without it, express's file sending marked audio `public`.
 */
export function noStoreByDefault(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Cache-Control', 'no-store');
  next();
}
