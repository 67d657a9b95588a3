import { execFile } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const require = createRequire(import.meta.url);

/** The same ffmpeg the service would pick (system first, else the npm one). */
export async function ffmpegPath(): Promise<string> {
  try {
    await run('ffmpeg', ['-version']);
    return 'ffmpeg';
  } catch {
    return (require('@ffmpeg-installer/ffmpeg') as { path: string }).path;
  }
}

export async function ffprobePath(): Promise<string> {
  try {
    await run('ffprobe', ['-version']);
    return 'ffprobe';
  } catch {
    return (require('@ffprobe-installer/ffprobe') as { path: string }).path;
  }
}

/**
 * An ffmpeg wrapper in `dir` that fails the MP3 encoding pass (with an English complaint, as ffmpeg
 * would) while the file `marker` exists, and is the real ffmpeg otherwise: a failed job on demand.
 */
export async function ffmpegFailingWhile(dir: string, marker: string): Promise<string> {
  const wrapper = join(dir, `ffmpeg-wrapper-${Math.random().toString(36).slice(2, 8)}.sh`);
  writeFileSync(
    wrapper,
    `#!/bin/sh\ncase "$*" in *libmp3lame*) if [ -f "${marker}" ]; then echo "Simulated encoder failure: output device not ready" >&2; exit 1; fi;; esac\nexec "${await ffmpegPath()}" "$@"\n`,
  );
  chmodSync(wrapper, 0o755);
  return wrapper;
}

/**
 * A speech-like test signal: a voiced tone whose loudness rises and falls a few times a second,
 * with an overtone, far below the house loudness (about -27 LUFS) so normalising has work to do.
 */
export const SPEECH = (seconds: number, rate = 44100) =>
  `aevalsrc='0.12*sin(2*PI*170*t)*(0.55+0.45*sin(2*PI*3.3*t))+0.04*sin(2*PI*1100*t)*(0.5+0.5*sin(2*PI*5*t))':s=${rate}:d=${seconds}`;

/** Runs ffmpeg with a lavfi source and output options, writing `name` into `dir`. */
export async function makeAudio(
  dir: string,
  name: string,
  source: string,
  outputOptions: string[],
): Promise<string> {
  const path = join(dir, name);
  await run(await ffmpegPath(), ['-y', '-v', 'error', '-f', 'lavfi', '-i', source, ...outputOptions, path]);
  return path;
}

/** A video file: a test picture and the speech signal as its audio track (or none). */
export async function makeVideo(
  dir: string,
  name: string,
  seconds: number,
  withAudio: boolean,
): Promise<string> {
  const path = join(dir, name);
  const args = ['-y', '-v', 'error', '-f', 'lavfi', '-i', `testsrc=size=160x120:rate=10:duration=${seconds}`];
  if (withAudio) args.push('-f', 'lavfi', '-i', SPEECH(seconds), '-c:a', 'aac', '-shortest');
  args.push('-c:v', 'mpeg4', path);
  await run(await ffmpegPath(), args);
  return path;
}

/** Integrated loudness and true peak of a file, measured independently of the service. */
export async function measure(path: string): Promise<{ lufs: number; truePeak: number; lra: number }> {
  const { stderr } = await run(await ffmpegPath(), [
    '-nostdin',
    '-hide_banner',
    '-i',
    path,
    '-af',
    'ebur128=peak=true:framelog=verbose',
    '-f',
    'null',
    '-',
  ]);
  const summary = stderr.slice(stderr.lastIndexOf('Summary:'));
  return {
    lufs: Number(summary.match(/I:\s+(-?[\d.]+) LUFS/)?.[1]),
    truePeak: Number(summary.match(/Peak:\s+(-?[\d.]+) dBFS/)?.[1]),
    lra: Number(summary.match(/LRA:\s+([\d.]+) LU/)?.[1]),
  };
}

/** ffprobe's view of the first audio stream and the container. */
export async function probe(path: string): Promise<{
  codec: string;
  channels: number;
  sampleRate: number;
  bitRate: number;
  duration: number;
  format: string;
}> {
  const { stdout } = await run(await ffprobePath(), [
    '-v',
    'error',
    '-print_format',
    'json',
    '-show_streams',
    '-show_format',
    path,
  ]);
  const data = JSON.parse(stdout) as {
    streams: { codec_type: string; codec_name: string; channels: number; sample_rate: string }[];
    format: { format_name: string; duration: string; bit_rate: string };
  };
  const audio = data.streams.find((s) => s.codec_type === 'audio');
  return {
    codec: audio?.codec_name ?? '',
    channels: audio?.channels ?? 0,
    sampleRate: Number(audio?.sample_rate ?? 0),
    bitRate: Number(data.format.bit_rate),
    duration: Number(data.format.duration),
    format: data.format.format_name,
  };
}
