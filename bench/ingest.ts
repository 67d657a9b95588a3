import 'reflect-metadata';
import { execFile, spawn } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadConfig } from '../src/config/config.js';
import { locateFfmpeg } from '../src/media/ffmpeg-binaries.js';
import {
  analysisCommand,
  decodeCheckCommand,
  gainPlan,
  measureCommand,
  renditionCommand,
  toArgs,
} from '../src/media/ffmpeg/ffmpeg-commands.js';
import { parseLoudness } from '../src/media/ffmpeg/ffmpeg-output.js';
import { startService, stopService } from './lib.js';

/**
 * `npm run bench:ingest`: a 30-minute 44.1 kHz stereo WAV through
 *   (a) the whole pipeline: upload over HTTP, queue, worker, until the asset is ready;
 *   (b) the bare ffmpeg commands that pipeline runs, one after the other (the floor);
 *   (c) the textbook two-pass loudnorm (measure, then normalise and encode): the usual approach;
 * then a 1 GiB upload: the service's peak memory growth and MB/s against copying the file on the same disk.
 */
const MINUTES = Number(process.env.BENCH_MINUTES ?? 30);
const BIG_MB = Number(process.env.BENCH_UPLOAD_MB ?? 1024);
const run = promisify(execFile);
const TARGET = { integratedLufs: -16, truePeakDbtp: -1.5 };

const secondsSince = (t: number) => (performance.now() - t) / 1000;
const dir = mkdtempSync(join(tmpdir(), 'truyenthanh-bench-ingest-'));
const bins = await locateFfmpeg(loadConfig());
const ffmpeg = (args: string[]) => run(bins.ffmpeg.path, args, { maxBuffer: 256 * 1024 * 1024 });
console.log(`ffmpeg ${bins.ffmpeg.version} (${bins.ffmpeg.source}) at ${bins.ffmpeg.path}`);

/** Speech-like test signal (see test/helpers/audio.ts), stereo. */
async function makeWav(path: string, seconds: number): Promise<void> {
  const source = `aevalsrc='0.12*sin(2*PI*170*t)*(0.55+0.45*sin(2*PI*3.3*t))+0.04*sin(2*PI*1100*t)*(0.5+0.5*sin(2*PI*5*t))|0.1*sin(2*PI*190*t)*(0.55+0.45*sin(2*PI*2.9*t))':s=44100:d=${seconds}`;
  await ffmpeg(['-y', '-v', 'error', '-f', 'lavfi', '-i', source, '-c:a', 'pcm_s16le', path]);
}

/** POSTs a file as multipart/form-data, streaming it from disk. */
function upload(
  url: string,
  path: string,
  name: string,
  auth: Record<string, string>,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const boundary = `----truyenthanh${Date.now()}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: audio/wav\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: 'POST',
      headers: {
        ...auth,
        'Content-Type': `multipart/form-data; boundary=${boundary}`,
        'Content-Length': head.length + statSync(path).size + tail.length,
      },
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString()) }),
      );
    });
    req.on('error', reject);
    req.write(head);
    const file = createReadStream(path);
    file.on('end', () => req.end(tail));
    file.pipe(req, { end: false });
  });
}

/**
 * Follows `GET /api/events` as the web page does, instead of polling: a 50 ms polling loop cost the
 * service about 1 s and this script 1–3 s of CPU per 30-minute job, on the two cores the encoder
 * and the meter are using.
 */
async function followAssets(url: string, auth: Record<string, string>) {
  const finished = new Map<number, string>();
  const waiting = new Map<number, () => void>();
  const req = request(`${url}/api/events`, { headers: auth });
  await new Promise<void>((resolve, reject) => {
    req.on('error', reject);
    req.on('response', (res) => {
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const data = buffer
            .slice(0, end)
            .split('\n')
            .find((line) => line.startsWith('data: '));
          buffer = buffer.slice(end + 2);
          const event = data ? (JSON.parse(data.slice(6)) as { assetId: number; status: string }) : null;
          if (event && (event.status === 'ready' || event.status === 'failed')) {
            finished.set(event.assetId, event.status);
            waiting.get(event.assetId)?.();
          }
        }
      });
      resolve(); // the headers came: the service is sending this client its events
    });
    req.end();
  });
  return {
    /** The asset once it is ready (or failed). */
    async settled(id: number): Promise<Record<string, unknown>> {
      if (!finished.has(id)) await new Promise<void>((resolve) => waiting.set(id, resolve));
      return (await (await fetch(`${url}/api/audio-assets/${id}`, { headers: auth })).json()) as Record<
        string,
        unknown
      >;
    },
    close: () => req.destroy(),
  };
}

function rssKiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/);
  return line ? Number(line[1]) : 0;
}

try {
  const wav = join(dir, 'reportage.wav');
  let t = performance.now();
  await makeWav(wav, MINUTES * 60);
  console.log(
    `generated ${MINUTES} min stereo WAV (${(statSync(wav).size / 2 ** 20).toFixed(0)} MiB) in ${secondsSince(t).toFixed(1)} s\n`,
  );

  // (a) the pipeline, through the API and the queue
  const env = {
    DATABASE_PATH: join(dir, 'db.sqlite'),
    MEDIA_DIR: join(dir, 'media'),
    REDIS_PREFIX: `tt-bench-ingest-${process.pid}`,
    // The worker logs each asset's phase times (analysis, rendition, finishing).
    LOG_LEVEL: 'log',
  };
  const service = await startService(env);
  const { auth } = service;
  let a = 0;
  let aUpload = 0;
  let outLufs = 0;
  let bigResult = '';
  try {
    const created = (await (
      await fetch(`${service.url}/api/reportages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth },
        body: JSON.stringify({ segmentId: 1, title: 'Bench' }),
      })
    ).json()) as { id: number };
    const events = await followAssets(service.url, auth);
    t = performance.now();
    const accepted = await upload(
      `${service.url}/api/reportages/${created.id}/audio`,
      wav,
      'reportage.wav',
      auth,
    );
    const uploaded = secondsSince(t);
    const ready = await events.settled(accepted.body.id as number);
    a = secondsSince(t);
    events.close();
    aUpload = uploaded;
    outLufs = ready.loudnessOut as number;
    if (ready.status !== 'ready') throw new Error(`pipeline failed: ${ready.error}`);

    // 1 GiB upload: memory of the service while it streams, and speed against a plain copy
    const big = join(dir, 'big.wav');
    await makeWav(big, Math.floor((BIG_MB * 2 ** 20) / (44100 * 4)));
    const size = statSync(big).size;
    const second = (await (
      await fetch(`${service.url}/api/reportages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth },
        body: JSON.stringify({ segmentId: 1, title: 'Big' }),
      })
    ).json()) as { id: number };
    await new Promise((r) => setTimeout(r, 500));
    const pid = service.child.pid as number;
    const before = rssKiB(pid);
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rssKiB(pid))), 20);
    t = performance.now();
    const bigUpload = await upload(`${service.url}/api/reportages/${second.id}/audio`, big, 'big.wav', auth);
    const uploadSeconds = secondsSince(t);
    clearInterval(sampler);
    if (bigUpload.status !== 202)
      throw new Error(`1 GiB upload answered ${bigUpload.status}: ${JSON.stringify(bigUpload.body)}`);
    t = performance.now();
    await copyFile(big, join(dir, 'big-copy.wav'));
    const copySeconds = secondsSince(t);
    const mb = size / 1e6;
    bigResult =
      `1 GiB upload (${(size / 2 ** 20).toFixed(0)} MiB): answered 202 in ${uploadSeconds.toFixed(1)} s = ${(mb / uploadSeconds).toFixed(0)} MB/s ` +
      `(including the content check that decodes it); copy on the same disk ${copySeconds.toFixed(1)} s = ${(mb / copySeconds).toFixed(0)} MB/s\n` +
      `service memory: ${(before / 1024).toFixed(0)} MiB before, peak ${(peak / 1024).toFixed(0)} MiB, growth ${((peak - before) / 1024).toFixed(1)} MiB (target ≤ 64 MiB)`;
  } finally {
    await stopService(service.child);
  }

  // (b) the same ffmpeg commands, bare
  t = performance.now();
  const probeArgs = ['-v', 'error', '-print_format', 'json', '-show_streams', '-show_format'];
  await run(bins.ffprobe.path, [...probeArgs, wav]);
  await ffmpeg(toArgs(decodeCheckCommand(wav)));
  const analysis = await ffmpeg(toArgs(analysisCommand(wav, join(dir, 'env.pcm'))));
  const measured = parseLoudness(analysis.stderr);
  if (!measured) throw new Error('no loudness from the analysis pass');
  const bare = join(dir, 'bare.mp3');
  // As the pipeline does: the encoder's output goes to the file and into the measurement at once.
  await new Promise<void>((resolve, reject) => {
    const encoder = spawn(
      bins.ffmpeg.path,
      toArgs(renditionCommand(wav, 'pipe:1', gainPlan(measured, TARGET))),
      {
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
    const meter = spawn(bins.ffmpeg.path, toArgs(measureCommand('pipe:0')), {
      stdio: ['pipe', 'ignore', 'ignore'],
    });
    const file = createWriteStream(bare);
    encoder.stdout.pipe(file);
    encoder.stdout.pipe(meter.stdin);
    let open = 2;
    const done = (code: number | null) =>
      code === 0 ? --open === 0 && resolve() : reject(new Error(`ffmpeg exited ${code}`));
    encoder.on('exit', done);
    meter.on('exit', done);
  });
  await run(bins.ffprobe.path, [...probeArgs, bare]);
  const b = secondsSince(t);

  // (c) textbook two-pass loudnorm
  t = performance.now();
  const loudnorm = `loudnorm=I=${TARGET.integratedLufs}:TP=${TARGET.truePeakDbtp}:LRA=11`;
  const first = await ffmpeg([
    '-nostdin',
    '-hide_banner',
    '-i',
    wav,
    '-af',
    `${loudnorm}:print_format=json`,
    '-f',
    'null',
    '-',
  ]);
  const json = JSON.parse(first.stderr.slice(first.stderr.lastIndexOf('{'))) as Record<string, string>;
  const textbook = join(dir, 'textbook.mp3');
  await ffmpeg([
    '-nostdin',
    '-hide_banner',
    '-y',
    '-i',
    wav,
    '-af',
    `${loudnorm}:measured_I=${json.input_i}:measured_TP=${json.input_tp}:measured_LRA=${json.input_lra}:measured_thresh=${json.input_thresh}:offset=${json.target_offset}:linear=true:print_format=summary`,
    '-ar',
    '44100',
    '-ac',
    '1',
    '-c:a',
    'libmp3lame',
    '-b:a',
    '128k',
    textbook,
  ]);
  const c = secondsSince(t);

  console.log(
    `(a) pipeline through API and queue: ${a.toFixed(1)} s  (upload answered after ${aUpload.toFixed(1)} s; result ${outLufs} LUFS)`,
  );
  console.log(`(b) bare ffmpeg commands:           ${b.toFixed(1)} s`);
  console.log(`(c) two-pass loudnorm:              ${c.toFixed(1)} s`);
  console.log(`a/b = ${(a / b).toFixed(3)} (target ≤ 1.15)   c/a = ${(c / a).toFixed(2)} (target ≥ 3)`);
  console.log(bigResult);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
