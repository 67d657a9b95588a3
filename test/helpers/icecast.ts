import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ffmpegPath } from './audio.js';
import { freePort, until } from './processes.js';

const run = promisify(execFile);

export interface Icecast {
  port: number;
  sourcePassword: string;
  url(mount: string): string;
  stop(): Promise<void>;
}

/**
 * A real Icecast 2 server (Debian's icecast2, which .ci/run installs) on a free loopback port, with
 * a configuration of the test's own. Icecast refuses to run as root, so as root it changes to the
 * icecast2 user the package creates.
 */
export async function startIcecast(): Promise<Icecast> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'truyenthanh-icecast-'));
  mkdirSync(join(dir, 'log'));
  const sourcePassword = `nguon-${Math.random().toString(36).slice(2, 10)}`;
  const asRoot = process.getuid?.() === 0;
  writeFileSync(
    join(dir, 'icecast.xml'),
    `<icecast>
  <limits><clients>50</clients><sources>10</sources><source-timeout>10</source-timeout><burst-size>0</burst-size></limits>
  <authentication><source-password>${sourcePassword}</source-password><admin-user>admin</admin-user><admin-password>${sourcePassword}-admin</admin-password></authentication>
  <hostname>127.0.0.1</hostname>
  <listen-socket><port>${port}</port><bind-address>127.0.0.1</bind-address></listen-socket>
  <paths><basedir>/usr/share/icecast2</basedir><logdir>${dir}/log</logdir><webroot>/usr/share/icecast2/web</webroot><adminroot>/usr/share/icecast2/admin</adminroot></paths>
  <logging><errorlog>error.log</errorlog><loglevel>2</loglevel></logging>
  <security><chroot>0</chroot>${asRoot ? '<changeowner><user>icecast2</user><group>icecast</group></changeowner>' : ''}</security>
</icecast>`,
  );
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'icecast2']);
    const { stdout: gid } = await run('id', ['-g', 'icecast2']);
    for (const path of [dir, join(dir, 'log')]) chownSync(path, Number(stdout), Number(gid));
  }
  const child: ChildProcess = spawn('icecast2', ['-c', join(dir, 'icecast.xml')], { stdio: 'ignore' });
  await until(
    async () => (await fetch(`http://127.0.0.1:${port}/status-json.xsl`).catch(() => undefined))?.ok === true,
    10_000,
    'icecast2 to answer',
  );
  return {
    port,
    sourcePassword,
    url: (mount) => `http://127.0.0.1:${port}/${mount}`,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A second client, as a loudspeaker receiver would be: ffmpeg records each broadcast on the mount
 * as it arrives, reconnecting whenever the mount comes back, until stopped. Returns the recordings
 * in order.
 */
export function listen(mountUrl: string, dir: string): { stop(): Promise<string[]>; recorded(): number } {
  const recordings: string[] = [];
  let stopped = false;
  let current: ChildProcess | undefined;
  const loop = (async () => {
    const ffmpeg = await ffmpegPath();
    while (!stopped) {
      // Until a source is on the mount, Icecast answers 404 and ffmpeg exits at once: try again.
      const file = join(dir, `nghe-${recordings.length + 1}.mp3`);
      current = spawn(
        ffmpeg,
        [
          '-v',
          'error',
          '-y',
          '-f',
          'mp3',
          '-probesize',
          '2048',
          '-analyzeduration',
          '0',
          '-i',
          mountUrl,
          '-c',
          'copy',
          file,
        ],
        {
          stdio: 'ignore',
        },
      );
      await new Promise((resolve) => current!.once('exit', resolve));
      if (existsSync(file) && statSync(file).size > 0) recordings.push(file);
      else await new Promise((r) => setTimeout(r, 30));
    }
  })();
  return {
    /** Broadcasts recorded whole so far (each ends when its source leaves the mount). */
    recorded: () => recordings.length,
    async stop() {
      stopped = true;
      current?.kill('SIGTERM');
      await loop;
      return recordings;
    },
  };
}

/** The dominant frequency of a recording (Hz), from the zero crossings of its decoded samples. */
export async function dominantFrequency(file: string): Promise<number> {
  const { stdout } = await run(
    await ffmpegPath(),
    ['-v', 'error', '-i', file, '-ac', '1', '-ar', '8000', '-f', 's16le', '-'],
    {
      encoding: 'buffer',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const samples = new Int16Array(stdout.buffer, stdout.byteOffset, Math.floor(stdout.length / 2));
  let crossings = 0;
  for (let i = 1; i < samples.length; i++) if (samples[i - 1] < 0 !== samples[i] < 0) crossings++;
  return crossings / 2 / (samples.length / 8000);
}
