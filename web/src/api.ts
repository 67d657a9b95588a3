import type { AudioAsset, ErrorDetail, SignIn } from './types';

/**
 * The API client. The access token lives in memory only; the HTTP-only session cookie (path
 * /api/auth) turns into a new one through POST /api/auth/refresh, on start and after a 401. A 401
 * that a refresh does not cure ends the sign-in (the app then shows the sign-in page).
 */
let accessToken: string | null = null;
let refreshing: Promise<SignIn | null> | null = null;
let signedOut: () => void = () => undefined;
let refreshed: (signIn: SignIn) => void = () => undefined;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
  }
}

export function onAuthChange(handlers: { signedOut: () => void; refreshed: (s: SignIn) => void }) {
  signedOut = handlers.signedOut;
  refreshed = handlers.refreshed;
}

export function setAccessToken(token: string | null) {
  accessToken = token;
}

/** One refresh at a time, however many requests found their token expired. */
export function refresh(): Promise<SignIn | null> {
  refreshing ??= fetch('/api/auth/refresh', { method: 'POST', credentials: 'same-origin' })
    .then(async (res) => {
      if (!res.ok) return null;
      const signIn = (await res.json()) as SignIn;
      accessToken = signIn.accessToken;
      refreshed(signIn);
      return signIn;
    })
    .catch(() => null)
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

async function errorOf(res: Response): Promise<ApiError> {
  try {
    const body = (await res.json()) as { code?: string; message?: string; details?: ErrorDetail[] };
    return new ApiError(
      res.status,
      body.code ?? `HTTP_${res.status}`,
      body.message ?? res.statusText,
      body.details ?? [],
    );
  } catch {
    return new ApiError(res.status, `HTTP_${res.status}`, `Lỗi ${res.status} ${res.statusText}`);
  }
}

const NO_RETRY = ['/api/auth/login', '/api/auth/refresh'];

/**
 * One request with the access token: a 401 is refreshed once (then the sign-in ends), an error answer
 * becomes an ApiError. For answers that are not JSON (a CSV file) and bodies that are not (a form).
 */
export async function request(path: string, init: RequestInit = {}, retried = false): Promise<Response> {
  const headers = new Headers(init.headers);
  if (accessToken) headers.set('Authorization', `Bearer ${accessToken}`);
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', 'Không kết nối được với máy chủ. Hãy kiểm tra mạng rồi thử lại.');
  }
  if (res.status === 401 && !NO_RETRY.includes(path)) {
    if (!retried && (await refresh())) return request(path, init, true);
    accessToken = null;
    signedOut();
  }
  if (!res.ok) throw await errorOf(res);
  return res;
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await request(path, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export const get = <T>(path: string) => api<T>('GET', path);
export const post = <T>(path: string, body?: unknown) => api<T>('POST', path, body ?? {});
export const patch = <T>(path: string, body: unknown) => api<T>('PATCH', path, body);

/** `?a=1&b=x` from the defined, non-empty values. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * Uploads a file with XMLHttpRequest, the one browser API that reports upload progress. A 401 is
 * refreshed and the upload sent again once, like every other request.
 */
export function uploadAudio(
  reportageId: number,
  file: File,
  onProgress: (percent: number) => void,
  retried = false,
): Promise<AudioAsset> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/reportages/${reportageId}/audio`);
    if (accessToken) xhr.setRequestHeader('Authorization', `Bearer ${accessToken}`);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', 'Mất kết nối khi đang tải tệp lên.'));
    xhr.onload = () => {
      let body: { code?: string; message?: string; details?: ErrorDetail[] } & Partial<AudioAsset> = {};
      try {
        body = JSON.parse(xhr.responseText) as typeof body;
      } catch {
        /* not JSON: reported below by status */
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as AudioAsset);
      if (xhr.status === 401 && !retried) {
        refresh()
          .then((signIn) => {
            if (!signIn) {
              signedOut();
              throw new ApiError(401, 'UNAUTHORIZED', body.message ?? 'Bạn cần đăng nhập.');
            }
            return uploadAudio(reportageId, file, onProgress, true);
          })
          .then(resolve, reject);
        return;
      }
      reject(
        new ApiError(
          xhr.status,
          body.code ?? `HTTP_${xhr.status}`,
          body.message ?? `Lỗi ${xhr.status}`,
          body.details,
        ),
      );
    };
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}

/**
 * `GET /api/events`, one handler per event type (its JSON data parsed); the tab opens it once
 * (queries.tsx, ServerEvents). EventSource cannot send headers: it is signed in by the access
 * cookie. When the stream is refused (the cookie expired), refresh (which renews the cookie) and
 * open it again; network drops are retried by EventSource itself.
 */
export function subscribeServerEvents(handlers: Record<string, (data: unknown) => void>): () => void {
  let source: EventSource | null = null;
  let closed = false;
  let timer: number | undefined;
  const open = () => {
    if (closed) return;
    source = new EventSource('/api/events');
    for (const [type, handle] of Object.entries(handlers))
      source.addEventListener(type, (message) =>
        handle(JSON.parse((message as MessageEvent<string>).data) as unknown),
      );
    source.onerror = () => {
      if (source?.readyState !== EventSource.CLOSED) return;
      timer = window.setTimeout(() => void refresh().then(open), 1000);
    };
  };
  open();
  return () => {
    closed = true;
    window.clearTimeout(timer);
    source?.close();
  };
}
