import 'reflect-metadata';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sqlite3 from 'sqlite3';
import { loadConfig } from '../src/config/config.js';
import { locateFfmpeg } from '../src/media/ffmpeg-binaries.js';
import { startIcecast } from '../test/helpers/icecast.js';
import { startService, stopService } from './lib.js';

/**
 * `npm run bench:playout`: 30 placements a few seconds apart on a zone driven by a real Icecast 2
 * server (the icecast driver); prints how late each started against its planned time (p50, p95, max),
 * beside the same figure for a bare timer in this script (the floor of a Node process on this machine).
 */
const COUNT = Number(process.env.BENCH_PLACEMENTS ?? 30);
const GAP_MS = Number(process.env.BENCH_GAP_MS ?? 4000);
const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'truyenthanh-bench-playout-'));
const bins = await locateFfmpeg(loadConfig());
const icecast = await startIcecast();

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const summary = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return `p50 ${percentile(sorted, 50).toFixed(0)} ms, p95 ${percentile(sorted, 95).toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms`;
};

try {
  const wav = join(dir, 'tone.wav');
  await run(bins.ffmpeg.path, [
    '-y',
    '-v',
    'error',
    '-f',
    'lavfi',
    '-i',
    'sine=frequency=440:duration=2',
    wav,
  ]);
  const databasePath = join(dir, 'db.sqlite');
  const service = await startService({
    DATABASE_PATH: databasePath,
    MEDIA_DIR: join(dir, 'media'),
    REDIS_PREFIX: `tt-bench-playout-${process.pid}`,
    APPROVAL_FOUR_EYES: 'false',
    PLAYOUT_RECONCILE_SECONDS: '2',
  });
  const { url, auth } = service;
  const api = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(url + path, {
      method,
      headers: { ...auth, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${await res.text()}`);
    return res.status === 204 ? undefined : ((await res.json()) as Record<string, any>);
  };
  try {
    // One approved reportage with a ready broadcast rendition.
    const exemplar = await api('POST', '/api/exemplars', {
      name: 'Điển hình',
      kind: 'individual',
      level: 'commune',
    });
    let r = await api('POST', '/api/reportages', {
      segmentId: 1,
      title: 'Bench',
      summary: 'Bench',
      exemplarIds: [exemplar!.id],
    });
    const form = new FormData();
    form.append('file', new Blob([readFileSync(wav)]), 'tone.wav');
    const upload = await fetch(`${url}/api/reportages/${r!.id}/audio`, {
      method: 'POST',
      headers: auth,
      body: form,
    });
    const asset = (await upload.json()) as { id: number };
    for (;;) {
      const a = await api('GET', `/api/audio-assets/${asset.id}`);
      if (a!.status === 'ready') break;
      await new Promise((done) => setTimeout(done, 200));
    }
    r = await api('GET', `/api/reportages/${r!.id}`);
    r = await api('POST', `/api/reportages/${r!.id}/submit`, { version: r!.version });
    r = await api('POST', `/api/reportages/${r!.id}/approve`, { version: r!.version });
    const duration = (await api('GET', `/api/audio-assets/${asset.id}`))!.broadcastDurationSeconds as number;

    // A station on the icecast driver and COUNT placements GAP_MS apart (written straight to the database).
    const db = new sqlite3.Database(databasePath);
    const exec = (sql: string, params: unknown[] = []) =>
      new Promise<void>((resolve, reject) =>
        db.run(sql, params, (error) => (error ? reject(error) : resolve())),
      );
    await exec(
      "INSERT INTO zones (name, kind, time_zone, playout) VALUES ('Đài bench', 'station', 'Asia/Ho_Chi_Minh', '{}')",
    );
    await api('PUT', '/api/zones/1/playout', {
      driver: 'icecast',
      url: icecast.url('bench.mp3'),
      password: icecast.sourcePassword,
    });
    const sqlTime = (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
    const first = Date.now() + 8000;
    for (let i = 0; i < COUNT; i++) {
      const at = first + i * GAP_MS;
      await exec(
        "INSERT INTO placements (zone_id, reportage_id, starts_at, ends_at, duration_seconds, status) VALUES (1, ?, ?, ?, ?, 'planned')",
        [r!.id, sqlTime(at), sqlTime(at + duration * 1000), duration],
      );
    }
    db.close();
    // Baseline: a bare timer in this process, fired at the same instants.
    const timerLate: number[] = [];
    for (let i = 0; i < COUNT; i++) {
      const at = first + i * GAP_MS;
      setTimeout(() => timerLate.push(Date.now() - at), at - Date.now());
    }
    console.log(
      `${COUNT} placements ${GAP_MS / 1000} s apart on the icecast driver, ${duration.toFixed(1)} s each; waiting…`,
    );
    await new Promise((done) => setTimeout(done, first + COUNT * GAP_MS + 4000 - Date.now()));
    const entries = (await api('GET', `/api/as-run?pageSize=100`))!.items as Record<string, any>[];
    const late = entries
      .filter((e) => e.placementId !== null)
      .map((e) => Date.parse(e.startedAt) - Date.parse(e.scheduledAt));
    const results = entries.reduce<Record<string, number>>(
      (acc, e) => ({ ...acc, [e.result]: (acc[e.result] ?? 0) + 1 }),
      {},
    );
    console.log(`as-run: ${JSON.stringify(results)}`);
    console.log(`start lateness (service, icecast driver): ${summary(late)}   (target p95 < 500 ms)`);
    console.log(`start lateness (bare setTimeout here):   ${summary(timerLate)}`);
  } finally {
    await stopService(service.child);
  }
} finally {
  await icecast.stop();
  rmSync(dir, { recursive: true, force: true });
}
