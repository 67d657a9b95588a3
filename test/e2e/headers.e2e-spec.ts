import type { AddressInfo } from 'node:net';
import { launchBrowser } from '../helpers/browser.js';
import { allocation, approvedReportage, day, station, vn, window } from '../helpers/scheduling.js';
import { createTestApp, expectErrorShape, type TestApp } from '../helpers/test-app.js';

type Json = Record<string, any>;

/** Reads a response supertest would otherwise try to parse (a playlist, audio) as text. */
function asText(res: NodeJS.EventEmitter, done: (error: Error | null, body: string) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
}

/** A Content-Security-Policy header as `{ directive: [sources] }`. */
function csp(header: string | undefined): Record<string, string[]> {
  return Object.fromEntries(
    (header ?? '')
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name, sources]),
  );
}

/**
 * Links and headers a signed-in person's answers carry (issue 14): links never point where a forged
 * Host says, downloads stay out of shared caches, and HTTPS-only headers only over HTTPS.
 */
describe('links built from the Host header, and download caching', () => {
  let t: TestApp;
  let zone: Json;
  let reportage: Json;
  let token: string;
  const D = day('03-10');

  beforeAll(async () => {
    t = await createTestApp();
    zone = await station(t.http, 'Đài truyền thanh xã Láng Dài');
    const evening = await window(t.http, zone.id, {
      startTime: '17:00',
      endTime: '17:30',
      startDate: day('01-01'),
    });
    await allocation(t.http, evening.id, { segmentId: 1, time: '17:10', maxSeconds: 600 });
    reportage = await approvedReportage(t.http, { title: 'Hoa ven đường' });
    await t.http
      .post('/api/placements')
      .send({ reportageId: reportage.id, zoneId: zone.id, startsAt: vn(D, '17:10') })
      .expect(201);
    token = (await t.http.post('/api/me/calendar-token').expect(201)).body.token;
  });
  afterAll(() => t.close());

  const playlistUrls = async (host: string) => {
    const res = await t.http
      .get(`/api/zones/${zone.id}/rundown.m3u?date=${D}`)
      .set('Host', host)
      .buffer(true)
      .parse((res, done) => asText(res, done))
      .expect(200);
    return (res.body as string).split('\n').filter((line) => line.startsWith('http'));
  };

  it.each(['a b', '[::1', 'localhost:99999', 'ke-la.example/evil', 'x'.repeat(300), 'ke-la.example:80@evil'])(
    'answers the calendar feed and the playlist for Host %j, with links to localhost',
    async (host) => {
      const ics = await t.anon
        .get(`/api/zones/${zone.id}/schedule.ics?token=${token}&from=${D}&to=${D}`)
        .set('Host', host)
        .expect(200);
      expect(ics.text).toMatch(/^UID:placement-\d+@localhost\r$/m);
      expect(await playlistUrls(host)).toEqual([
        `http://localhost/api/audio-assets/${reportage.currentAudio.id}/broadcast.mp3`,
      ]);
    },
  );

  it.each(['radio.example.vn', 'RADIO.example.vn:8080', '192.168.1.20:3000', '[::1]:3000'])(
    'builds links from a valid Host %j',
    async (host) => {
      expect(await playlistUrls(host)).toEqual([
        `http://${host.toLowerCase()}/api/audio-assets/${reportage.currentAudio.id}/broadcast.mp3`,
      ]);
    },
  );

  it('keeps broadcast audio and originals out of shared caches', async () => {
    for (const path of ['broadcast.mp3', 'original']) {
      const res = await t.http
        .get(`/api/audio-assets/${reportage.currentAudio.id}/${path}`)
        .buffer(true)
        .parse((res, done) => asText(res, done))
        .expect(200);
      expect(res.headers['cache-control']).toBe('private, no-cache');
      expect(res.headers.etag).toBeDefined();
    }
  });

  it('lets nothing else a signed-in person downloads be stored by default', async () => {
    for (const url of [
      '/api/reportages',
      `/api/zones/${zone.id}/rundown.html?date=${D}`,
      `/api/zones/${zone.id}/rundown.m3u?date=${D}`,
      `/api/reports/airings?from=${D}&to=${D}&groupBy=segment&format=csv`,
      '/api/reportages/import/template.csv',
    ]) {
      const res = await t.http
        .get(url)
        .buffer(true)
        .parse((res, done) => asText(res, done))
        .expect(200);
      expect([url, res.headers['cache-control']]).toEqual([url, 'no-store']);
    }
    const ics = await t.anon.get(`/api/zones/${zone.id}/schedule.ics?token=${token}`).expect(200);
    expect(ics.headers['cache-control']).toBe('private, max-age=300');
  });
});

describe('HTTPS-only headers and the queue dashboard’s content security policy', () => {
  const PATHS = ['/api/health/live', '/admin/queues', '/reportages'];

  it.each([
    ['plain HTTP (COOKIE_SECURE unset)', {}, false],
    ['HTTPS (COOKIE_SECURE=true)', { COOKIE_SECURE: 'true' }, true],
  ])(
    'over %s sends HSTS and upgrade-insecure-requests only when the service says it is on HTTPS',
    async (_name, env, https) => {
      const t = await createTestApp(env);
      try {
        for (const path of PATHS) {
          const res = await t.http.get(path);
          expect([path, 'strict-transport-security' in res.headers]).toEqual([path, https]);
          expect([path, 'upgrade-insecure-requests' in csp(res.headers['content-security-policy'])]).toEqual([
            path,
            https,
          ]);
        }
      } finally {
        await t.close();
      }
    },
  );

  describe('queue dashboard', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp();
    });
    afterAll(() => t.close());

    it('has a policy whose scripts are only its own files, covering everything its page loads', async () => {
      const res = await t.http.get('/admin/queues').expect(200);
      const policy = csp(res.headers['content-security-policy']);
      expect(policy['default-src']).toEqual(["'self'"]);
      expect(policy['script-src']).toEqual(["'self'"]);
      expect(policy['object-src']).toEqual(["'none'"]);
      expect(policy['frame-ancestors']).toEqual(["'none'"]);
      const html = res.text;
      // Inline scripts are data only (never run), external ones come from the dashboard's own folder.
      const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]);
      expect(scripts.length).toBeGreaterThan(1);
      for (const attributes of scripts)
        expect(attributes).toMatch(/type="application\/json"|src="static\/js\/[\w.-]+\.js"/);
      for (const [, href] of html.matchAll(/<link\b[^>]*href="([^"]+)"/g)) {
        const origin = new URL(href, 'http://service.example/admin/queues/').origin;
        expect(['http://service.example', 'https://fonts.googleapis.com']).toContain(origin);
      }
      expect(policy['style-src']).toContain('https://fonts.googleapis.com');
    });

    it('shows the dashboard in a browser without a single policy violation', async () => {
      const server = t.app.getHttpServer();
      await t.app.listen(0, '127.0.0.1');
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const browser = await launchBrowser();
      try {
        const context = await browser.newContext({
          extraHTTPHeaders: { Authorization: `Bearer ${t.token}` },
        });
        const page = await context.newPage();
        await page.route(/fonts\.(googleapis|gstatic)\.com/, (route) => route.abort());
        const violations: string[] = [];
        await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
        // Run in the page (the server's tsconfig has no DOM types, hence a string).
        await page.addInitScript(`document.addEventListener('securitypolicyviolation', (e) =>
          window.reportViolation(e.violatedDirective + ' ' + e.blockedURI))`);
        page.on('console', (message) => {
          if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
        });
        await page.goto(`${base}/admin/queues`);
        // The queue list is drawn by the dashboard's scripts from its API.
        await page.getByText(/audio/i).first().waitFor({ timeout: 20_000 });
        expect(violations).toEqual([]);
      } finally {
        await browser.close();
      }
    });

    it('refuses the dashboard to someone not signed in, in the error shape', async () => {
      expectErrorShape((await t.anon.get('/admin/queues/api/queues').expect(401)).body, 401);
    });
  });
});
