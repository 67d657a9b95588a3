import { execFile } from 'node:child_process';
import { accessSync, chmodSync, constants, realpathSync, statSync } from 'node:fs';
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
      throw new Error(`${path} không có quyền chạy và không tự sửa được; hãy chạy: chmod +x ${path}`, {
        cause: error,
      });
    }
  }
}

async function locate(name: 'ffmpeg' | 'ffprobe', fromEnv: string | undefined): Promise<Binary> {
  if (fromEnv) {
    const version = await versionOf(fromEnv);
    if (!version)
      throw new Error(
        `${name.toUpperCase()}_PATH=${fromEnv} không chạy được "${name} -version": hãy sửa đường dẫn, hoặc bỏ biến này để dùng ${name} của hệ thống (apt-get install ffmpeg)`,
      );
    return { path: fromEnv, version, source: 'env' };
  }
  const system = await versionOf(name);
  if (system) return { path: name, version: system, source: 'system' };
  const pkg = name === 'ffmpeg' ? '@ffmpeg-installer/ffmpeg' : '@ffprobe-installer/ffprobe';
  const path = (require(pkg) as { path: string }).path;
  ensureExecutable(path);
  const version = await versionOf(path);
  if (!version)
    throw new Error(
      `${name} đi kèm gói ${pkg} (${path}) không chạy được; hãy cài ffmpeg của hệ thống: apt-get install ffmpeg`,
    );
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

/**
 * The build that @ffmpeg-installer ships (a static build from December 2018) encodes MP3 about three
 * times slower than Debian's. Recognised by where it lives or by its version string, not by how it was
 * found: FFMPEG_PATH may point at it too (its source is then `env`), directly or through a link.
 */
const NPM_PACKAGE_DIR = /[\\/]@ff(mpeg|probe)-installer[\\/]/;
const NPM_FFMPEG_VERSION = /^N-47683-g0e8eb07980/;

export function isNpmBuild(binary: Binary): boolean {
  if (binary.source === 'npm' || NPM_PACKAGE_DIR.test(binary.path) || NPM_FFMPEG_VERSION.test(binary.version))
    return true;
  try {
    return NPM_PACKAGE_DIR.test(realpathSync(binary.path));
  } catch {
    return false; // a bare command name ("ffmpeg") found on PATH
  }
}

/** What the health report says, for the administrator, when the slow npm ffmpeg is the one in use. */
export function ffmpegNote(binaries: FfmpegBinaries): string | undefined {
  if (!isNpmBuild(binaries.ffmpeg)) return undefined;
  return (
    `Đang dùng ffmpeg đóng gói qua npm (bản ${binaries.ffmpeg.version}, năm 2018): mã hoá MP3 chậm hơn khoảng 3 lần. ` +
    'Trên Debian hãy cài ffmpeg của hệ thống: apt-get install ffmpeg, rồi bỏ FFMPEG_PATH/FFPROBE_PATH nếu có.'
  );
}
