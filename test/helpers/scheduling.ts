import type TestAgent from 'supertest/lib/agent.js';
import { giveReadyAudio } from './test-app.js';

type Body = Record<string, any>;

/** Next year: dates in it are always in the future, whatever day the suite runs. */
export const YEAR = new Date().getUTCFullYear() + 1;
export const day = (monthDay: string, year = YEAR) => `${year}-${monthDay}`;
/** An instant written in Vietnam's local time. */
export const vn = (date: string, time: string) => `${date}T${time}:00+07:00`;

let places = 0;

/** A commune (under a province of its own) to hang a station on. */
export async function commune(http: TestAgent, name = 'Long Tân'): Promise<number> {
  const province = await http
    .post('/api/places')
    .send({ name: `Tỉnh thử ${++places} ${Math.random()}`, level: 'province' })
    .expect(201);
  const place = await http
    .post('/api/places')
    .send({ name: `${name} ${places}`, level: 'commune', parentId: province.body.id })
    .expect(201);
  return place.body.id as number;
}

export async function station(http: TestAgent, name = 'Đài truyền thanh xã Long Tân'): Promise<Body> {
  const placeId = await commune(http);
  return (await http.post('/api/zones').send({ name, kind: 'station', placeId }).expect(201)).body;
}

export async function cluster(http: TestAgent, parentId: number, name: string): Promise<Body> {
  return (await http.post('/api/zones').send({ name, kind: 'cluster', parentId }).expect(201)).body;
}

export async function window(http: TestAgent, zoneId: number, body: object): Promise<Body> {
  return (await http.post(`/api/zones/${zoneId}/windows`).send(body).expect(201)).body;
}

export async function allocation(http: TestAgent, windowId: number, body: object): Promise<Body> {
  return (await http.post(`/api/windows/${windowId}/allocations`).send(body).expect(201)).body;
}

/** An approved reportage with ready broadcast audio (about 2 s long). */
export async function approvedReportage(http: TestAgent, extra: Body = {}): Promise<Body> {
  const exemplar = await http
    .post('/api/exemplars')
    .send({ name: `Điển hình ${Math.random()}`, kind: 'individual', level: 'commune' })
    .expect(201);
  const created = await http
    .post('/api/reportages')
    .send({
      segmentId: 1,
      title: 'Phóng sự lập lịch',
      summary: 'Tóm tắt',
      exemplarIds: [exemplar.body.id],
      ...extra,
    })
    .expect(201);
  const id = created.body.id as number;
  await giveReadyAudio(http, id);
  let version = (await http.get(`/api/reportages/${id}`).expect(200)).body.version;
  version = (await http.post(`/api/reportages/${id}/submit`).send({ version }).expect(200)).body.version;
  return (await http.post(`/api/reportages/${id}/approve`).send({ version }).expect(200)).body;
}
