import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import {
  advanceServiceClock,
  freePort,
  startServiceProcess,
  startServiceProcessWithClock,
  stop,
  until,
} from './processes.js';
import { TEST_ADMIN } from './test-app.js';
import { openTestDatabase } from './test-database.js';

/**
 * What the browser tests share: the built service (dist/src and dist/web, made by `npm run build`,
 * which `npm test` runs first) on a database and media folder of its own, Debian's chromium driven
 * by playwright-core, one browser context per person, and screenshots under test-output/screens/.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENS = join(process.cwd(), 'test-output', 'screens');
export const DESKTOP = { width: 1366, height: 768 };
export const PHONE = { width: 390, height: 844 };

export type Api = (path: string, init?: { method?: string; body?: unknown; token?: string }) => Promise<any>;

export interface WebService {
  base: string;
  /** The test's own folder: database, media, generated audio. */
  work: string;
  api: Api;
  /** The first admin's access token, for setting up through the API. */
  adminToken: string;
  /** Moves the service's clock `ms` ahead (started with `clock: true` only); resolves with its time. */
  advanceClock(ms: number): Promise<number>;
  close(): Promise<void>;
}

/** With `clock`, the service's clock is one the test moves (`advanceClock`) instead of waiting. */
export async function startWebService(
  env: Record<string, string> = {},
  { clock = false }: { clock?: boolean } = {},
): Promise<WebService> {
  if (!existsSync(join(process.cwd(), 'dist/web/index.html')))
    throw new Error('dist/web is missing: run `npm run build` first (npm test does)');
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  const work = mkdtempSync(join(tmpdir(), 'truyenthanh-web-'));
  mkdirSync(SCREENS, { recursive: true });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // SQLite in `work`, or a PostgreSQL database of its own with TEST_DATABASE=postgres.
  const database = await openTestDatabase(work);
  const service: ChildProcess = (clock ? startServiceProcessWithClock : startServiceProcess)({
    PORT: String(port),
    HOST: '127.0.0.1',
    ...database.env,
    MEDIA_DIR: join(work, 'media'),
    MEDIA_MIN_FREE_MB: '1',
    REDIS_PREFIX: `tt-web-${process.pid}-${Math.random().toString(36).slice(2, 8)}`,
    ADMIN_USERNAME: TEST_ADMIN.username,
    ADMIN_PASSWORD: TEST_ADMIN.password,
    WORKER_CONCURRENCY: '1',
    ...env,
  });
  await until(
    async () => (await fetch(`${base}/api/health/live`).catch(() => null))?.ok ?? false,
    30_000,
    'the service to listen',
  );
  const api: Api = async (path, init = {}) => {
    const res = await fetch(`${base}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        'Content-Type': 'application/json',
        ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const body = res.status === 204 ? null : await res.json();
    if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
    return body;
  };
  const { accessToken: adminToken } = await api('/api/auth/login', { method: 'POST', body: TEST_ADMIN });
  return {
    base,
    work,
    api,
    adminToken,
    advanceClock: (ms) => {
      if (!clock) throw new Error('startWebService(env, { clock: true }) to move its clock');
      return advanceServiceClock(service, ms);
    },
    close: async () => {
      await stop(service);
      await database.release();
      rmSync(work, { recursive: true, force: true });
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Playwright gives every launch a fresh, temporary user-data-dir; the machine's network is closed.
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** One person's browser: cookies of their own, Vietnamese, Vietnam's time zone. */
export async function personBrowser(
  browser: Browser,
  base: string,
  viewport = DESKTOP,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: base,
    viewport,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  return { context, page };
}

/** A screenshot once the toasts ("Đã lưu.") have gone, so that they hide nothing. */
export async function shot(page: Page, name: string) {
  await page
    .locator('.ant-message-notice')
    .first()
    .waitFor({ state: 'detached', timeout: 6000 })
    .catch(() => undefined);
  await page.screenshot({ path: join(SCREENS, `${name}.png`), animations: 'disabled' });
}

export async function signIn(page: Page, username: string, password: string) {
  await page.goto('/');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

export async function changeTemporaryPassword(page: Page, temporary: string, password: string) {
  await page.getByText('Mật khẩu của bạn do quản trị đặt').waitFor();
  await page.getByLabel('Mật khẩu hiện tại').fill(temporary);
  await page.getByLabel('Mật khẩu mới (ít nhất 10 ký tự)').fill(password);
  await page.getByLabel('Nhập lại mật khẩu mới').fill(password);
  await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await page.getByRole('heading', { name: 'Kho phóng sự' }).waitFor();
}

export async function signOut(page: Page, displayName: string) {
  await page.getByRole('button', { name: displayName, exact: true }).click();
  await page.getByRole('menuitem', { name: 'Đăng xuất' }).click();
  await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
}

/** An account made through the API, with its own password already set (no forced change). */
export async function makeUser(
  service: WebService,
  user: { username: string; password: string; displayName: string; roles: string[] },
) {
  return service.api('/api/users', {
    method: 'POST',
    token: service.adminToken,
    body: { ...user, mustChangePassword: false },
  });
}
