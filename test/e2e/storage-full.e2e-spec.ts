import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Database } from '../../src/database/database.service.js';
import { makeAudio, SPEECH } from '../helpers/audio.js';
import { filesUnder } from '../helpers/files.js';
import {
  createReportage,
  createTestApp,
  expectErrorShape,
  TEST_ADMIN,
  type TestApp,
} from '../helpers/test-app.js';

const run = promisify(execFile);

/** SQLite's default page limit: as good as none. */
const NO_PAGE_LIMIT = 1073741823;

/** `n` made-up words, the same for the same seed: a summary whose search index needs several pages. */
function words(n: number, seed: number): string {
  const letters = 'abcdeghiklmnopqrstuvxy';
  let x = seed;
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    let word = '';
    for (let j = 0; j < 3 + (i % 5); j++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      word += letters[x % letters.length];
    }
    out.push(word);
  }
  return out.join(' ');
}

function expectStorageFull(res: { status: number; body: Record<string, unknown> }): void {
  expect(res.status).toBe(507);
  expectErrorShape(res.body, 507, 'STORAGE_FULL');
  expect(res.body.message).toContain('hết dung lượng lưu trữ');
}

describe('the database disk is full', () => {
  let t: TestApp;
  /** SQL through the service's write queue, on the service's one writing connection. */
  const sql = (text: string) => t.app.get(Database).transaction((m) => m.query(text));
  /**
   * Makes the database "full" the way a full disk does, without one: SQLite refuses to grow the file
   * past `max_page_count` with SQLITE_FULL, on the writing connection that sets it.
   */
  const roomFor = async (pages: number) => {
    const [{ page_count }] = await sql('PRAGMA page_count');
    await sql(`PRAGMA max_page_count = ${page_count + pages}`);
  };

  beforeAll(async () => {
    // SQLite's page limit stands in for the full disk, so this runs on SQLite under jest:postgres too;
    // PostgreSQL's disk full (SQLSTATE 53100 → 507) is src/database/pg-errors.spec.ts.
    t = await createTestApp({ TEST_DATABASE: 'sqlite' });
  });
  afterAll(() => t.close());

  it('answers 507 to what it could not commit, acknowledges only what it did, and writes again once there is room, without a restart', async () => {
    // With 0 to 11 pages of room, the same reportage fails at an INSERT (the statement), then at
    // COMMIT (the search index is written out when the transaction commits), then fits. Before the
    // fix a failed COMMIT left TypeORM believing it was still inside a transaction, and every later
    // write was answered 201 inside a transaction that was never committed.
    const acknowledged: number[] = [];
    const answers: number[] = [];
    for (let pages = 0; pages < 12; pages++) {
      await roomFor(pages);
      const res = await t.http
        .post('/api/reportages')
        .send({ segmentId: 1, title: `Phóng sự ${pages}`, summary: words(700, pages + 1) });
      answers.push(res.status);
      if (res.status === 201) acknowledged.push(res.body.id as number);
      else expectStorageFull(res);
    }
    expect(answers[0]).toBe(507);
    expect(answers).toContain(201);

    await roomFor(0);
    expectStorageFull(
      await t.http.post('/api/reportages').send({ segmentId: 1, title: 'Đầy', summary: words(700, 99) }),
    );
    // Signing in writes a session and an audit entry: whether they still fit in the pages there are
    // depends on the layout, but a token is only ever handed out for a session that exists.
    const fullLogin = await t.anon.post('/api/auth/login').send(TEST_ADMIN);
    if (fullLogin.status === 200)
      await t.anon
        .get('/api/auth/me')
        .set('Authorization', `Bearer ${fullLogin.body.accessToken}`)
        .expect(200);
    else expectStorageFull(fullLogin);
    const health = await t.anon.get('/api/health').expect(503);
    expect(health.body.health.details.database).toMatchObject({ status: 'down', sqlite: 'SQLITE_FULL' });
    expect(health.body.health.details.database.message).toContain('hết dung lượng lưu trữ');
    await t.http.get('/api/reportages').expect(200); // reading goes on

    await sql(`PRAGMA max_page_count = ${NO_PAGE_LIMIT}`);
    await t.anon.get('/api/health').expect(200);
    acknowledged.push(await createReportage(t.http, 'Sau khi có chỗ'));
    const login = await t.anon.post('/api/auth/login').send(TEST_ADMIN).expect(200);
    await t.anon.get('/api/auth/me').set('Authorization', `Bearer ${login.body.accessToken}`).expect(200);

    // Lists read through the read-only connections, which see committed rows only.
    const listed = await t.http.get('/api/reportages?pageSize=100').expect(200);
    expect(listed.body.items.map((r: { id: number }) => r.id).sort((a: number, b: number) => a - b)).toEqual(
      acknowledged.sort((a, b) => a - b),
    );
  });
});

describe('the media disk is full', () => {
  let work: string;
  let media: string;
  let t: TestApp;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'truyenthanh-media-full-'));
    media = join(work, 'media');
    mkdirSync(media);
    // A real small file system, so the disk fills as it would (ENOSPC from the kernel). Needs root
    // with CAP_SYS_ADMIN, as CI runs.
    await run('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', media]).catch((error: Error) => {
      throw new Error(`this test mounts a 2 MiB tmpfs and needs root for it: ${error.message}`);
    });
    t = await createTestApp({ MEDIA_DIR: media });
  });
  afterAll(async () => {
    await t?.close();
    await run('umount', [media]).catch(() => run('umount', ['-l', media]));
    rmSync(work, { recursive: true, force: true });
  });

  it('answers 507 to an upload that does not fit, keeps no temporary file and no asset, and takes the next one that fits', async () => {
    const id = await createReportage(t.http);
    const tooBig = await makeAudio(work, 'dai.wav', SPEECH(40), []); // 3.5 MB of PCM on a 2 MiB disk
    const res = await t.http.post(`/api/reportages/${id}/audio`).attach('file', tooBig);
    expectStorageFull(res);
    expect(filesUnder(join(media, 'tmp'))).toEqual([]);
    expect((await t.http.get(`/api/reportages/${id}/audio`).expect(200)).body).toEqual([]);
    const disk = statfsSync(media);
    expect(disk.bavail * disk.bsize).toBeGreaterThan(1.9 * 2 ** 20); // the cut-off file's space is back

    const small = await makeAudio(work, 'ngan.wav', SPEECH(2, 22050), []);
    await t.http.post(`/api/reportages/${id}/audio`).attach('file', small).expect(202);
  });
});
