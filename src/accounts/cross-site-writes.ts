import { HttpStatus, Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { AllExceptionsFilter } from '../common/all-exceptions.filter.js';
import { AppError } from '../common/errors.js';
import type { AppConfig } from '../config/config.js';
import { requestIdOf } from '../common/request-id.js';
import { ACCESS_COOKIE, SESSION_COOKIE } from './auth.service.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const SIGN_IN_COOKIE = new RegExp(`(?:^|;)\\s*(?:${ACCESS_COOKIE}|${SESSION_COOKIE})=`);

export const crossSiteRefused = (from: string) =>
  new AppError(
    HttpStatus.FORBIDDEN,
    'CROSS_SITE_REQUEST',
    `Yêu cầu thay đổi dữ liệu này đến từ một trang web khác (${from.slice(0, 100)}), không phải từ trang của dịch vụ, nên bị từ chối. Hãy mở trang của dịch vụ rồi thao tác lại từ đó.`,
  );

/**
 * Refuses writes that a page on another site makes a browser send with the signed-in cookies
 * (cross-site request forgery). SameSite=Strict keeps the cookies off requests from other *sites*,
 * but not from a sibling subdomain of the same site, nor in browsers that ignore the attribute; so
 * an unsafe method (POST, PUT, PATCH, DELETE, …) authenticated by cookie must also say, in its
 * `Origin`, that it comes from the service's own pages. Without `Origin` (older browsers), a
 * `Sec-Fetch-Site` of `cross-site` or `same-site` is refused the same way.
 *
 * The service's own origin is PUBLIC_BASE_URL's when configured, and in any case the origin the
 * request was sent to (its Host): staff often reach the service by a LAN address other than the
 * public one, and a page can only carry an Origin equal to the Host it calls if that host served it.
 * Origins in CORS_ORIGINS are let in too: the deployment trusts them with credentials already.
 *
 * Requests with a bearer token are not concerned: a browser never adds one on another site's behalf.
 * It runs before every route, Nest's and the queue dashboard's, and before any body is read.
 */
export function refuseCrossSiteWrites(config: AppConfig) {
  const errors = new AllExceptionsFilter();
  const logger = new Logger('CrossSiteWrites');
  const trusted = new Set(
    [config.scheduling.publicBaseUrl, ...config.corsOrigins].flatMap((url) => originOf(url) ?? []),
  );
  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method)) return next();
    if (req.header('authorization')?.startsWith('Bearer ')) return next();
    if (!SIGN_IN_COOKIE.test(req.header('cookie') ?? '')) return next();
    const foreign = foreignSource(req, trusted);
    if (!foreign) return next();
    logger.warn(
      `refused ${req.method} ${req.originalUrl.slice(0, 200)} from ${foreign.slice(0, 100)} [request ${requestIdOf(req)}]`,
    );
    errors.respond(crossSiteRefused(foreign), req, res);
  };
}

/** What says the request comes from another site (its Origin, or Sec-Fetch-Site), or undefined. */
export function foreignSource(req: Request, trusted: ReadonlySet<string>): string | undefined {
  const origin = req.header('origin');
  if (origin !== undefined) {
    const own = originOf(origin);
    // "null" (a sandboxed frame, a redirect across sites) and anything unparsable are foreign.
    if (own && (trusted.has(own) || sameHost(own, req.header('host')))) return undefined;
    return origin || '(trống)';
  }
  const site = req.header('sec-fetch-site');
  return site === 'cross-site' || site === 'same-site' ? `Sec-Fetch-Site: ${site}` : undefined;
}

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const { origin, protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? origin : undefined;
  } catch {
    return undefined;
  }
}

/** Whether `origin` names the host the request was sent to (default ports alike: :80 for http). */
function sameHost(origin: string, host: string | undefined): boolean {
  if (!host) return false;
  const { protocol, host: originHost } = new URL(origin);
  try {
    const target = new URL(`${protocol}//${host}`);
    return target.host === originHost && target.username === '' && target.pathname === '/';
  } catch {
    return false;
  }
}
