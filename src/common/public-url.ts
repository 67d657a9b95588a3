import type { Request } from 'express';

const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
/** A DNS name or IPv4 address, or an IPv6 address in brackets, and an optional port. */
const HOST_AND_PORT = new RegExp(`^(?:${LABEL}(?:\\.${LABEL})*\\.?|\\[[0-9a-f:.]+\\])(?::(\\d{1,5}))?$`, 'i');

/**
 * The request's `Host` header when it is a valid host[:port] (port 1–65535), else undefined. Anything
 * else (`a b`, `[::1`, `localhost:99999`, a header of 10 kB) is not a place a link may point to.
 */
export function validHost(host: string | undefined): string | undefined {
  if (!host || host.length > 260) return undefined;
  const match = HOST_AND_PORT.exec(host);
  if (!match) return undefined;
  if (match[1] !== undefined && (Number(match[1]) < 1 || Number(match[1]) > 65535)) return undefined;
  try {
    new URL(`http://${host}`); // the last word on IPv6 forms the pattern lets through
  } catch {
    return undefined;
  }
  return host.toLowerCase();
}

/**
 * The base of absolute links the service hands out (playlists, calendar UIDs): PUBLIC_BASE_URL when
 * set; otherwise the address the client used, when its Host header is valid; else `localhost`. A
 * forged or broken Host never makes a link point elsewhere by surprise or the request fail.
 */
export function publicBaseUrl(configured: string | undefined, req: Request): string {
  return configured ?? `${req.protocol}://${validHost(req.get('host')) ?? 'localhost'}`;
}
