import { invalid } from '../common/errors.js';
import { DRIVER_KINDS, type PlayoutSettings } from './drivers/playout-driver.js';

/** A zone's playout settings (zones.playout), with the defaults every zone has. */
export interface ZonePlayout {
  settings: PlayoutSettings;
  /** A placement that cannot start within this many seconds of its time is missed, never started late. */
  graceSeconds: number;
}

export const DEFAULT_GRACE_SECONDS = 60;

export function zonePlayout(stored: Record<string, unknown> | null | undefined): ZonePlayout {
  const raw = stored ?? {};
  const graceSeconds = typeof raw.graceSeconds === 'number' ? raw.graceSeconds : DEFAULT_GRACE_SECONDS;
  const driver = raw.driver;
  if (driver === 'icecast' && typeof raw.url === 'string' && typeof raw.password === 'string')
    return {
      graceSeconds,
      settings: {
        driver,
        url: raw.url,
        password: raw.password,
        ...(typeof raw.username === 'string' ? { username: raw.username } : {}),
      },
    };
  if (driver === 'command' && typeof raw.command === 'string')
    return {
      graceSeconds,
      settings: {
        driver,
        command: raw.command,
        args: Array.isArray(raw.args) ? raw.args.map(String) : ['{file}'],
        ...(typeof raw.timeoutSeconds === 'number' ? { timeoutSeconds: raw.timeoutSeconds } : {}),
      },
    };
  return { graceSeconds, settings: { driver: 'manual' } };
}

/** Checks settings sent by an admin; the Icecast password may be left out to keep the stored one. */
export function checkPlayout(
  body: Record<string, unknown>,
  stored: Record<string, unknown>,
): Record<string, unknown> {
  const problems: { field: string; code: string; message: string }[] = [];
  const driver = body.driver;
  if (!DRIVER_KINDS.includes(driver as never))
    problems.push({
      field: 'driver',
      code: 'isIn',
      message: `Cách phát phải là một trong ${DRIVER_KINDS.join(', ')}.`,
    });
  const grace = body.graceSeconds ?? DEFAULT_GRACE_SECONDS;
  if (typeof grace !== 'number' || !Number.isInteger(grace) || grace < 0 || grace > 3600)
    problems.push({
      field: 'graceSeconds',
      code: 'range',
      message: 'Thời gian chờ trễ phải là số giây từ 0 đến 3600.',
    });
  const next: Record<string, unknown> = { driver, graceSeconds: grace };
  if (driver === 'icecast') {
    let url: URL | undefined;
    try {
      url = new URL(String(body.url));
    } catch {
      url = undefined;
    }
    if (!url || !['http:', 'https:'].includes(url.protocol) || url.pathname.length < 2)
      problems.push({
        field: 'url',
        code: 'url',
        message: 'Địa chỉ Icecast phải có dạng http://máy-chủ:8000/tên-mount.',
      });
    const password = body.password ?? stored.password;
    if (typeof password !== 'string' || !password)
      problems.push({
        field: 'password',
        code: 'required',
        message: 'Cần mật khẩu nguồn của máy chủ Icecast.',
      });
    Object.assign(next, {
      url: body.url,
      password,
      ...(body.username ? { username: String(body.username) } : {}),
    });
  }
  if (driver === 'command') {
    if (typeof body.command !== 'string' || !body.command.trim())
      problems.push({
        field: 'command',
        code: 'required',
        message: 'Cần đường dẫn chương trình phát trên máy của đài.',
      });
    const args = body.args ?? ['{file}'];
    if (!Array.isArray(args) || args.some((a) => typeof a !== 'string'))
      problems.push({
        field: 'args',
        code: 'isArray',
        message: 'Tham số phải là danh sách chuỗi; {file} là tệp cần phát.',
      });
    const timeout = body.timeoutSeconds;
    if (timeout !== undefined && (typeof timeout !== 'number' || timeout < 1 || timeout > 86400))
      problems.push({
        field: 'timeoutSeconds',
        code: 'range',
        message: 'Thời gian tối đa phải từ 1 đến 86400 giây.',
      });
    Object.assign(next, {
      command: body.command,
      args,
      ...(timeout !== undefined ? { timeoutSeconds: timeout } : {}),
    });
  }
  if (problems.length) throw invalid('INVALID_PLAYOUT', 'Cấu hình phát của vùng chưa đúng.', problems);
  return next;
}
