import { Database } from '../../src/database/database.service.js';
import { allocation, approvedReportage, cluster, day, station, vn, window } from '../helpers/scheduling.js';
import { createTestApp, expectErrorShape, type SignedInAgent, type TestApp } from '../helpers/test-app.js';

type Body = Record<string, any>;

describe('placements (lịch phát): every refusal rule, re-airs, moves and cancels', () => {
  let t: TestApp;
  let scheduler: SignedInAgent;
  let other: SignedInAgent;
  let s: Body; // station with two clusters
  let a: Body;
  let b: Body;
  let evening: Body; // allocation 17:10, 60 s, segment 1
  let r: Body; // approved, ready
  let draft: Body;
  const D1 = day('03-02');

  beforeAll(async () => {
    t = await createTestApp();
    scheduler = await t.as(['scheduler'], 'laplich1');
    other = await t.as(['scheduler'], 'laplich2');
    s = await station(t.http);
    a = await cluster(t.http, s.id, 'Cụm loa ấp Phước Thạnh');
    b = await cluster(t.http, s.id, 'Cụm loa ấp Phước Lộc');
    const w = await window(scheduler.http, s.id, {
      name: 'Buổi chiều',
      startTime: '17:00',
      endTime: '17:30',
      startDate: day('01-01'),
    });
    evening = await allocation(scheduler.http, w.id, { segmentId: 1, time: '17:10', maxSeconds: 60 });
    r = await approvedReportage(t.http, { title: 'Những luống hoa ven đường' });
    draft = (await t.http.post('/api/reportages').send({ segmentId: 1, title: 'Bản nháp' }).expect(201)).body;
  });
  afterAll(() => t.close());

  const place = (body: Body, as = scheduler) => as.http.post('/api/placements').send(body);

  it('places an approved reportage into its allocation, and marks later airings in the zone as re-airs', async () => {
    const first = await place({
      reportageId: r.id,
      zoneId: s.id,
      startsAt: vn(D1, '17:10'),
      allocationId: evening.id,
    }).expect(201);
    expect(first.body).toMatchObject({
      status: 'planned',
      isReair: false,
      firstAiringId: null,
      zone: { id: s.id },
    });
    expect(first.body.durationSeconds).toBeGreaterThan(1.5);
    const again = await place({
      reportageId: r.id,
      zoneId: s.id,
      startsAt: vn(day('03-09'), '17:10'),
      allocationId: evening.id,
    }).expect(201);
    expect(again.body).toMatchObject({ isReair: true, firstAiringId: first.body.id });
  });

  it.each([
    ['not approved', () => ({ reportageId: draft.id }), 409, 'REPORTAGE_NOT_APPROVED'],
    ['outside every window', () => ({ startsAt: vn(day('03-03'), '12:00') }), 422, 'OUTSIDE_WINDOW'],
    [
      'before its allocation',
      () => ({ startsAt: vn(day('03-03'), '17:09'), allocationId: evening.id }),
      422,
      'BEFORE_ALLOCATION',
    ],
  ])('refuses a reportage %s', async (_what, extra, status, code) => {
    const res = await place({
      reportageId: r.id,
      zoneId: s.id,
      startsAt: vn(day('03-03'), '17:10'),
      ...extra(),
    }).expect(status);
    expectErrorShape(res.body, status, code);
    expect(res.body.message).toMatch(/[ăâđêôơư]/); // Vietnamese
  });

  it('refuses an item that does not fit in the slot (broadcast rendition duration)', async () => {
    const res = await place({
      reportageId: r.id,
      zoneId: s.id,
      startsAt: `${day('03-03')}T17:10:59+07:00`,
      allocationId: evening.id,
    }).expect(422);
    expectErrorShape(res.body, 422, 'EXCEEDS_ALLOCATION');
  });

  it('refuses audio that is not ready', async () => {
    const lost = await approvedReportage(t.http, { title: 'Âm thanh hỏng' });
    const db = t.app.get(Database);
    await db.transaction((m) =>
      m.query("UPDATE audio_assets SET status = 'failed' WHERE id = ?", [lost.currentAudio.id]),
    );
    const res = await place({
      reportageId: lost.id,
      zoneId: s.id,
      startsAt: vn(day('03-04'), '17:10'),
    }).expect(409);
    expectErrorShape(res.body, 409, 'AUDIO_NOT_READY');
  });

  it('refuses air times outside the reportage validity window', async () => {
    const v = await approvedReportage(t.http, {
      title: 'Có hạn',
      validFrom: day('03-05'),
      validUntil: day('03-06'),
    });
    const early = await place({
      reportageId: v.id,
      zoneId: s.id,
      startsAt: vn(day('03-04'), '17:20'),
    }).expect(422);
    expectErrorShape(early.body, 422, 'NOT_YET_VALID');
    const late = await place({ reportageId: v.id, zoneId: s.id, startsAt: vn(day('03-07'), '17:20') }).expect(
      422,
    );
    expectErrorShape(late.body, 422, 'EXPIRED');
    await place({ reportageId: v.id, zoneId: s.id, startsAt: vn(day('03-06'), '17:20') }).expect(201);
  });

  it('refuses a time in the past', async () => {
    const allDay = await station(t.http, 'Đài cả ngày');
    await window(t.http, allDay.id, { startTime: '00:00', endTime: '00:00', startDate: '2020-01-01' });
    const res = await place({
      reportageId: r.id,
      zoneId: allDay.id,
      startsAt: new Date(Date.now() - 3_600_000).toISOString(),
    }).expect(422);
    expectErrorShape(res.body, 422, 'IN_PAST');
  });

  it('refuses overlaps in the same zone and in the zones above and below, not between sibling clusters', async () => {
    const at = vn(day('03-10'), '17:20');
    const inA = await place({ reportageId: r.id, zoneId: a.id, startsAt: at }).expect(201);
    await place({ reportageId: r.id, zoneId: b.id, startsAt: at }).expect(201); // sibling: fine
    const same = await place({ reportageId: r.id, zoneId: a.id, startsAt: vn(day('03-10'), '17:20') }).expect(
      409,
    );
    expectErrorShape(same.body, 409, 'OVERLAP');
    expect(same.body.conflictId).toBe(inA.body.id);
    const above = await place({
      reportageId: r.id,
      zoneId: s.id,
      startsAt: `${day('03-10')}T17:20:01+07:00`,
    }).expect(409);
    expectErrorShape(above.body, 409, 'OVERLAP');
    // And from above: the station's item first, then its cluster.
    await place({ reportageId: r.id, zoneId: s.id, startsAt: vn(day('03-11'), '17:25') }).expect(201);
    const below = await place({
      reportageId: r.id,
      zoneId: b.id,
      startsAt: `${day('03-11')}T17:25:01+07:00`,
    }).expect(409);
    expectErrorShape(below.body, 409, 'OVERLAP');
  });

  it('lets one of two schedulers placing into the same spot at the same moment win: one 201, one 409', async () => {
    const body = {
      reportageId: r.id,
      zoneId: s.id,
      startsAt: vn(day('03-12'), '17:10'),
      allocationId: evening.id,
    };
    const results = await Promise.all([place(body, scheduler), place(body, other)]);
    expect(results.map((res) => res.status).sort()).toEqual([201, 409]);
    expectErrorShape(results.find((res) => res.status === 409)!.body, 409, 'OVERLAP');
    const list = await t.http
      .get(`/api/placements?zoneId=${s.id}&from=${day('03-12')}&to=${day('03-12')}`)
      .expect(200);
    expect(list.body.total).toBe(1);
  });

  it('moves a placement with its version, re-checking the rules, and records it in the audit trail', async () => {
    const p = (
      await place({ reportageId: r.id, zoneId: s.id, startsAt: vn(day('03-13'), '17:10') }).expect(201)
    ).body;
    const moved = await scheduler.http
      .patch(`/api/placements/${p.id}`)
      .send({ startsAt: vn(day('03-13'), '17:15'), version: p.version })
      .expect(200);
    expect(new Date(moved.body.startsAt).toISOString()).toBe(
      new Date(vn(day('03-13'), '17:15')).toISOString(),
    );
    const stale = await scheduler.http
      .patch(`/api/placements/${p.id}`)
      .send({ startsAt: vn(day('03-13'), '17:20'), version: p.version })
      .expect(409);
    expectErrorShape(stale.body, 409, 'STALE_VERSION');
    const outside = await scheduler.http
      .patch(`/api/placements/${p.id}`)
      .send({ startsAt: `${day('03-13')}T17:29:59+07:00`, version: moved.body.version })
      .expect(422);
    expectErrorShape(outside.body, 422, 'EXCEEDS_WINDOW');
    const audit = (await t.http.get(`/api/audit?entity=placement&entityId=${p.id}`).expect(200)).body.items;
    expect(audit.map((e: Body) => e.action)).toEqual(['move', 'create']);
    expect(audit[0].changes.startsAt).toBeDefined();
  });

  it('cancels with a reason (audited), frees the air time and promotes the next airing to first', async () => {
    const inB = (await t.http.get(`/api/placements?zoneId=${b.id}&status=planned`).expect(200)).body.items;
    const first = inB[0];
    const later = (
      await place({ reportageId: r.id, zoneId: b.id, startsAt: vn(day('04-01'), '17:20') }).expect(201)
    ).body;
    expect(later).toMatchObject({ isReair: true, firstAiringId: first.id });
    const cancelled = await scheduler.http
      .post(`/api/placements/${first.id}/cancel`)
      .send({ reason: 'Mất điện' })
      .expect(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelReason: 'Mất điện' });
    expect((await t.http.get(`/api/placements/${later.id}`).expect(200)).body).toMatchObject({
      isReair: false,
      firstAiringId: null,
    });
    // The air time is free again.
    const back = (await place({ reportageId: r.id, zoneId: b.id, startsAt: first.startsAt }).expect(201))
      .body;
    expect((await t.http.get(`/api/placements/${later.id}`).expect(200)).body.firstAiringId).toBe(back.id);
    const again = await scheduler.http
      .post(`/api/placements/${first.id}/cancel`)
      .send({ reason: 'Lần nữa' })
      .expect(409);
    expectErrorShape(again.body, 409, 'NOT_PLANNED');
    const audit = (await t.http.get(`/api/audit?entity=placement&entityId=${first.id}`).expect(200)).body
      .items;
    expect(audit[0]).toMatchObject({
      action: 'cancel',
      changes: { status: { from: 'planned', to: 'cancelled' } },
    });
    const cancelledOnly = await t.http.get(`/api/placements?status=cancelled&zoneId=${b.id}`).expect(200);
    expect(cancelledOnly.body.items.map((x: Body) => x.id)).toEqual([first.id]);
  });
});

describe('zones and the program grid', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('keeps the tree: a cluster needs a station, a station needs a place and no parent', async () => {
    const s = await station(t.http);
    expectErrorShape(
      (await t.http.post('/api/zones').send({ name: 'Cụm lạc', kind: 'cluster' }).expect(422)).body,
      422,
      'ZONE_PARENT',
    );
    expectErrorShape(
      (await t.http.post('/api/zones').send({ name: 'Đài', kind: 'station' }).expect(422)).body,
      422,
      'ZONE_PLACE',
    );
    const c = await cluster(t.http, s.id, 'Cụm 1');
    expectErrorShape(
      (
        await t.http
          .post('/api/zones')
          .send({ name: 'Cụm của cụm', kind: 'cluster', parentId: c.id })
          .expect(422)
      ).body,
      422,
      'ZONE_PARENT',
    );
    expectErrorShape(
      (
        await t.http
          .post('/api/zones')
          .send({ name: 'x', kind: 'station', placeId: s.placeId, timeZone: 'Sao/Hoa' })
          .expect(422)
      ).body,
      422,
      'INVALID_TIME_ZONE',
    );
    expect(
      (
        await t.http
          .post('/api/zones')
          .send({ name: 'x', kind: 'station', placeId: s.placeId, timeZone: 'Sao/Hoa' })
      ).body.details,
    ).toEqual([expect.objectContaining({ field: 'timeZone' })]);
    expectErrorShape((await t.http.delete(`/api/zones/${s.id}`).expect(409)).body, 409, 'IN_USE');
    expect(
      (await t.http.get(`/api/zones?parentId=${s.id}`).expect(200)).body.items.map((z: Body) => z.id),
    ).toEqual([c.id]);
    const patched = await t.http
      .patch(`/api/zones/${c.id}`)
      .send({ name: 'Cụm loa ấp Phước Thạnh', version: c.version })
      .expect(200);
    expect(patched.body.name).toBe('Cụm loa ấp Phước Thạnh');
    const audit = (await t.http.get(`/api/audit?entity=zone&entityId=${c.id}`).expect(200)).body.items;
    expect(audit.map((e: Body) => e.action)).toEqual(['update', 'create']);
  });

  it('refuses rules outside the RRULE subset and allocations outside their window', async () => {
    const s = await station(t.http);
    const bad = await t.http
      .post(`/api/zones/${s.id}/windows`)
      .send({ startTime: '05:30', endTime: '06:00', startDate: day('01-01'), rrule: 'FREQ=MONTHLY' })
      .expect(422);
    expectErrorShape(bad.body, 422, 'INVALID_RRULE');
    const endsBefore = await t.http
      .post(`/api/zones/${s.id}/windows`)
      .send({
        startTime: '17:00',
        endTime: '17:30',
        startDate: day('02-01'),
        rrule: `FREQ=DAILY;UNTIL=${day('01-31').replaceAll('-', '')}`,
      })
      .expect(422);
    expectErrorShape(endsBefore.body, 422, 'WINDOW_ENDS_BEFORE_START');
    expect(endsBefore.body.details).toEqual([expect.objectContaining({ field: 'rrule' })]);
    const w = await window(t.http, s.id, {
      startTime: '05:30',
      endTime: '06:00',
      startDate: day('01-01'),
      rrule: 'RRULE:freq=weekly;byday=fr,tu',
    });
    expect(w.rrule).toBe('FREQ=WEEKLY;BYDAY=TU,FR');
    const outside = await t.http
      .post(`/api/windows/${w.id}/allocations`)
      .send({ segmentId: 1, time: '06:10', maxSeconds: 60 })
      .expect(422);
    expectErrorShape(outside.body, 422, 'ALLOCATION_OUTSIDE_WINDOW');
    const tooLong = await t.http
      .post(`/api/windows/${w.id}/allocations`)
      .send({ segmentId: 1, time: '05:50', maxSeconds: 900 })
      .expect(422);
    expectErrorShape(tooLong.body, 422, 'ALLOCATION_TOO_LONG');
    const ok = await allocation(t.http, w.id, {
      segmentId: 1,
      time: '05:40',
      maxSeconds: 600,
      rrule: 'FREQ=WEEKLY;BYDAY=TU',
    });
    expect(
      (await t.http.get(`/api/windows/${w.id}/allocations`).expect(200)).body.map((x: Body) => x.id),
    ).toEqual([ok.id]);
  });
});
