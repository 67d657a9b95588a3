import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeAudio, makeVideo, SPEECH } from '../helpers/audio.js';
import { filesUnder } from '../helpers/files.js';
import { createReportage, createTestApp, expectErrorShape, type TestApp } from '../helpers/test-app.js';

/** A canonical 44-byte PCM WAV header (mono, 44.1 kHz, 16 bit) declaring `dataBytes` of samples. */
function wavHeader(dataBytes: number): Buffer {
  const head = Buffer.alloc(44);
  head.write('RIFF', 0, 'ascii');
  head.writeUInt32LE(36 + dataBytes, 4);
  head.write('WAVEfmt ', 8, 'ascii');
  head.writeUInt32LE(16, 16);
  head.writeUInt16LE(1, 20); // PCM
  head.writeUInt16LE(1, 22); // mono
  head.writeUInt32LE(44100, 24);
  head.writeUInt32LE(44100 * 2, 28);
  head.writeUInt16LE(2, 32);
  head.writeUInt16LE(16, 34);
  head.write('data', 36, 'ascii');
  head.writeUInt32LE(dataBytes, 40);
  return head;
}

/** Small limits so the "too long" and "too large" cases stay small. */
const LIMITS = { UPLOAD_MAX_MB: '2', UPLOAD_MAX_DURATION_SECONDS: '20' };

describe('audio ingest refuses bad input and leaves nothing behind', () => {
  let t: TestApp;
  let work: string;
  let reportageId: number;
  const files: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(LIMITS);
    work = mkdtempSync(join(tmpdir(), 'truyenthanh-bad-'));
    reportageId = await createReportage(t.http);

    files.empty = join(work, 'empty.wav');
    writeFileSync(files.empty, '');
    files.text = join(work, 'notes.mp3');
    writeFileSync(files.text, 'Đây là một tệp văn bản, không phải âm thanh.\n'.repeat(50));
    files.image = join(work, 'photo.wav');
    // A real PNG header and some bytes: an image, whatever its name says.
    writeFileSync(
      files.image,
      Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(2000, 7)]),
    );

    const mp3 = await makeAudio(work, 'whole.mp3', SPEECH(6), ['-c:a', 'libmp3lame', '-b:a', '64k']);
    files.truncatedMp3 = join(work, 'truncated.mp3');
    const bytes = readFileSync(mp3);
    writeFileSync(files.truncatedMp3, bytes.subarray(0, Math.floor(bytes.length / 2)));

    const wav = await makeAudio(work, 'whole.wav', SPEECH(4), []);
    files.lyingWav = join(work, 'lying.wav');
    const wavBytes = readFileSync(wav);
    writeFileSync(files.lyingWav, wavBytes.subarray(0, Math.floor(wavBytes.length * 0.6))); // header still says 4 s

    // Cut off where a copy can stop: a bare 44-byte header (no samples, whatever length it
    // declares) and the first 30 bytes of a real WAV (the middle of its header).
    files.headerOnlyWav = join(work, 'header-only.wav');
    writeFileSync(files.headerOnlyWav, wavHeader(0));
    files.cutAfterHeaderWav = join(work, 'cut-after-header.wav');
    writeFileSync(files.cutAfterHeaderWav, wavHeader(4 * 44100 * 2));
    files.cutInHeaderWav = join(work, 'cut-in-header.wav');
    writeFileSync(files.cutInHeaderWav, wavBytes.subarray(0, 30));

    files.short = await makeAudio(work, 'short.wav', SPEECH(0.5), []);
    files.videoWithoutAudio = await makeVideo(work, 'silent-film.mp4', 2, false);
    files.tooLong = await makeAudio(work, 'long.mp3', SPEECH(30), ['-c:a', 'libmp3lame', '-b:a', '32k']);
    files.tooLarge = join(work, 'large.wav');
    const fd = openSync(files.tooLarge, 'w');
    writeSync(fd, readFileSync(wav)); // a valid start, then past the 2 MB limit
    writeSync(fd, Buffer.alloc(3 * 1024 * 1024));
    closeSync(fd);
    files.good = await makeAudio(work, 'good.wav', SPEECH(2), []);
  });

  afterAll(async () => {
    await t.close();
    rmSync(work, { recursive: true, force: true });
  });

  /** Lengths said as people say them: seconds with a decimal comma. */
  const WORDS: Record<string, RegExp> = {
    lyingWav: /ghi 4 giây âm thanh nhưng chỉ có 2,4 giây/,
    short: /chỉ dài 0,50 giây/,
    tooLong: /dài 30 giây, quá giới hạn 20 giây/,
  };

  async function expectNothingLeft(): Promise<void> {
    const versions = await t.http.get(`/api/reportages/${reportageId}/audio`).expect(200);
    expect(versions.body).toEqual([]);
    const media = join(t.dir, 'media');
    expect(filesUnder(media)).toEqual([]);
  }

  it.each([
    ['an empty file', 'empty', 400, 'EMPTY_FILE'],
    ['a text file named .mp3', 'text', 422, 'NOT_AUDIO'],
    ['an image named .wav', 'image', 422, 'NO_AUDIO_STREAM'],
    ['a truncated MP3', 'truncatedMp3', 422, 'LENGTH_MISMATCH'],
    ['a WAV whose header lies about its length', 'lyingWav', 422, 'LENGTH_MISMATCH'],
    ['audio shorter than 1 s', 'short', 422, 'TOO_SHORT'],
    ['a video without audio', 'videoWithoutAudio', 422, 'NO_AUDIO_STREAM'],
    ['a file longer than the limit', 'tooLong', 422, 'TOO_LONG'],
    ['a file over the size limit', 'tooLarge', 413, 'FILE_TOO_LARGE'],
  ])('refuses %s', async (_name, key, status, code) => {
    const res = await t.http
      .post(`/api/reportages/${reportageId}/audio`)
      .attach('file', files[key])
      .expect(status);
    expectErrorShape(res.body, status, code);
    expect(res.body.message).toMatch(/[ạảãáàâăđêôơư]/i); // Vietnamese, for the office worker
    expect(res.body.message).not.toMatch(/\b(file|stream|audio|decoder|invalid|error)\b/i); // no English
    expect(res.body.message).not.toMatch(/\d\.\d/); // decimal comma
    if (WORDS[key]) expect(res.body.message).toMatch(WORDS[key]);
    await expectNothingLeft();
  });

  it.each([
    ['a WAV of just its 44-byte header', 'headerOnlyWav'],
    ['a WAV cut right after its header', 'cutAfterHeaderWav'],
    ['a WAV cut to 30 bytes, inside its header', 'cutInHeaderWav'],
  ])('tells the reporter that %s is cut off, not that it is no audio', async (_name, key) => {
    const res = await t.http
      .post(`/api/reportages/${reportageId}/audio`)
      .attach('file', files[key])
      .expect(422);
    expectErrorShape(res.body, 422, 'LENGTH_MISMATCH');
    expect(res.body.message).toMatch(/^Tệp WAV bị cắt cụt: .*Hãy chép lại tệp gốc từ máy ghi âm\.$/);
    expect(res.body.message).not.toMatch(/không phải âm thanh/);
    await expectNothingLeft();
  });

  it('refuses a request without the file field', async () => {
    const res = await t.http
      .post(`/api/reportages/${reportageId}/audio`)
      .field('note', 'không có tệp')
      .expect(400);
    expectErrorShape(res.body, 400, 'FILE_REQUIRED');
    await expectNothingLeft();
  });

  it('refuses a request that is not multipart', async () => {
    const res = await t.http.post(`/api/reportages/${reportageId}/audio`).send({ file: 'x' }).expect(415);
    expectErrorShape(res.body, 415, 'MULTIPART_REQUIRED');
  });

  it('refuses two files in one request', async () => {
    const res = await t.http
      .post(`/api/reportages/${reportageId}/audio`)
      .attach('file', files.good)
      .attach('file', files.good, { filename: 'again.wav' })
      .expect(400);
    expectErrorShape(res.body, 400, 'ONE_FILE_ONLY');
    await expectNothingLeft();
  });

  it('refuses an upload to a reportage that does not exist', async () => {
    const res = await t.http.post('/api/reportages/99999/audio').attach('file', files.good).expect(404);
    expectErrorShape(res.body, 404, 'NOT_FOUND');
    await expectNothingLeft();
  });

  it('stores a name with ../ safely and shows it as given', async () => {
    const res = await t.http
      .post(`/api/reportages/${reportageId}/audio`)
      // `filepath` makes the form send the path as it is (with `filename` the client would strip it).
      .attach('file', files.good, { filepath: '../../etc/Bài phát ../passwd.wav' } as never)
      .expect(202);
    expect(res.body.originalName).toBe('../../etc/Bài phát ../passwd.wav');
    const stored = filesUnder(join(t.dir, 'media'));
    expect(stored).toEqual([join(t.dir, 'media', 'originals', res.body.sha256.slice(0, 2), res.body.sha256)]);
  });
});
