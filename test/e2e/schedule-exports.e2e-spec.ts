import ICAL from 'ical.js';
import { allocation, approvedReportage, cluster, day, station, vn, window } from '../helpers/scheduling.js';
import { createTestApp, expectErrorShape, type SignedInAgent, type TestApp } from '../helpers/test-app.js';

type Body = Record<string, any>;

describe('reading the schedule: grid expansion, iCalendar feed, daily rundown', () => {
  let t: TestApp;
  let scheduler: SignedInAgent;
  let s: Body;
  let c: Body;
  let r: Body;
  const placed: Body[] = [];
  const D = day('06-02'); // a Tuesday or not: the rundown says which

  beforeAll(async () => {
    t = await createTestApp();
    scheduler = await t.as(['scheduler'], 'laplich');
    s = await station(t.http, 'Đài truyền thanh xã Lộc An');
    c = await cluster(t.http, s.id, 'Cụm loa <ấp> "Mới"');
    const evening = await window(t.http, s.id, {
      startTime: '17:00',
      endTime: '17:30',
      startDate: day('01-01'),
    });
    await allocation(t.http, evening.id, { segmentId: 1, time: '17:10', maxSeconds: 600 });
    r = await approvedReportage(t.http, {
      title: 'Hoa <ven> đường & "ngõ", xóm; mới',
      reporter: 'Nguyễn Thị Lan',
    });
    for (const [zoneId, time] of [
      [s.id, '17:10'],
      [c.id, '17:20'],
    ] as const)
      placed.push(
        (
          await scheduler.http
            .post('/api/placements')
            .send({ reportageId: r.id, zoneId, startsAt: vn(D, time) })
            .expect(201)
        ).body,
      );
  });
  afterAll(() => t.close());

  it('expands windows across a year end, skipping exception dates, and across a month end by weekday', async () => {
    const z = await station(t.http, 'Đài thử lịch');
    const daily = await window(t.http, z.id, {
      startTime: '05:30',
      endTime: '06:00',
      startDate: day('12-01'),
      exceptDates: [day('01-01', YEAR2)],
    });
    const weekly = await window(t.http, z.id, {
      startTime: '23:45',
      endTime: '00:15', // overnight
      startDate: day('01-01'),
      rrule: 'FREQ=WEEKLY;BYDAY=SA,MO',
    });
    await allocation(t.http, weekly.id, { segmentId: 1, time: '00:05', maxSeconds: 300 });
    const res = await t.http
      .get(`/api/schedule?from=${day('12-30')}&to=${day('01-02', YEAR2)}&zoneId=${z.id}`)
      .expect(200);
    const sessions = (id: number) =>
      res.body.windows.filter((w: Body) => w.windowId === id).map((w: Body) => [w.date, w.start, w.end]);
    expect(sessions(daily.id)).toEqual([
      [day('12-30'), iso(day('12-30'), '05:30'), iso(day('12-30'), '06:00')],
      [day('12-31'), iso(day('12-31'), '05:30'), iso(day('12-31'), '06:00')],
      [day('01-02', YEAR2), iso(day('01-02', YEAR2), '05:30'), iso(day('01-02', YEAR2), '06:00')],
    ]);
    const saturdaysAndMondays = [day('12-30'), day('12-31'), day('01-01', YEAR2), day('01-02', YEAR2)].filter(
      (d) => [1, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()),
    );
    expect(sessions(weekly.id).map((x: string[]) => x[0])).toEqual(saturdaysAndMondays);
    // The overnight slot at 00:05 belongs to the evening it started, on the next calendar day.
    for (const a of res.body.allocations) {
      const session = res.body.windows.find((w: Body) => w.windowId === weekly.id && w.date === a.date);
      expect(new Date(a.start).getTime() - new Date(session.start).getTime()).toBe(20 * 60_000);
    }
    const month = await t.http
      .get(`/api/schedule?from=${day('01-30')}&to=${day('02-02')}&zoneId=${z.id}`)
      .expect(200);
    expect(month.body.windows.filter((w: Body) => w.windowId === daily.id)).toEqual([]); // starts in December
    const feb = await t.http
      .get(`/api/schedule?from=${day('02-27', YEAR2)}&to=${day('03-02', YEAR2)}&zoneId=${z.id}`)
      .expect(200);
    expect(feb.body.windows.filter((w: Body) => w.windowId === daily.id).map((w: Body) => w.date)).toEqual(
      datesBetween(`${YEAR2}-02-27`, `${YEAR2}-03-02`),
    );
  });

  it('lists windows, slots and placements of a zone together with its station', async () => {
    const res = await t.http.get(`/api/schedule?from=${D}&to=${D}&zoneId=${c.id}`).expect(200);
    expect(res.body.windows).toHaveLength(1);
    expect(res.body.allocations).toHaveLength(1);
    expect(res.body.placements.map((p: Body) => p.id)).toEqual(placed.map((p) => p.id));
  });

  it('serves an iCalendar feed with a private token that an independent parser reads back', async () => {
    const none = await t.anon.get(`/api/zones/${s.id}/schedule.ics`).expect(401);
    expectErrorShape(none.body, 401, 'INVALID_CALENDAR_TOKEN');
    expect((await scheduler.http.get('/api/me/calendar-token').expect(200)).body.exists).toBe(false);
    const old = (await scheduler.http.post('/api/me/calendar-token').expect(201)).body.token as string;
    const token = (await scheduler.http.post('/api/me/calendar-token').expect(201)).body.token as string;
    expect((await scheduler.http.get('/api/me/calendar-token').expect(200)).body.exists).toBe(true);
    expectErrorShape(
      (await t.anon.get(`/api/zones/${s.id}/schedule.ics?token=${old}`).expect(401)).body,
      401,
      'INVALID_CALENDAR_TOKEN',
    );

    const res = await t.anon
      .get(`/api/zones/${s.id}/schedule.ics?token=${token}&from=${D}&to=${D}`)
      .expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    const calendar = new ICAL.Component(ICAL.parse(res.text));
    const zoneDef = calendar.getFirstSubcomponent('vtimezone')!;
    expect(zoneDef.getFirstPropertyValue('tzid')).toBe('Asia/Ho_Chi_Minh');
    ICAL.TimezoneService.register(zoneDef);
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.summary)).toEqual([r.title, r.title]);
    expect(events.map((e) => e.startDate.toString())).toEqual([`${D}T17:10:00`, `${D}T17:20:00`]);
    expect(events.map((e) => e.startDate.toJSDate().toISOString())).toEqual(
      placed.map((p) => new Date(p.startsAt).toISOString()),
    );
    // iCalendar counts whole seconds.
    expect(events.map((e) => e.endDate.toJSDate().getTime())).toEqual(
      placed.map((p) => Math.floor(new Date(p.endsAt).getTime() / 1000) * 1000),
    );
    expect(events.map((e) => e.location)).toEqual([s.name, c.name]);
    expect(new Set(events.map((e) => e.uid)).size).toBe(2);
  });

  it('gives the day rundown as JSON, a printable Vietnamese page and an M3U playlist', async () => {
    const json = (await t.http.get(`/api/zones/${s.id}/rundown?date=${D}`).expect(200)).body;
    const weekday = ['Chủ Nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'][
      new Date(`${D}T00:00:00Z`).getUTCDay()
    ];
    expect(json).toMatchObject({ date: D, dateText: `02/06/${YEAR}`, weekday, zone: { id: s.id } });
    expect(json.items.map((i: Body) => [i.time, i.title, i.reporter, i.zone.id, i.audioReady])).toEqual([
      ['17:10', r.title, 'Nguyễn Thị Lan', s.id, true],
      ['17:20', r.title, 'Nguyễn Thị Lan', c.id, true],
    ]);
    expect(json.items[0].duration).toMatch(/^0:0[12]$/);

    const html = await t.http.get(`/api/zones/${s.id}/rundown.html?date=${D}`).expect(200);
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.text).toContain(`${weekday}, ngày 02/06/${YEAR}`);
    expect(html.text).toContain('Hoa &lt;ven&gt; đường &amp; &quot;ngõ&quot;, xóm; mới');
    expect(html.text).toContain('Cụm loa &lt;ấp&gt; &quot;Mới&quot;');
    expect(html.text).not.toContain('<ven>');
    expect(html.text).toContain('17:10');

    const m3u = await t.http
      .get(`/api/zones/${s.id}/rundown.m3u?date=${D}`)
      .buffer(true)
      .parse((res, done) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => done(null, text));
      })
      .expect(200);
    expect(m3u.headers['content-type']).toMatch(/^audio\/x-mpegurl/);
    const lines = (m3u.body as string).trim().split('\n');
    expect(lines[0]).toBe('#EXTM3U');
    expect(lines.filter((l) => l.startsWith('#EXTINF:'))).toEqual([
      `#EXTINF:2,17:10 ${r.title}`,
      `#EXTINF:2,17:20 ${r.title}`,
    ]);
    const urls = lines.filter((l) => !l.startsWith('#'));
    expect(urls).toHaveLength(2);
    for (const url of urls)
      expect(url).toMatch(
        new RegExp(`^http://127\\.0\\.0\\.1:\\d+/api/audio-assets/${r.currentAudio.id}/broadcast\\.mp3$`),
      );
    const audio = await t.http.get(new URL(urls[0]).pathname).expect(200);
    expect(audio.headers['content-type']).toMatch(/audio\/mpeg/);
  });
});

const YEAR2 = Number(day('01-01').slice(0, 4)) + 1;
const YEAR = Number(day('01-01').slice(0, 4));
const iso = (date: string, time: string) => new Date(vn(date, time)).toISOString();
function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (
    let d = new Date(`${from}T00:00:00Z`);
    d <= new Date(`${to}T00:00:00Z`);
    d = new Date(d.getTime() + 86_400_000)
  )
    out.push(d.toISOString().slice(0, 10));
  return out;
}
