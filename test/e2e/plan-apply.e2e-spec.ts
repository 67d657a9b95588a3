import { createApp } from '../../src/bootstrap.js';
import { Database } from '../../src/database/database.service.js';
import { AiringScheduleRepository } from '../../src/scheduling/airing-schedule.repository.js';
import { PlacementStatusRepository } from '../../src/scheduling/placement-status.repository.js';
import { allocation, approvedReportage, day, station, window } from '../helpers/scheduling.js';
import { createTestApp, expectErrorShape, type SignedInAgent, type TestApp } from '../helpers/test-app.js';

type Body = Record<string, any>;

/**
 * Applying a plan (issue 15): its placements are written staged in short chunk transactions, then
 * turned planned at the commit point. Staged rows hold air time but are shown nowhere and never air;
 * an apply racing a manual placement never ends with both; a crash mid-apply is recovered at start.
 */
describe('applying a plan without holding the schedule', () => {
  let t: TestApp;
  let scheduler: SignedInAgent;
  let segment: Body;
  const zones: Body[] = [];
  const reportages: Body[] = [];
  const request = (from: string, to: string) => ({
    from: day(from),
    to: day(to),
    zoneIds: zones.map((z) => z.id),
    segmentId: segment.id,
  });

  const db = () => t.app.get(Database);
  const rows = <T>(sql: string, params: unknown[] = []) =>
    db().transaction((m) => m.query(sql, params)) as Promise<T>;
  const stagedCount = async () =>
    Number(
      (await rows<{ n: number }[]>("SELECT COUNT(*) AS n FROM placements WHERE status = 'staged'"))[0].n,
    );
  const planStatus = async (id: number) => (await t.http.get(`/api/plans/${id}`).expect(200)).body.status;

  /** Every placement of a plan, all pages. */
  async function planItems(id: number): Promise<Body[]> {
    return (await t.http.get(`/api/plans/${id}?pageSize=1000`).expect(200)).body.placements;
  }

  /** What an apply leaves behind when the process dies after writing its chunks (and before its end). */
  async function leaveStaged(plan: Body, status: 'applying' | 'applied'): Promise<void> {
    const items = await planItems(plan.id);
    await db().transaction(async (m) => {
      await t.app.get(PlacementStatusRepository).stage(
        m,
        plan.id,
        items.map((p) => ({
          zoneId: p.zoneId,
          reportageId: p.reportageId,
          allocationId: p.allocationId,
          start: new Date(p.start),
          end: new Date(p.end),
          durationSeconds: p.durationSeconds,
        })),
        null,
        new Date(),
      );
      // Silent for an hour: nobody is applying it any more.
      await m.query('UPDATE plans SET status = ?, updated_at = ? WHERE id = ?', [
        status,
        new Date(Date.now() - 3_600_000).toISOString().replace('T', ' ').replace('Z', ''),
        plan.id,
      ]);
    });
  }

  /** The same database, a new process: what a restart after a crash does. */
  async function restart(): Promise<void> {
    const again = await createApp(t.config);
    await again.init();
    await again.close();
  }

  beforeAll(async () => {
    t = await createTestApp();
    scheduler = await t.as(['scheduler'], 'laplich');
    segment = (await t.http.post('/api/segments').send({ name: 'Nông thôn mới' }).expect(201)).body;
    segment = (
      await t.http
        .patch(`/api/segments/${segment.id}`)
        .send({ planning: { maxAirings: 30, minDaysBetween: 1 }, version: segment.version })
        .expect(200)
    ).body;
    for (const title of ['Đường làng sáng đèn', 'Cánh đồng mẫu lớn', 'Nước sạch về thôn'])
      reportages.push(await approvedReportage(t.http, { segmentId: segment.id, title }));
    for (const name of ['Đài xã Phước Hải', 'Đài xã Long Điền']) {
      const zone = await station(t.http, name);
      const w = await window(t.http, zone.id, {
        startTime: '18:00',
        endTime: '18:30',
        startDate: day('01-01'),
      });
      await allocation(t.http, w.id, { segmentId: segment.id, time: '18:05', maxSeconds: 60 });
      await allocation(t.http, w.id, { segmentId: segment.id, time: '18:15', maxSeconds: 60 });
      zones.push(zone);
    }
  });
  afterAll(() => t.close());

  it('shows staged placements nowhere and never airs them, but they hold their air time', async () => {
    const plan = (await scheduler.http.post('/api/plans').send(request('06-01', '06-03')).expect(201)).body;
    expect(plan.placements.length).toBeGreaterThan(0);
    const zone = zones[0].id;
    const exports = async () => ({
      list: (await t.http.get(`/api/placements?from=${day('06-01')}&to=${day('06-03')}`).expect(200)).body,
      schedule: (await t.http.get(`/api/schedule?from=${day('06-01')}&to=${day('06-03')}`).expect(200)).body
        .placements,
      rundown: (await t.http.get(`/api/zones/${zone}/rundown?date=${day('06-02')}`).expect(200)).body,
      m3u: (await t.http.get(`/api/zones/${zone}/rundown.m3u?date=${day('06-02')}`).expect(200)).text,
      html: (await t.http.get(`/api/zones/${zone}/rundown.html?date=${day('06-02')}`).expect(200)).text,
    });
    const before = await exports();
    expect(before.list.total).toBe(0);
    await leaveStaged(plan, 'applying');
    await rows('UPDATE plans SET updated_at = CURRENT_TIMESTAMP WHERE id = ?', [plan.id]);
    const staged = await rows<{ id: number }[]>("SELECT id FROM placements WHERE status = 'staged'");
    expect(staged).toHaveLength(plan.placements.length);
    expect(await exports()).toEqual(before);
    await t.http.get(`/api/placements/${staged[0].id}`).expect(404);
    const upcoming = await t.app.get(AiringScheduleRepository).upcoming(0);
    expect(upcoming.map((p) => p.id)).not.toContain(staged[0].id);
    // Another placement cannot take their air time meanwhile.
    const first = plan.placements[0];
    const taken = await scheduler.http
      .post('/api/placements')
      .send({ reportageId: reportages[0].id, zoneId: first.zoneId, startsAt: first.start })
      .expect(409);
    expectErrorShape(taken.body, 409, 'OVERLAP');
    // An apply in progress is not started twice.
    expectErrorShape(
      (await scheduler.http.post(`/api/plans/${plan.id}/apply`).expect(409)).body,
      409,
      'PLAN_NOT_PROPOSED',
    );
    await rows('DELETE FROM placements WHERE plan_id = ?', [plan.id]);
    await rows("UPDATE plans SET status = 'expired' WHERE id = ?", [plan.id]);
  });

  it('recovers an apply a crash interrupted: before its commit point it is undone, after it completed', async () => {
    const undone = (await scheduler.http.post('/api/plans').send(request('07-01', '07-03')).expect(201)).body;
    const finished = (await scheduler.http.post('/api/plans').send(request('08-01', '08-03')).expect(201))
      .body;
    await leaveStaged(undone, 'applying');
    await leaveStaged(finished, 'applied');
    expect(await stagedCount()).toBe(undone.placements.length + finished.placements.length);

    await restart();

    expect(await stagedCount()).toBe(0);
    expect(await planStatus(undone.id)).toBe('proposed');
    const none = (await t.http.get(`/api/placements?from=${day('07-01')}&to=${day('07-03')}`).expect(200))
      .body;
    expect(none.total).toBe(0);
    const done = (
      await t.http.get(`/api/placements?from=${day('08-01')}&to=${day('08-03')}&pageSize=100`).expect(200)
    ).body;
    expect(done.total).toBe(finished.placements.length);
    expect(done.items.every((p: Body) => p.status === 'planned' && p.planId === finished.id)).toBe(true);
    // The re-air marks are those an apply sets: the first airing per reportage and zone, then re-airs.
    const key = (p: Body) =>
      `${p.zoneId ?? p.zone.id}/${p.reportageId}/${new Date(p.startsAt ?? p.start).getTime()}`;
    const expected = new Map(finished.placements.map((p: Body) => [key(p), p.airingInZone > 1]));
    for (const p of done.items) expect([key(p), p.isReair]).toEqual([key(p), expected.get(key(p))]);

    // The plan undone applies normally now.
    const applied = await scheduler.http.post(`/api/plans/${undone.id}/apply`).expect(200);
    expect(applied.body.status).toBe('applied');
    const now = (
      await t.http.get(`/api/placements?from=${day('07-01')}&to=${day('07-03')}&pageSize=100`).expect(200)
    ).body;
    expect(now.total).toBe(undone.placements.length);
    expect(await stagedCount()).toBe(0);
  });

  it('never ends with both a plan and a manual placement made during its apply in the same air time', async () => {
    for (const [k, [from, to]] of [
      ['09-01', '09-10'],
      ['10-01', '10-10'],
      ['11-01', '11-10'],
    ].entries()) {
      const plan = (await scheduler.http.post('/api/plans').send(request(from, to)).expect(201)).body;
      const items = await planItems(plan.id);
      const target = items[k === 0 ? 0 : k === 1 ? Math.floor(items.length / 2) : items.length - 1];
      const [apply, manual] = await Promise.all([
        scheduler.http.post(`/api/plans/${plan.id}/apply`),
        scheduler.http
          .post('/api/placements')
          .send({ reportageId: reportages[1].id, zoneId: target.zoneId, startsAt: target.start }),
      ]);
      expect([
        [200, 409],
        [409, 201],
      ]).toContainEqual([apply.status, manual.status]);
      if (apply.status === 409) {
        expectErrorShape(apply.body, 409, 'PLAN_CONFLICT');
        expect(apply.body.details[0]).toMatchObject({
          code: 'OVERLAP',
          field: expect.stringMatching(/^placements\[/),
        });
        expect(await planStatus(plan.id)).toBe('proposed');
        const left = await rows<{ n: number }[]>('SELECT COUNT(*) AS n FROM placements WHERE plan_id = ?', [
          plan.id,
        ]);
        expect(Number(left[0].n)).toBe(0);
      } else expectErrorShape(manual.body, 409, 'OVERLAP');
      const there = (
        await t.http
          .get(`/api/placements?zoneId=${target.zoneId}&from=${day(from)}&to=${day(to)}&pageSize=100`)
          .expect(200)
      ).body.items.filter((p: Body) => new Date(p.startsAt).getTime() === new Date(target.start).getTime());
      expect(there).toHaveLength(1);
      expect(await stagedCount()).toBe(0);
    }
  });
});
