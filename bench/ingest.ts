import 'reflect-metadata';
import { execFile } from 'node:child_process';
import { createReadStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadConfig } from '../src/config/config.js';
import { locateFfmpeg } from '../src/media/ffmpeg-binaries.js';
import { BroadcastRenderer } from '../src/media/broadcast-renderer.js';
import { measureCommand } from '../src/media/ffmpeg/ffmpeg-commands.js';
import { parseLoudness } from '../src/media/ffmpeg/ffmpeg-output.js';
import { FfmpegRunner } from '../src/media/ffmpeg/ffmpeg-runner.js';
import { startService, stopService } from './lib.js';

/**
 * `npm run bench:ingest`: a 30-minute speech-like tone and 30 minutes of Vietnamese speech (espeak-ng,
 * looped), each through
 *   (a) the whole pipeline: upload over HTTP, queue, worker, until the asset is ready;
 *   (b) the bare ffmpeg passes that pipeline runs (the same renderer, no HTTP, queue or database): the floor;
 *   (c) the textbook two-pass loudnorm (measure, then normalise and encode): the usual approach;
 * with the rendition's loudness measured on the downloaded file. Then a 1 GiB upload (the service's
 * peak memory growth, MB/s against a plain copy) and a 3-hour recording (memory growth while the
 * worker analyses and renders it).
 */
const MINUTES = Number(process.env.BENCH_MINUTES ?? 30);
const BIG_MB = Number(process.env.BENCH_UPLOAD_MB ?? 1024);
// Just under the upload limit of 3 hours (UPLOAD_MAX_DURATION_SECONDS), which a looped file would overshoot by a frame.
const LONG_MINUTES = Number(process.env.BENCH_LONG_MINUTES ?? 179);
const run = promisify(execFile);
const TARGET = { integratedLufs: -16, truePeakDbtp: -1.5 };

const secondsSince = (t: number) => (performance.now() - t) / 1000;
const dir = mkdtempSync(join(tmpdir(), 'truyenthanh-bench-ingest-'));
const bins = await locateFfmpeg(loadConfig());
const ffmpeg = (args: string[]) => run(bins.ffmpeg.path, args, { maxBuffer: 256 * 1024 * 1024 });
console.log(`ffmpeg ${bins.ffmpeg.version} (${bins.ffmpeg.source}) at ${bins.ffmpeg.path}`);

/** Speech-like test signal (see test/helpers/audio.ts), stereo. */
async function makeToneWav(path: string, seconds: number): Promise<void> {
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

/**
 * Vietnamese speech: three espeak-ng voices reading about the column, a pause after each, as one
 * 48 kHz stereo WAV at about −28 LUFS (a quiet field recording), looped to `seconds`.
 */
async function makeSpeechWav(
  path: string,
  seconds: number,
  format = ['-ar', '48000', '-ac', '2'],
): Promise<void> {
  const text =
    'Hoa giữa đời thường. Chị Nguyễn Thị Lan, hội viên phụ nữ xã Phước Hội, vận động chị em thu gom phế liệu ' +
    'bán lấy tiền tặng học bổng cho học sinh nghèo. Mỗi năm mô hình trao hơn ba mươi suất học bổng. ' +
    'Ông Trần Văn Bảy ở ấp Long Mỹ vận động mạnh thường quân xây tặng nhà tình thương cho hộ khó khăn.';
  const voices = [
    ['vi', '150'],
    ['vi-vn-x-south+f3', '135'],
    ['vi-vn-x-central', '165'],
  ];
  const parts: string[] = [];
  for (const [i, [voice, speed]] of voices.entries()) {
    const part = join(dir, `voice-${i}.wav`);
    await run('espeak-ng', ['-v', voice, '-s', speed, '-w', part, text]);
    parts.push(part);
  }
  const loop = join(dir, 'speech-loop.wav');
  const filter =
    parts.map((_, i) => `[${i}:a]apad=pad_dur=1.2[p${i}]`).join(';') +
    `;${parts.map((_, i) => `[p${i}]`).join('')}concat=n=${parts.length}:v=0:a=1,volume=-10dB`;
  await ffmpeg([
    '-y',
    '-v',
    'error',
    ...parts.flatMap((p) => ['-i', p]),
    '-filter_complex',
    filter,
    ...format,
    '-c:a',
    'pcm_s16le',
    loop,
  ]);
  await ffmpeg([
    '-y',
    '-v',
    'error',
    '-stream_loop',
    '-1',
    '-i',
    loop,
    '-t',
    String(seconds),
    '-c',
    'copy',
    path,
  ]);
}

async function createReportage(service: Service, title: string): Promise<number> {
  const created = (await (
    await fetch(`${service.url}/api/reportages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...service.auth },
      body: JSON.stringify({ segmentId: 1, title }),
    })
  ).json()) as { id: number };
  return created.id;
}

type Service = Awaited<ReturnType<typeof startService>>;

/** Integrated loudness and true peak of a file: the service's own measure command, run bare. */
async function measureFile(path: string): Promise<{ lufs: number; truePeak: number }> {
  const measured = parseLoudness(await new FfmpegRunner(bins).run(measureCommand(path)));
  if (!measured) throw new Error(`no loudness summary for ${path}`);
  return { lufs: measured.integratedLufs, truePeak: measured.truePeakDbtp };
}

/** (a): upload, queue, worker, until ready; then the rendition downloaded and measured. */
async function throughPipeline(service: Service, path: string, name: string) {
  const id = await createReportage(service, name);
  const events = await followAssets(service.url, service.auth);
  const t = performance.now();
  const accepted = await upload(`${service.url}/api/reportages/${id}/audio`, path, name, service.auth);
  const uploaded = secondsSince(t);
  const ready = await events.settled(accepted.body.id as number);
  const seconds = secondsSince(t);
  events.close();
  if (ready.status !== 'ready') throw new Error(`pipeline failed: ${ready.error}`);
  const mp3 = join(dir, `${name}.mp3`);
  const urls = ready.urls as { broadcast: string };
  writeFileSync(
    mp3,
    Buffer.from(
      await (await fetch(`${service.url}${urls.broadcast}`, { headers: service.auth })).arrayBuffer(),
    ),
  );
  return {
    seconds,
    uploaded,
    measured: await measureFile(mp3),
    analysis: ready.analysis as Record<string, unknown>,
  };
}

/** (b): the renderer the worker runs, bare, with the probe and decode check the upload does. */
async function bare(path: string) {
  const t = performance.now();
  const probeArgs = ['-v', 'error', '-print_format', 'json', '-show_streams', '-show_format'];
  const runner = new FfmpegRunner(bins);
  const { channels } = await runner.probe(path);
  await runner.decodedLength(path);
  const checked = performance.now();
  const renderer = new BroadcastRenderer(runner);
  const source = await renderer.analyse(path, channels);
  const analysed = performance.now();
  const out = join(dir, 'bare.mp3');
  const rendition = await renderer.render(path, source, TARGET, out, {}, { trials: {}, render: {} });
  const rendered = performance.now();
  await run(bins.ffprobe.path, [...probeArgs, out]);
  const phases = `content check ${((checked - t) / 1000).toFixed(1)} s, analysis ${((analysed - checked) / 1000).toFixed(1)} s, rendition ${((rendered - analysed) / 1000).toFixed(1)} s`;
  return { seconds: secondsSince(t), rendition, phases };
}

/** (c): textbook two-pass loudnorm, measure then normalise and encode. */
async function textbook(path: string) {
  const t = performance.now();
  const loudnorm = `loudnorm=I=${TARGET.integratedLufs}:TP=${TARGET.truePeakDbtp}:LRA=11`;
  const first = await ffmpeg([
    '-nostdin',
    '-hide_banner',
    '-i',
    path,
    '-af',
    `${loudnorm}:print_format=json`,
    '-f',
    'null',
    '-',
  ]);
  const json = JSON.parse(first.stderr.slice(first.stderr.lastIndexOf('{'))) as Record<string, string>;
  const out = join(dir, 'textbook.mp3');
  await ffmpeg([
    '-nostdin',
    '-hide_banner',
    '-y',
    '-i',
    path,
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
    out,
  ]);
  return { seconds: secondsSince(t), measured: await measureFile(out) };
}

async function compare(service: Service, label: string, path: string): Promise<void> {
  const input = await measureFile(path);
  console.log(
    `\n== ${label}: ${(statSync(path).size / 2 ** 20).toFixed(0)} MiB, ${input.lufs} LUFS, true peak ${input.truePeak} dBTP`,
  );
  const a = await throughPipeline(service, path, label.replace(/\W+/g, '-'));
  const b = await bare(path);
  const c = await textbook(path);
  const off = Math.abs(a.measured.lufs - TARGET.integratedLufs);
  console.log(
    `(a) pipeline through API and queue: ${a.seconds.toFixed(1)} s (upload answered after ${a.uploaded.toFixed(1)} s)`,
  );
  console.log(
    `(b) bare ffmpeg passes:             ${b.seconds.toFixed(1)} s (${b.rendition.trials} trial(s), ${b.rendition.renders} encode(s), ` +
      `gain ${b.rendition.plan.gainDb.toFixed(1)} dB, limiter ${b.rendition.plan.limitDbtp === null ? 'off' : 'on'}; ${b.phases})`,
  );
  console.log(
    `(c) two-pass loudnorm:              ${c.seconds.toFixed(1)} s (its result: ${c.measured.lufs} LUFS, ${c.measured.truePeak} dBTP)`,
  );
  console.log(
    `a/b = ${(a.seconds / b.seconds).toFixed(3)} (target ≤ 1.15)   c/a = ${(c.seconds / a.seconds).toFixed(2)} (target ≥ 3)`,
  );
  console.log(
    `rendition measured on the downloaded file: I = ${a.measured.lufs} LUFS (|I − target| = ${off.toFixed(1)} LU, target ≤ 0.5), ` +
      `true peak ${a.measured.truePeak} dBTP (ceiling ${TARGET.truePeakDbtp})`,
  );
}

try {
  const tone = join(dir, 'tone.wav');
  const speech = join(dir, 'speech.wav');
  let t = performance.now();
  await makeToneWav(tone, MINUTES * 60);
  await makeSpeechWav(speech, MINUTES * 60);
  console.log(`generated ${MINUTES} min of tone and of speech in ${secondsSince(t).toFixed(1)} s`);

  const env = {
    DATABASE_PATH: join(dir, 'db.sqlite'),
    MEDIA_DIR: join(dir, 'media'),
    REDIS_PREFIX: `tt-bench-ingest-${process.pid}`,
    // The worker logs each asset's phase times (analysis, rendition, finishing).
    LOG_LEVEL: 'log',
  };
  const service = await startService(env);
  const pid = service.child.pid as number;
  let bigResult = '';
  let longResult = '';
  try {
    await compare(service, `${MINUTES}-minute tone, 44.1 kHz stereo`, tone);
    await compare(service, `${MINUTES}-minute speech, 48 kHz stereo`, speech);
    rmSync(tone);
    rmSync(speech);

    // 1 GiB upload: memory of the service while it streams, and speed against a plain copy
    const big = join(dir, 'big.wav');
    await makeToneWav(big, Math.floor((BIG_MB * 2 ** 20) / (44100 * 4)));
    const size = statSync(big).size;
    const second = await createReportage(service, 'Big');
    await new Promise((r) => setTimeout(r, 500));
    const before = rssKiB(pid);
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rssKiB(pid))), 20);
    t = performance.now();
    const bigUpload = await upload(
      `${service.url}/api/reportages/${second}/audio`,
      big,
      'big.wav',
      service.auth,
    );
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
    const events = await followAssets(service.url, service.auth);
    await events.settled(bigUpload.body.id as number); // let its processing finish before the next measurement
    events.close();
    rmSync(big);
    rmSync(join(dir, 'big-copy.wav'));

    // A 3-hour recording: the service's memory while the worker analyses and renders it
    const long = join(dir, 'long.wav');
    await makeSpeechWav(long, LONG_MINUTES * 60, ['-ar', '16000', '-ac', '1']);
    const third = await createReportage(service, 'Long');
    const followLong = await followAssets(service.url, service.auth);
    const accepted = await upload(
      `${service.url}/api/reportages/${third}/audio`,
      long,
      'long.wav',
      service.auth,
    );
    if (accepted.status !== 202)
      throw new Error(`long upload answered ${accepted.status}: ${JSON.stringify(accepted.body)}`);
    const atRest = rssKiB(pid);
    let longPeak = atRest;
    const longSampler = setInterval(() => (longPeak = Math.max(longPeak, rssKiB(pid))), 20);
    t = performance.now();
    const done = await followLong.settled(accepted.body.id as number);
    clearInterval(longSampler);
    followLong.close();
    if (done.status !== 'ready') throw new Error(`the ${LONG_MINUTES}-minute file failed: ${done.error}`);
    longResult =
      `${LONG_MINUTES}-minute recording (${(statSync(long).size / 2 ** 20).toFixed(0)} MiB) processed in ${secondsSince(t).toFixed(0)} s: ` +
      `service memory ${(atRest / 1024).toFixed(0)} MiB when accepted, peak ${(longPeak / 1024).toFixed(0)} MiB, ` +
      `growth ${((longPeak - atRest) / 1024).toFixed(1)} MiB (target ≤ 32 MiB)`;
  } finally {
    await stopService(service.child);
  }
  console.log(`\n${bigResult}\n${longResult}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
