import { Database } from '../../src/database/database.service.js';
import { allocation, approvedReportage, day, station, vn, window } from '../helpers/scheduling.js';
import { createTestApp, expectErrorShape, type SignedInAgent, type TestApp } from '../helpers/test-app.js';

type Body = Record<string, any>;

describe('planner (lập lịch tự động) through the API', () => {
  let t: TestApp;
  let scheduler: SignedInAgent;
  let segment: Body;
  let zone: Body;
  let slot: Body;
  const reportages: Body[] = [];
  const request = () => ({ from: day('05-04'), to: day('05-10'), zoneIds: [zone.id], segmentId: segment.id });
  const strip = (plan: Body) => ({ placements: plan.placements, unfilled: plan.unfilled });

  beforeAll(async () => {
    t = await createTestApp();
    scheduler = await t.as(['scheduler'], 'laplich');
    segment = (await t.http.post('/api/segments').send({ name: 'Gương sáng quanh ta' }).expect(201)).body;
    // Rules per segment: at most 2 airings per zone, 3 days apart.
    segment = (
      await t.http
        .patch(`/api/segments/${segment.id}`)
        .send({ planning: { maxAirings: 2, minDaysBetween: 3 }, version: segment.version })
        .expect(200)
    ).body;
    const fields = [];
    for (const name of ['Nông thôn mới', 'Học bổng'])
      fields.push((await t.http.post('/api/fields').send({ name }).expect(201)).body.id);
    for (const [title, fieldId, priority] of [
      ['Trồng hoa làm đẹp đường quê', fields[0], null],
      ['Tiếp sức đến trường', fields[1], null],
      ['Nhà tình thương cho hộ nghèo', fields[0], 1],
    ] as const)
      reportages.push(await approvedReportage(t.http, { segmentId: segment.id, title, fieldId, priority }));
    zone = await station(t.http, 'Đài truyền thanh xã Phước Hải');
    const w = await window(t.http, zone.id, {
      startTime: '18:00',
      endTime: '18:30',
      startDate: day('01-01'),
    });
    slot = await allocation(t.http, w.id, { segmentId: segment.id, time: '18:05', maxSeconds: 60 });
  });
  afterAll(() => t.close());

  it('keeps the segment planning rules, filling in the defaults', () => {
    expect(segment.planning).toEqual({
      maxAirings: 2,
      minDaysBetween: 3,
      firstAiringsFirst: true,
      spreadFields: true,
      spreadPlaces: true,
    });
  });

  it('proposes first airings first by priority, re-airs after D days, with a reason for every item and gap', async () => {
    const plan = (await scheduler.http.post('/api/plans').send(request()).expect(201)).body;
    expect(plan.status).toBe('proposed');
    const airings = plan.placements.map((p: Body) => [p.date, p.reportageId, p.airingInZone]);
    const [high, second, third] = [reportages[2].id, reportages[1].id, reportages[0].id];
    expect(airings.slice(0, 3)).toEqual([
      [day('05-04'), high, 1], // priority 1 first
      [day('05-05'), second, 1], // then another field than the day before
      [day('05-06'), third, 1],
    ]);
    expect(airings.slice(3)).toEqual([
      [day('05-07'), high, 2], // 3 days after its first airing
      [day('05-08'), second, 2],
      [day('05-09'), third, 2],
    ]);
    expect(plan.unfilled).toEqual([
      expect.objectContaining({
        date: day('05-10'),
        code: 'EXHAUSTED',
        reason: expect.stringContaining('2 lần'),
      }),
    ]);
    for (const p of plan.placements) {
      expect(p.reason).toEqual(expect.any(String));
      expect(p.title).toBe(reportages.find((r) => r.id === p.reportageId)!.title);
      expect(p.allocationId).toBe(slot.id);
      expect(new Date(p.start).toISOString()).toBe(new Date(vn(p.date, '18:05')).toISOString());
    }
    expect(plan.placements[0].reason).toMatch(/Phát lần đầu; ưu tiên 1/);
    expect(plan.placements[3].reason).toMatch(/Phát lại lần 1 \(cách lần trước 3 ngày\)/);
  });

  it('gives the same proposal for the same request', async () => {
    const one = (await scheduler.http.post('/api/plans').send(request()).expect(201)).body;
    const two = (
      await scheduler.http
        .post('/api/plans')
        .send({ ...request(), zoneIds: [zone.id] })
        .expect(201)
    ).body;
    expect(two.id).not.toBe(one.id);
    expect(strip(two)).toEqual(strip(one));
    expect((await t.http.get(`/api/plans/${one.id}`).expect(200)).body).toEqual(one);
  });

  it('pages a proposal: placements and unfilled allocations, pageSize items of each per page', async () => {
    const plan = (await scheduler.http.post('/api/plans').send(request()).expect(201)).body;
    expect(plan).toMatchObject({ page: 1, pageSize: 500, placementCount: 6, unfilledCount: 1 });
    const pages = [];
    for (const page of [1, 2, 3])
      pages.push((await t.http.get(`/api/plans/${plan.id}?page=${page}&pageSize=4`).expect(200)).body);
    expect(pages.map((p) => [p.placements.length, p.unfilled.length])).toEqual([
      [4, 1],
      [2, 0],
      [0, 0],
    ]);
    expect(pages.flatMap((p) => p.placements)).toEqual(plan.placements);
    expect(pages[0]).toMatchObject({ page: 1, pageSize: 4, placementCount: 6, unfilledCount: 1 });
    const bad = await t.http.get(`/api/plans/${plan.id}?pageSize=5001`).expect(400);
    expectErrorShape(bad.body, 400, 'VALIDATION_FAILED');
  });

  it('applies a plan in one go; applying it twice, or a plan that now conflicts, is refused with 409', async () => {
    const plan = (await scheduler.http.post('/api/plans').send(request()).expect(201)).body;
    const rival = (await scheduler.http.post('/api/plans').send(request()).expect(201)).body;
    const applied = await scheduler.http.post(`/api/plans/${plan.id}/apply`).expect(200);
    expect(applied.body).toMatchObject({ status: 'applied', appliedAt: expect.any(String) });
    const placed = (
      await t.http
        .get(`/api/placements?zoneId=${zone.id}&from=${day('05-04')}&to=${day('05-10')}`)
        .expect(200)
    ).body;
    expect(placed.total).toBe(6);
    expect(placed.items.map((p: Body) => [p.reportageId, p.isReair, p.planId])).toEqual(
      plan.placements.map((p: Body) => [p.reportageId, p.airingInZone > 1, plan.id]),
    );
    const twice = await scheduler.http.post(`/api/plans/${plan.id}/apply`).expect(409);
    expectErrorShape(twice.body, 409, 'PLAN_NOT_PROPOSED');
    const conflict = await scheduler.http.post(`/api/plans/${rival.id}/apply`).expect(409);
    expectErrorShape(conflict.body, 409, 'PLAN_CONFLICT');
    expect(conflict.body.details).toHaveLength(6);
    expect(conflict.body.details[0].code).toBe('OVERLAP');
    // All or nothing: the rival added nothing.
    expect((await t.http.get(`/api/placements?zoneId=${zone.id}`).expect(200)).body.total).toBe(6);
    // A new plan for the same week sees the slots taken, and counts the airings before it.
    const next = (
      await scheduler.http
        .post('/api/plans')
        .send({ ...request(), from: day('05-11'), to: day('05-14') })
        .expect(201)
    ).body;
    expect(next.placements).toEqual([]);
    expect(new Set(next.unfilled.map((u: Body) => u.code))).toEqual(new Set(['EXHAUSTED']));
  });

  it('counts the placements already inside the period, not only those before it', async () => {
    // Every reportage airs twice in 05-04…05-10 (applied above): three days earlier is no first airing.
    const earlier = (
      await scheduler.http
        .post('/api/plans')
        .send({ ...request(), from: day('05-01'), to: day('05-10') })
        .expect(201)
    ).body;
    expect(earlier.placements).toEqual([]);
    expect(earlier.unfilled.filter((u: Body) => u.date < day('05-04')).map((u: Body) => u.code)).toEqual([
      'EXHAUSTED',
      'EXHAUSTED',
      'EXHAUSTED',
    ]);
  });

  it('refuses a period the wrong way round or longer than a year', async () => {
    const res = await scheduler.http
      .post('/api/plans')
      .send({ from: day('05-10'), to: day('05-01') })
      .expect(422);
    expectErrorShape(res.body, 422, 'INVALID_PERIOD');
  });
});

describe('warnings before air', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('reports empty slots and placements that lost approval, audio or validity', async () => {
    const zone = await station(t.http, 'Đài cả ngày');
    const w = await window(t.http, zone.id, {
      startTime: '00:00',
      endTime: '00:00',
      startDate: '2020-01-01',
    });
    const empty = await allocation(t.http, w.id, { segmentId: 1, time: '12:00', maxSeconds: 60 });
    const r = await approvedReportage(t.http, { title: 'Sắp phát' });
    const soon = (n: number) => new Date(Date.now() + n * 3_600_000).toISOString();
    const ok = (
      await t.http
        .post('/api/placements')
        .send({ reportageId: r.id, zoneId: zone.id, startsAt: soon(2) })
        .expect(201)
    ).body;
    const none = (await t.http.get('/api/schedule/warnings?hours=72').expect(200)).body;
    expect(none.items.filter((i: Body) => i.placementId === ok.id)).toEqual([]);
    expect(
      none.items.filter((i: Body) => i.code === 'EMPTY_ALLOCATION' && i.allocationId === empty.id).length,
    ).toBeGreaterThanOrEqual(2);

    // The reportage is archived, its audio lost, its validity ended yesterday.
    const current = (await t.http.get(`/api/reportages/${r.id}`).expect(200)).body;
    const yesterday = new Date(Date.now() - 86_400_000 * 2).toISOString().slice(0, 10);
    const patched = (
      await t.http
        .patch(`/api/reportages/${r.id}`)
        .send({ validUntil: yesterday, version: current.version })
        .expect(200)
    ).body;
    await t.http.post(`/api/reportages/${r.id}/archive`).send({ version: patched.version }).expect(200);
    await t.app
      .get(Database)
      .transaction((m) =>
        m.query("UPDATE audio_assets SET status = 'failed' WHERE reportage_id = ?", [r.id]),
      );
    const warned = (await t.http.get('/api/schedule/warnings?hours=72').expect(200)).body;
    const mine = warned.items.filter((i: Body) => i.placementId === ok.id);
    expect(mine.map((i: Body) => i.code).sort()).toEqual([
      'AUDIO_MISSING',
      'NOT_APPROVED',
      'OUTSIDE_VALIDITY',
    ]);
    for (const item of mine) expect(item.message).toContain('Sắp phát');
    expect(warned.count).toBe(warned.items.length);
  });
});
