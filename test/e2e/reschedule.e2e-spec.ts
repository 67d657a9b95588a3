import { Database } from '../../src/database/database.service.js';
import { allocation, approvedReportage, station, window } from '../helpers/scheduling.js';
import { createTestApp, expectErrorShape, type SignedInAgent, type TestApp } from '../helpers/test-app.js';

type Body = Record<string, any>;
const DAY_MS = 86_400_000;
const sqlTime = (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
const localTime = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));

describe('rescheduling a missed placement (POST /api/placements/:id/reschedule)', () => {
  let t: TestApp;
  let operator: SignedInAgent;
  let s: Body; // station with a daily 17:10 slot of segment 1
  let bare: Body; // station without any slot

  beforeAll(async () => {
    t = await createTestApp();
    operator = await t.as(['operator'], 'vanhanh1');
    s = await station(t.http, 'Đài truyền thanh xã Phước Hội');
    bare = await station(t.http, 'Đài truyền thanh xã Lộc An');
    const w = await window(t.http, s.id, { startTime: '17:00', endTime: '17:30', startDate: '2020-01-01' });
    await allocation(t.http, w.id, { segmentId: 1, time: '17:10', maxSeconds: 60 });
  });
  afterAll(() => t.close());

  /** Through the service's write queue, never inside a transaction of its own. */
  const sql = (text: string, params?: unknown[]) =>
    t.app.get(Database).transaction((m) => m.query(text, params));

  /** A placement an hour ago that the operator or the reconciler marked missed. */
  async function missed(zoneId: number, reportageId: number, status = 'missed'): Promise<number> {
    const at = Date.now() - 3_600_000;
    await sql(
      'INSERT INTO placements (zone_id, reportage_id, starts_at, ends_at, duration_seconds, status) VALUES (?, ?, ?, ?, 2, ?)',
      [zoneId, reportageId, sqlTime(at), sqlTime(at + 2000), status],
    );
    return (await sql('SELECT MAX(id) AS id FROM placements'))[0].id as number;
  }

  /** A missed placement with the as-run entry that says so, as the operator screen lists them. */
  async function missedOnRecord(zoneId: number, reportageId: number) {
    const id = await missed(zoneId, reportageId);
    await sql(
      "INSERT INTO as_run_entries (placement_id, zone_id, scheduled_at, result, driver) VALUES (?, ?, ?, 'missed', 'manual')",
      [id, zoneId, sqlTime(Date.now() - 3_600_000)],
    );
    const [{ id: entryId }] = await sql('SELECT MAX(id) AS id FROM as_run_entries');
    return { id, entryId: entryId as number };
  }

  it('places the same reportage in the next free slot of its segment, as a first airing, on the record', async () => {
    const r = await approvedReportage(t.http, { title: 'Tiếp sức đến trường' });
    const id = await missed(s.id, r.id);
    const res = await operator.http.post(`/api/placements/${id}/reschedule`).expect(201);
    expect(res.body).toMatchObject({
      reportageId: r.id,
      zone: { id: s.id },
      status: 'planned',
      isReair: false,
      firstAiringId: null,
    });
    expect(res.body.allocationId).toEqual(expect.any(Number));
    const start = new Date(res.body.startsAt).getTime();
    expect(start).toBeGreaterThan(Date.now());
    expect(start).toBeLessThanOrEqual(Date.now() + DAY_MS);
    expect(localTime(res.body.startsAt)).toBe('17:10');

    const old = (await t.http.get(`/api/placements/${id}`).expect(200)).body;
    expect(old.status).toBe('rescheduled');
    const audit = (await t.http.get(`/api/audit?entity=placement&entityId=${id}`).expect(200)).body.items;
    expect(audit[0]).toMatchObject({
      action: 'reschedule',
      changes: { status: { from: 'missed', to: 'rescheduled' }, rescheduledAs: { to: res.body.id } },
    });
    const created = (await t.http.get(`/api/audit?entity=placement&entityId=${res.body.id}`).expect(200)).body
      .items;
    expect(created[0]).toMatchObject({ action: 'create', changes: { rescheduledFrom: { to: id } } });
  });

  it('skips a slot already taken and takes the one a day later', async () => {
    const first = await approvedReportage(t.http, { title: 'Trồng hoa làm đẹp các tuyến đường' });
    const second = await approvedReportage(t.http, { title: 'Nhà tình thương' });
    const a = await operator.http
      .post(`/api/placements/${await missed(s.id, first.id)}/reschedule`)
      .expect(201);
    const b = await operator.http
      .post(`/api/placements/${await missed(s.id, second.id)}/reschedule`)
      .expect(201);
    expect(new Date(b.body.startsAt).getTime() - new Date(a.body.startsAt).getTime()).toBe(DAY_MS);
  });

  it('refuses twice, and refuses what was not missed, with 409 NOT_MISSED', async () => {
    const r = await approvedReportage(t.http);
    const id = await missed(s.id, r.id);
    await operator.http.post(`/api/placements/${id}/reschedule`).expect(201);
    const again = await operator.http.post(`/api/placements/${id}/reschedule`).expect(409);
    expectErrorShape(again.body, 409, 'NOT_MISSED');
    expect(again.body.message).toContain('bỏ lỡ');
    const aired = await missed(s.id, r.id, 'aired');
    const res = await operator.http.post(`/api/placements/${aired}/reschedule`).expect(409);
    expectErrorShape(res.body, 409, 'NOT_MISSED');
    expect(res.body.message).toContain('"đã phát"');
  });

  it('also reschedules a failed airing', async () => {
    const r = await approvedReportage(t.http);
    const res = await operator.http
      .post(`/api/placements/${await missed(s.id, r.id, 'failed')}/reschedule`)
      .expect(201);
    expect(res.body.status).toBe('planned');
  });

  it('answers 422 NO_FREE_SLOT in Vietnamese when the zone has no slot ahead, and changes nothing', async () => {
    const r = await approvedReportage(t.http);
    const id = await missed(bare.id, r.id);
    const res = await operator.http.post(`/api/placements/${id}/reschedule`).expect(422);
    expectErrorShape(res.body, 422, 'NO_FREE_SLOT');
    expect(res.body.message).toContain('Không còn ô chuyên mục trống');
    expect((await t.http.get(`/api/placements/${id}`).expect(200)).body.status).toBe('missed');
  });

  it('answers 409 when the reportage may no longer air, and changes nothing', async () => {
    const r = await approvedReportage(t.http);
    const id = await missed(s.id, r.id);
    const { version } = (await t.http.get(`/api/reportages/${r.id}`).expect(200)).body;
    await t.http.post(`/api/reportages/${r.id}/archive`).send({ version }).expect(200);
    const res = await operator.http.post(`/api/placements/${id}/reschedule`).expect(409);
    expectErrorShape(res.body, 409, 'REPORTAGE_NOT_APPROVED');
    expect((await t.http.get(`/api/placements/${id}`).expect(200)).body.status).toBe('missed');
  });

  it('shows on the as-run log that a missed entry was rescheduled', async () => {
    const r = await approvedReportage(t.http);
    const { id } = await missedOnRecord(s.id, r.id);
    const before = (await t.http.get('/api/as-run?result=missed').expect(200)).body.items;
    expect(before.find((e: Body) => e.placementId === id).placementStatus).toBe('missed');
    await operator.http.post(`/api/placements/${id}/reschedule`).expect(201);
    const after = (await t.http.get('/api/as-run?result=missed').expect(200)).body.items;
    expect(after.find((e: Body) => e.placementId === id).placementStatus).toBe('rescheduled');
  });

  it('keeps a rescheduled placement rescheduled when its as-run entry is corrected afterwards', async () => {
    const r = await approvedReportage(t.http);
    const { id, entryId } = await missedOnRecord(s.id, r.id);
    await operator.http.post(`/api/placements/${id}/reschedule`).expect(201);
    const { version } = (await t.http.get(`/api/as-run/${entryId}`).expect(200)).body;
    await operator.http
      .patch(`/api/as-run/${entryId}`)
      .send({ result: 'aired', note: 'Thật ra đã phát', version })
      .expect(200);
    expect((await t.http.get(`/api/placements/${id}`).expect(200)).body.status).toBe('rescheduled');
    const again = await operator.http.post(`/api/placements/${id}/reschedule`).expect(409);
    expectErrorShape(again.body, 409, 'NOT_MISSED');
    expect(again.body.message).toContain('"đã xếp lại"');
  });
});
