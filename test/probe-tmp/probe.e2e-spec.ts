import { createTestApp, type TestApp } from '../helpers/test-app.js';
describe('probe', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(async () => { await t.close(); });
  it('probes', async () => {
    const r = (await t.http.post('/api/reportages').send({ segmentId: 1, title: 'A', validFrom: '2021-01-01', validUntil: '2021-02-01' })).body;
    const log = async (label: string, p: any) => { const res = await p; console.log(label, res.status, JSON.stringify(res.body).slice(0, 300)); return res; };
    let v = 1;
    for (const body of [{ tags: null }, { placeIds: null }, { reporter: null }, { validFrom: '2021-03-01' }, { summary: null }, { exemplarIds: [], placeIds: [] }, {}]) {
      const res = await log(JSON.stringify(body), t.http.patch(`/api/reportages/${r.id}`).send({ version: v, ...body }));
      if (res.status === 200) v = res.body.version;
    }
    await log('create tags null', t.http.post('/api/reportages').send({ segmentId: 1, title: 'B', tags: null, exemplarIds: null }));
    await log('create reject whitespace reason', t.http.post(`/api/reportages/${r.id}/reject`).send({ version: v, reason: '  ' }));
  });
});
