import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';

/** Typed, validated configuration. Built once from the environment by {@link loadConfig}. */
export interface AppConfig {
  port: number;
  host: string;
  databasePath: string;
  /** `postgres://…`: PostgreSQL instead of the SQLite file at databasePath. */
  databaseUrl: string | undefined;
  /** Connections per process to PostgreSQL. */
  databasePoolSize: number;
  mediaDir: string;
  redisUrl: string;
  /** Prefix of every Redis key this instance writes (queues, locks); lets installations share a server. */
  redisPrefix: string;
  planningTimeZone: string;
  uploadMaxBytes: number;
  uploadMaxDurationSeconds: number;
  importMaxBytes: number;
  jsonBodyLimitBytes: number;
  mediaMinFreeBytes: number;
  ffmpegPath: string | undefined;
  ffprobePath: string | undefined;
  logLevels: LogLevel[];
  /** What this process does (PROCESS_ROLE): serve HTTP, process audio, air placements; any mix. */
  roles: ReadonlySet<ProcessRole>;
  workerConcurrency: number;
  audioJobAttempts: number;
  /** How long a worker holds a job before another may take it over (a killed worker's job). */
  audioJobLockSeconds: number;
  reconcileIntervalSeconds: number;
  loudnessTargetLufs: number;
  truePeakMaxDbtp: number;
  auth: AuthConfig;
  playout: {
    /** How often delayed broadcast jobs are matched to the planned placements (and missed ones marked). */
    reconcileSeconds: number;
    /** How far ahead placements get a delayed job; later ones get theirs as the time comes closer. */
    horizonHours: number;
  };
  /** Origins allowed to call the API from a browser on another origin; empty: CORS off. */
  corsOrigins: string[];
  /** The centre's name, printed at the head of reports. */
  centreName: string;
  scheduling: SchedulingConfig;
}

export interface SchedulingConfig {
  /** Periodic jobs (warnings check, housekeeping) on this instance; off: none run here. */
  jobsEnabled: boolean;
  warningsIntervalMinutes: number;
  /** How far ahead the periodic warnings check looks. */
  warningsHours: number;
  housekeepingIntervalMinutes: number;
  /** Proposed plans nobody applied expire after this. */
  planTtlHours: number;
  /** Base of absolute URLs in playlists (https://radio.example.vn); unset: the request's own host. */
  publicBaseUrl: string | undefined;
}

export interface AuthConfig {
  /** The first admin, created on start when no admin exists yet (both or neither). */
  bootstrapAdmin: { username: string; password: string } | undefined;
  /** Signs access tokens; when unset, a random secret is generated once and kept in the database. */
  tokenSecret: string | undefined;
  accessTokenSeconds: number;
  /** A browser session ends after this many days without use. */
  sessionIdleDays: number;
  /** Failed sign-ins per account and per address allowed in one window before 429. */
  loginMaxFailures: number;
  loginWindowSeconds: number;
  /** Four-eyes rule: an approver cannot approve a reportage they edited last. */
  fourEyes: boolean;
  /** Marks the sign-in cookies Secure (set when the service is reached over HTTPS). */
  secureCookies: boolean;
}

/** `api`: HTTP and event streams; `audio`: the transcoding queue's worker; `playout`: airs placements. */
export const PROCESS_ROLES = ['api', 'audio', 'playout'] as const;
export type ProcessRole = (typeof PROCESS_ROLES)[number];
/** Earlier names, still accepted: `worker` was the process without HTTP, `both` everything. */
const ROLE_ALIASES: Record<string, readonly ProcessRole[]> = {
  worker: ['audio', 'playout'],
  both: PROCESS_ROLES,
};

export type LogLevel = 'fatal' | 'error' | 'warn' | 'log' | 'debug' | 'verbose';

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super(`Cấu hình sai: biến môi trường ${variable} ${reason}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const LOG_ORDER: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

function str(env: Env, name: string, fallback: string): string {
  const value = env[name]?.trim();
  return value ? value : fallback;
}

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `phải là số nguyên, đang là "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max)
    throw new ConfigError(name, `phải nằm trong khoảng ${min}–${max}, đang là ${value}`);
  return value;
}

function optionalPath(env: Env, name: string): string | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  if (!existsSync(raw)) throw new ConfigError(name, `trỏ tới tệp không tồn tại: ${raw}`);
  return resolve(raw);
}

function timeZone(env: Env, name: string, fallback: string): string {
  const zone = str(env, name, fallback);
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    throw new ConfigError(name, `không phải múi giờ IANA hợp lệ (ví dụ Asia/Ho_Chi_Minh): "${zone}"`);
  }
  return zone;
}

function redisUrl(env: Env, name: string): string {
  const url = str(env, name, 'redis://127.0.0.1:6379');
  if (!/^rediss?:\/\/[^\s]+$/.test(url))
    throw new ConfigError(name, `phải có dạng redis://host:port, đang là "${url}"`);
  return url;
}

function decimal(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!/^-?\d+(\.\d+)?$/.test(raw) || value < min || value > max)
    throw new ConfigError(name, `phải là số trong khoảng ${min}…${max}, đang là "${raw}"`);
  return value;
}

/** A comma list of roles and aliases, e.g. `api`, `audio,playout`, `both`. */
function roles(env: Env, name: string): ReadonlySet<ProcessRole> {
  const raw = str(env, name, 'both');
  const found = new Set<ProcessRole>();
  for (const part of raw.split(',').map((p) => p.trim().toLowerCase())) {
    const named =
      ROLE_ALIASES[part] ?? (PROCESS_ROLES.includes(part as ProcessRole) ? [part as ProcessRole] : null);
    if (!named)
      throw new ConfigError(
        name,
        `mỗi vai trò phải là một trong ${[...PROCESS_ROLES, ...Object.keys(ROLE_ALIASES)].join(', ')}, đang là "${part}"`,
      );
    for (const role of named) found.add(role);
  }
  return found;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (['true', '1', 'yes', 'on'].includes(raw)) return true;
  if (['false', '0', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(name, `phải là true hoặc false, đang là "${raw}"`);
}

function bootstrapAdmin(env: Env): AuthConfig['bootstrapAdmin'] {
  const username = env.ADMIN_USERNAME?.trim();
  const password = env.ADMIN_PASSWORD;
  if (!username && !password) return undefined;
  if (!username) throw new ConfigError('ADMIN_USERNAME', 'phải được đặt cùng ADMIN_PASSWORD');
  if (!password) throw new ConfigError('ADMIN_PASSWORD', 'phải được đặt cùng ADMIN_USERNAME');
  if (password.length < 10) throw new ConfigError('ADMIN_PASSWORD', 'phải dài ít nhất 10 ký tự');
  return { username, password };
}

function secret(env: Env, name: string): string | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  if (raw.length < 32) throw new ConfigError(name, 'phải dài ít nhất 32 ký tự (ví dụ: openssl rand -hex 32)');
  return raw;
}

function logLevels(env: Env, name: string): LogLevel[] {
  const level = str(env, name, 'log') as LogLevel;
  const index = LOG_ORDER.indexOf(level);
  if (index < 0) throw new ConfigError(name, `phải là một trong ${LOG_ORDER.join(', ')}, đang là "${level}"`);
  return LOG_ORDER.slice(0, index + 1);
}

function databaseUrl(env: Env, name: string): string | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  if (!/^postgres(ql)?:\/\//.test(raw) || !URL.canParse(raw))
    throw new ConfigError(
      name,
      'phải là địa chỉ postgres://người-dùng:mật-khẩu@máy-chủ:5432/tên-cơ-sở-dữ-liệu',
    );
  return raw;
}

function baseUrl(env: Env, name: string): string | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  if (!/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/.test(raw) || !URL.canParse(raw))
    throw new ConfigError(name, `phải là địa chỉ http(s)://máy-chủ, đang là "${raw}"`);
  return raw.replace(/\/+$/, '');
}

/** Validates the environment and fails fast with a message that names the bad variable. */
export function loadConfig(env: Env = process.env): AppConfig {
  const MiB = 1024 * 1024;
  return {
    port: int(env, 'PORT', 3000, 0, 65535),
    host: str(env, 'HOST', '0.0.0.0'),
    databasePath: resolve(str(env, 'DATABASE_PATH', 'data/truyenthanh.sqlite')),
    databaseUrl: databaseUrl(env, 'DATABASE_URL'),
    databasePoolSize: int(env, 'DATABASE_POOL_SIZE', 10, 1, 1000),
    mediaDir: resolve(str(env, 'MEDIA_DIR', 'media')),
    redisUrl: redisUrl(env, 'REDIS_URL'),
    redisPrefix: str(env, 'REDIS_PREFIX', 'truyenthanh'),
    planningTimeZone: timeZone(env, 'PLANNING_TIME_ZONE', 'Asia/Ho_Chi_Minh'),
    uploadMaxBytes: int(env, 'UPLOAD_MAX_MB', 2048, 1, 1024 * 1024) * MiB,
    uploadMaxDurationSeconds: int(env, 'UPLOAD_MAX_DURATION_SECONDS', 3 * 3600, 1, 24 * 3600),
    importMaxBytes: int(env, 'IMPORT_MAX_MB', 20, 1, 1024) * MiB,
    jsonBodyLimitBytes: int(env, 'JSON_BODY_LIMIT_KB', 1024, 1, 100 * 1024) * 1024,
    mediaMinFreeBytes: int(env, 'MEDIA_MIN_FREE_MB', 1024, 0, 1024 * 1024 * 1024) * MiB,
    ffmpegPath: optionalPath(env, 'FFMPEG_PATH'),
    ffprobePath: optionalPath(env, 'FFPROBE_PATH'),
    logLevels: logLevels(env, 'LOG_LEVEL'),
    roles: roles(env, 'PROCESS_ROLE'),
    workerConcurrency: int(env, 'WORKER_CONCURRENCY', availableParallelism(), 1, 64),
    audioJobAttempts: int(env, 'AUDIO_JOB_ATTEMPTS', 3, 1, 20),
    audioJobLockSeconds: int(env, 'AUDIO_JOB_LOCK_SECONDS', 30, 2, 3600),
    reconcileIntervalSeconds: int(env, 'RECONCILE_INTERVAL_SECONDS', 60, 1, 86400),
    loudnessTargetLufs: decimal(env, 'LOUDNESS_TARGET_LUFS', -16, -40, -5),
    truePeakMaxDbtp: decimal(env, 'TRUE_PEAK_MAX_DBTP', -1.5, -10, 0),
    auth: {
      bootstrapAdmin: bootstrapAdmin(env),
      tokenSecret: secret(env, 'AUTH_TOKEN_SECRET'),
      accessTokenSeconds: int(env, 'AUTH_ACCESS_TOKEN_SECONDS', 900, 1, 86400),
      sessionIdleDays: int(env, 'AUTH_SESSION_IDLE_DAYS', 7, 1, 365),
      loginMaxFailures: int(env, 'LOGIN_MAX_FAILURES', 5, 1, 1000),
      loginWindowSeconds: int(env, 'LOGIN_WINDOW_SECONDS', 60, 1, 86400),
      fourEyes: bool(env, 'APPROVAL_FOUR_EYES', true),
      secureCookies: bool(env, 'COOKIE_SECURE', false),
    },
    scheduling: {
      jobsEnabled: bool(env, 'SCHEDULED_JOBS', true),
      warningsIntervalMinutes: int(env, 'WARNINGS_INTERVAL_MINUTES', 15, 1, 1440),
      warningsHours: int(env, 'WARNINGS_HOURS', 48, 1, 744),
      housekeepingIntervalMinutes: int(env, 'HOUSEKEEPING_INTERVAL_MINUTES', 60, 1, 10080),
      planTtlHours: int(env, 'PLAN_TTL_HOURS', 24, 1, 8760),
      publicBaseUrl: baseUrl(env, 'PUBLIC_BASE_URL'),
    },
    playout: {
      reconcileSeconds: int(env, 'PLAYOUT_RECONCILE_SECONDS', 30, 1, 3600),
      horizonHours: int(env, 'PLAYOUT_HORIZON_HOURS', 48, 1, 24 * 366),
    },
    corsOrigins: (env.CORS_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    centreName: str(env, 'CENTRE_NAME', 'Trung tâm Văn hóa – Thông tin và Thể thao').normalize('NFC'),
  };
}

/** Reads `.env` from the working directory when present; real environment variables win. */
export function readDotEnv(path = '.env'): void {
  if (!existsSync(path)) return;
  for (const [name, value] of Object.entries(parseEnv(readFileSync(path, 'utf8')))) {
    if (process.env[name] === undefined) process.env[name] = value;
  }
}
