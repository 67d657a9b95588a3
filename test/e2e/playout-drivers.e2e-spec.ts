import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { locateFfmpeg } from '../../src/media/ffmpeg-binaries.js';
import { FfmpegRunner } from '../../src/media/ffmpeg/ffmpeg-runner.js';
import { CommandDriver } from '../../src/playout/drivers/command.driver.js';
import { IcecastDriver } from '../../src/playout/drivers/icecast.driver.js';
import { ManualDriver } from '../../src/playout/drivers/manual.driver.js';
import { publicSettings, type PlayRequest } from '../../src/playout/drivers/playout-driver.js';
import { makeAudio } from '../helpers/audio.js';
import { dominantFrequency, listen, startIcecast, type Icecast } from '../helpers/icecast.js';
import { until } from '../helpers/processes.js';

/** A broadcast-format MP3 of a pure tone, so what a listener hears can be told apart. */
const tone = (dir: string, name: string, hz: number, seconds: number) =>
  makeAudio(dir, name, `sine=frequency=${hz}:duration=${seconds}:sample_rate=44100`, [
    '-ac',
    '1',
    '-c:a',
    'libmp3lame',
    '-b:a',
    '128k',
  ]);

const request = (
  file: string,
  durationSeconds: number,
  signal = new AbortController().signal,
): PlayRequest => ({
  file,
  durationSeconds,
  title: 'Phóng sự thử',
  signal,
});

describe('playout drivers', () => {
  let dir: string;
  let icecast: Icecast;
  let runner: FfmpegRunner;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'truyenthanh-playout-'));
    icecast = await startIcecast();
    runner = new FfmpegRunner(await locateFfmpeg({}));
  });
  afterAll(async () => {
    await icecast.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('icecast', () => {
    const settings = () => ({
      driver: 'icecast' as const,
      url: icecast.url('xa-phuoc-hai.mp3'),
      password: icecast.sourcePassword,
    });

    it('streams each item live to the mount, in order, and a listener hears the right audio', async () => {
      const low = await tone(dir, 'thap.mp3', 440, 3);
      const high = await tone(dir, 'cao.mp3', 880, 3);
      const listener = listen(settings().url, dir);
      const driver = new IcecastDriver(runner);
      const first = await driver.play(settings(), request(low, 3));
      const second = await driver.play(settings(), request(high, 3));
      await until(async () => listener.recorded() === 2, 10_000, 'the listener to record both');
      const recordings = await listener.stop();
      for (const outcome of [first, second]) {
        expect(outcome.result).toBe('aired');
        expect(outcome.playedSeconds).toBeGreaterThanOrEqual(2.5);
        // Real time, not as fast as the disk: that is what -re is for.
        expect(outcome.endedAt.getTime() - outcome.startedAt.getTime()).toBeGreaterThanOrEqual(2500);
      }
      const heard = await Promise.all(recordings.map(dominantFrequency));
      expect(heard).toHaveLength(2);
      expect(heard[0]).toBeGreaterThan(400);
      expect(heard[0]).toBeLessThan(480);
      expect(heard[1]).toBeGreaterThan(840);
      expect(heard[1]).toBeLessThan(920);
    });

    it('stops at once when interrupted and reports what went out as partial', async () => {
      const long = await tone(dir, 'dai.mp3', 660, 8);
      const stop = new AbortController();
      setTimeout(() => stop.abort(), 1500);
      const outcome = await new IcecastDriver(runner).play(settings(), request(long, 8, stop.signal));
      expect(outcome.result).toBe('partial');
      expect(outcome.playedSeconds).toBeGreaterThan(1);
      expect(outcome.playedSeconds).toBeLessThan(3);
      expect(outcome.error).toMatch(/ngắt/);
    });

    it('fails with a reason when the server refuses the source', async () => {
      const short = await tone(dir, 'ngan.mp3', 500, 2);
      const outcome = await new IcecastDriver(runner).play(
        { ...settings(), password: 'sai-mat-khau' },
        request(short, 2),
      );
      expect(outcome.result).toBe('failed');
      expect(outcome.error).toMatch(/Icecast/);
      expect(outcome.error).not.toContain('sai-mat-khau');
    });

    it('never shows the password in what the API returns', () => {
      const shown = publicSettings(settings());
      expect(shown).toEqual({ driver: 'icecast', url: settings().url, passwordSet: true });
    });
  });

  describe('command', () => {
    const driver = new CommandDriver();

    it('runs the station program with the file and records its exit status', async () => {
      const out = join(dir, 'da-phat.mp3');
      const file = await tone(dir, 'lenh.mp3', 440, 1);
      const outcome = await driver.play(
        { driver: 'command', command: 'cp', args: ['{file}', out] },
        request(file, 1),
      );
      expect(outcome).toMatchObject({ result: 'aired', exitCode: 0, playedSeconds: 1 });
      expect(readFileSync(out)).toEqual(readFileSync(file));
    });

    it.each([
      [
        'exits with an error',
        { command: 'sh', args: ['-c', 'echo "loa hỏng" >&2; exit 3'] },
        /mã 3: loa hỏng/,
      ],
      ['does not exist', { command: '/khong/co/lenh', args: [] }, /Không chạy được lệnh phát/],
      ['runs past its timeout', { command: 'sleep', args: ['5'], timeoutSeconds: 1 }, /quá 1 giây/],
    ])('fails with the reason when the program %s', async (_, settings, reason) => {
      const outcome = await driver.play({ driver: 'command', ...settings }, request(join(dir, 'x.mp3'), 1));
      expect(outcome.result).not.toBe('aired');
      expect(outcome.error).toMatch(reason);
    });

    it('kills the program when interrupted', async () => {
      const stop = new AbortController();
      setTimeout(() => stop.abort(), 300);
      const outcome = await driver.play(
        { driver: 'command', command: 'sleep', args: ['10'] },
        request('x', 10, stop.signal),
      );
      expect(outcome.result).toBe('partial');
      expect(outcome.endedAt.getTime() - outcome.startedAt.getTime()).toBeLessThan(3000);
    });
  });

  it('manual: plays nothing and waits for the operator', async () => {
    const outcome = await new ManualDriver().play({ driver: 'manual' }, request('x', 60));
    expect(outcome.result).toBe('awaiting_confirmation');
    expect(existsSync('x')).toBe(false);
  });
});
