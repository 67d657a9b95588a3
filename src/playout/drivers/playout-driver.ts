/**
 * How a station plays a broadcast. One small interface, so a vendor's smart-loudspeaker API can be
 * added later as one more driver.
 */
export const DRIVER_KINDS = ['icecast', 'command', 'manual'] as const;
export type DriverKind = (typeof DRIVER_KINDS)[number];

export interface IcecastSettings {
  driver: 'icecast';
  /** Server and mount, e.g. http://10.0.0.5:8000/xa-phuoc-hai.mp3 */
  url: string;
  /** The source user (Icecast's default is "source"). */
  username?: string;
  /** Never returned by the API. */
  password: string;
}

export interface CommandSettings {
  driver: 'command';
  /** The program to run, e.g. /usr/local/bin/phat-loa */
  command: string;
  /** Its arguments; `{file}` is replaced by the broadcast file's path, `{title}` by the title. */
  args: string[];
  /** Killed after this long (default: the audio's length plus 30 s). */
  timeoutSeconds?: number;
}

export interface ManualSettings {
  driver: 'manual';
}

export type PlayoutSettings = IcecastSettings | CommandSettings | ManualSettings;

export interface PlayRequest {
  /** Absolute path of the broadcast rendition. */
  file: string;
  durationSeconds: number;
  title: string;
  /** Aborted to interrupt (an emergency bulletin) or when the service stops. */
  signal: AbortSignal;
}

export type PlayResult = 'aired' | 'partial' | 'failed' | 'awaiting_confirmation';

export interface PlayOutcome {
  result: PlayResult;
  startedAt: Date;
  endedAt: Date;
  /** Seconds of audio that went out. */
  playedSeconds: number;
  error?: string;
  exitCode?: number | null;
}

export interface PlayoutDriver {
  readonly kind: DriverKind;
  play(settings: PlayoutSettings, request: PlayRequest): Promise<PlayOutcome>;
}

/**
 * What the API shows and the audit trail records of a zone's playout settings: everything but the
 * Icecast source password, of which only whether it is set.
 */
export function publicSettings(settings: PlayoutSettings | Record<string, unknown>): Record<string, unknown> {
  const { password, ...rest } = settings as Record<string, unknown>;
  return password === undefined ? rest : { ...rest, passwordSet: Boolean(password) };
}

/** The Icecast URL ffmpeg's icecast protocol takes: credentials inside, never logged. */
export function icecastTarget(settings: IcecastSettings): string {
  // URL cannot turn an http: URL into a non-special scheme in place: build the string.
  const url = new URL(settings.url);
  const user = encodeURIComponent(settings.username ?? 'source');
  return `icecast://${user}:${encodeURIComponent(settings.password)}@${url.host}${url.pathname}`;
}

/** Played less than the whole item, by more than a rounding: partial. */
export function resultOf(playedSeconds: number, durationSeconds: number, interrupted: boolean): PlayResult {
  if (!interrupted && playedSeconds >= durationSeconds - 1) return 'aired';
  return playedSeconds > 0 ? 'partial' : 'failed';
}
