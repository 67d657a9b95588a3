import { execFile } from 'node:child_process';
import { accessSync, chmodSync, constants, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';

const run = promisify(execFile);
const require = createRequire(import.meta.url);

export interface Binary {
  path: string;
  version: string;
  /** Where it came from: the environment, the system, or the npm package. */
  source: 'env' | 'system' | 'npm';
}

export interface FfmpegBinaries {
  ffmpeg: Binary;
  ffprobe: Binary;
}

async function versionOf(path: string): Promise<string | undefined> {
  try {
    const { stdout } = await run(path, ['-version'], { timeout: 10_000 });
    return stdout.split('\n')[0].match(/version (\S+)/)?.[1] ?? 'unknown';
  } catch {
    return undefined;
  }
}

/** The npm-shipped ffprobe comes without the execute bit for group/other: add it, or say why not. */
function ensureExecutable(path: string): void {
  try {
    accessSync(path, constants.X_OK);
  } catch {
    try {
      chmodSync(path, statSync(path).mode | 0o111);
    } catch (error) {
      throw new Error(
        `${path} is not executable and its mode could not be fixed (${(error as Error).message}); run: chmod +x ${path}`,
        { cause: error },
      );
    }
  }
}

async function locate(name: 'ffmpeg' | 'ffprobe', fromEnv: string | undefined): Promise<Binary> {
  if (fromEnv) {
    const version = await versionOf(fromEnv);
    if (!version) throw new Error(`${name.toUpperCase()}_PATH=${fromEnv} does not answer "-version"`);
    return { path: fromEnv, version, source: 'env' };
  }
  const system = await versionOf(name);
  if (system) return { path: name, version: system, source: 'system' };
  const pkg = name === 'ffmpeg' ? '@ffmpeg-installer/ffmpeg' : '@ffprobe-installer/ffprobe';
  const path = (require(pkg) as { path: string }).path;
  ensureExecutable(path);
  const version = await versionOf(path);
  if (!version) throw new Error(`the ${name} shipped by ${pkg} (${path}) does not run`);
  return { path, version, source: 'npm' };
}

/**
 * FFMPEG_PATH / FFPROBE_PATH when set, else a system ffmpeg that answers `-version`, else the
 * binaries that ship through npm (see STACK.md: the system build encodes MP3 3× faster).
 */
export async function locateFfmpeg(env: {
  ffmpegPath?: string;
  ffprobePath?: string;
}): Promise<FfmpegBinaries> {
  const [ffmpeg, ffprobe] = await Promise.all([
    locate('ffmpeg', env.ffmpegPath),
    locate('ffprobe', env.ffprobePath),
  ]);
  return { ffmpeg, ffprobe };
}
