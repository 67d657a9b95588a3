import type TestAgent from 'supertest/lib/agent.js';
import {
  createTestApp,
  expectErrorShape,
  giveReadyAudio,
  waitForAsset,
  type SignedInAgent,
  type TestApp,
} from '../helpers/test-app.js';
import { makeAudio, SPEECH } from '../helpers/audio.js';

type Body = Record<string, any>;

describe('content approval (four-eyes on, as deployed by default)', () => {
  let t: TestApp;
  let editor: SignedInAgent;
  let approver: SignedInAgent;
  let editorApprover: SignedInAgent;
  let editorApprover2: SignedInAgent;
  let exemplars: number[];

  beforeAll(async () => {
    t = await createTestApp({ APPROVAL_FOUR_EYES: 'true' });
    editor = await t.as(['editor'], 'bientap');
    approver = await t.as(['approver'], 'lanhdao');
    editorApprover = await t.as(['editor', 'approver'], 'kiemnhiem');
    editorApprover2 = await t.as(['editor', 'approver'], 'kiemnhiem2');
    exemplars = [];
    for (const name of ['Chi hội Phụ nữ ấp Phước Thạnh', 'Đặng Văn Đông'])
      exemplars.push(
        (
          await editor.http
            .post('/api/exemplars')
            .send({ name, kind: 'collective', level: 'commune' })
            .expect(201)
        ).body.id,
      );
  });
  afterAll(() => t.close());

  const get = async (http: TestAgent, id: number) =>
    (await http.get(`/api/reportages/${id}`).expect(200)).body as Body;
  const act = async (http: TestAgent, id: number, action: string, body: object = {}, status = 200) => {
    const { version } = await get(http, id);
    return (
      await http
        .post(`/api/reportages/${id}/${action}`)
        .send({ version, ...body })
        .expect(status)
    ).body as Body;
  };
  const history = async (id: number) =>
    (await t.http.get(`/api/reportages/${id}/history`).expect(200)).body as Body[];
  const audit = async (id: number) =>
    (await t.http.get(`/api/audit?entity=reportage&entityId=${id}&pageSize=100`).expect(200)).body
      .items as Body[];

  /** A reportage written by `by`, with ready audio, submitted for approval. */
  const submitted = async (by: SignedInAgent = editor, title = 'Những luống hoa ven đường') => {
    const { id } = (
      await by.http
        .post('/api/reportages')
        .send({ segmentId: 1, title, summary: 'Phụ nữ ấp trồng hoa', exemplarIds: [exemplars[0]] })
        .expect(201)
    ).body;
    await giveReadyAudio(by.http, id);
    await act(by.http, id, 'submit');
    return id as number;
  };

  it('approves a submitted reportage with ready audio and records who, when and why', async () => {
    const id = await submitted();
    const approved = await act(approver.http, id, 'approve', { reason: 'Đạt yêu cầu' });
    expect(approved.status).toBe('approved');
    const last = (await history(id)).at(-1);
    expect(last).toMatchObject({
      action: 'approve',
      fromStatus: 'submitted',
      toStatus: 'approved',
      reason: 'Đạt yêu cầu',
      actor: approver.user.username,
    });
    expect(Date.now() - Date.parse(last!.createdAt)).toBeLessThan(60_000);
    const [entry] = await audit(id);
    expect(entry).toMatchObject({
      action: 'approve',
      username: approver.user.username,
      userId: approver.user.id,
      changes: { status: { from: 'submitted', to: 'approved' }, reason: { to: 'Đạt yêu cầu' } },
      requestId: expect.any(String),
    });
  });

  it('records a rejection with its reason, and refuses one without', async () => {
    const id = await submitted();
    const res = await act(approver.http, id, 'reject', {}, 422);
    expectErrorShape(res, 422, 'REASON_REQUIRED');
    await act(approver.http, id, 'reject', { reason: 'Thiếu tên người được phỏng vấn' });
    expect((await history(id)).at(-1)).toMatchObject({
      action: 'reject',
      reason: 'Thiếu tên người được phỏng vấn',
      actor: approver.user.username,
    });
  });

  it('refuses approval while the reportage has no audio', async () => {
    const { id } = (
      await editor.http
        .post('/api/reportages')
        .send({ segmentId: 1, title: 'Chưa có tiếng', summary: 'Tóm tắt', exemplarIds: [exemplars[0]] })
        .expect(201)
    ).body;
    await act(editor.http, id, 'submit');
    const res = await act(approver.http, id, 'approve', {}, 409);
    expectErrorShape(res, 409, 'AUDIO_NOT_READY');
    expect(res.message).toMatch(/chưa có âm thanh/);
    expect((await get(t.http, id)).status).toBe('submitted');
  });

  it('does not let an editor approve: 403 naming the approver role', async () => {
    const id = await submitted();
    const res = await act(editor.http, id, 'approve', {}, 403);
    expectErrorShape(res, 403, 'MISSING_ROLE');
    expect(res.message).toMatch(/cần vai trò Lãnh đạo duyệt\./);
    expect(res.requiredRoles).toEqual(['approver']);
  });

  describe('four-eyes', () => {
    it('refuses approval by the person who edited the reportage last', async () => {
      const id = await submitted(editorApprover);
      expectErrorShape(await act(editorApprover.http, id, 'approve', {}, 403), 403, 'FOUR_EYES');
      await act(approver.http, id, 'approve');
    });

    it('refuses the author even when somebody else edited it last, and that editor too', async () => {
      const id = await submitted(editorApprover);
      const { version } = await get(editor.http, id);
      await editorApprover2.http
        .patch(`/api/reportages/${id}`)
        .send({ version, tags: ['hoa'] })
        .expect(200);
      const author = await act(editorApprover.http, id, 'approve', {}, 403);
      expectErrorShape(author, 403, 'FOUR_EYES');
      expect(author.message).toMatch(/tạo phóng sự/);
      const tagger = await act(editorApprover2.http, id, 'approve', {}, 403);
      expectErrorShape(tagger, 403, 'FOUR_EYES');
      expect(tagger.message).toMatch(/sửa thẻ/);
      expect((await act(approver.http, id, 'approve')).status).toBe('approved');
    });

    it.each([
      ['adds a tag', { tags: ['môi trường'] }, /sửa thẻ/],
      ['rewrites the summary', { summary: 'Tóm tắt viết lại' }, /sửa tóm tắt/],
      ['links another exemplar', 'exemplars', /sửa điển hình/],
      ['gives it new audio', 'audio', /âm thanh mới/],
    ])('refuses an approver who %s before it is submitted again', async (_, change, why) => {
      const id = await submitted(editor);
      await act(editor.http, id, 'withdraw');
      if (change === 'audio') {
        const file = await makeAudio(t.dir, `moi-${id}.wav`, SPEECH(3), []);
        const accepted = await editorApprover.http
          .post(`/api/reportages/${id}/audio`)
          .attach('file', file)
          .expect(202);
        await waitForAsset(editor.http, accepted.body.id, ['ready']);
      } else {
        const { version } = await get(editor.http, id);
        const body = change === 'exemplars' ? { exemplarIds: exemplars } : change;
        await editorApprover.http
          .patch(`/api/reportages/${id}`)
          .send({ version, ...(body as object) })
          .expect(200);
      }
      await act(editor.http, id, 'submit');
      const res = await act(editorApprover.http, id, 'approve', {}, 403);
      expectErrorShape(res, 403, 'FOUR_EYES');
      expect(res.message).toMatch(why);
      await act(approver.http, id, 'approve');
    });

    it('counts only the changes since the last approval', async () => {
      const id = await submitted(editorApprover);
      await act(approver.http, id, 'approve');
      // The author, who may not approve the first version, may approve a version only others changed.
      const { version } = await get(editor.http, id);
      await editorApprover2.http
        .patch(`/api/reportages/${id}`)
        .send({ version, title: 'Tiêu đề sau khi duyệt' })
        .expect(200);
      expectErrorShape(await act(editorApprover2.http, id, 'approve', {}, 403), 403, 'FOUR_EYES');
      expect((await act(editorApprover.http, id, 'approve')).status).toBe('approved');
    });

    it('counts the person who imported a record as its editor until someone else approves it', async () => {
      const csv = `title,segment,summary,exemplars\r\n"Hoa giấy ở ấp Phước Thạnh",#1,Phụ nữ ấp trồng hoa giấy,#${exemplars[0]}\r\n`;
      const imported = await editorApprover.http
        .post('/api/reportages/import?dryRun=false')
        .attach('file', Buffer.from(csv), 'kho.csv')
        .expect(200);
      const [id] = imported.body.ids as number[];
      // Someone else gives it audio and sends it for approval: the importer still wrote its content.
      await giveReadyAudio(editor.http, id);
      await act(editor.http, id, 'submit');
      expectErrorShape(await act(editorApprover.http, id, 'approve', {}, 403), 403, 'FOUR_EYES');
      expect((await act(editorApprover2.http, id, 'approve')).status).toBe('approved');
    });

    it('can be turned off by the deployment', async () => {
      const relaxed = await createTestApp({ APPROVAL_FOUR_EYES: 'false' });
      try {
        const both = await relaxed.as(['editor', 'approver']);
        const { id } = (
          await both.http
            .post('/api/reportages')
            .send({ segmentId: 1, title: 'Một người', summary: 'Tóm tắt', exemplarIds: [] })
            .expect(201)
        ).body;
        const exemplar = (
          await both.http
            .post('/api/exemplars')
            .send({ name: 'Điển hình', kind: 'individual', level: 'commune' })
            .expect(201)
        ).body.id;
        const { version } = (await both.http.get(`/api/reportages/${id}`).expect(200)).body;
        await both.http
          .patch(`/api/reportages/${id}`)
          .send({ version, exemplarIds: [exemplar] })
          .expect(200);
        await giveReadyAudio(both.http, id);
        await act(both.http, id, 'submit');
        expect((await act(both.http, id, 'approve')).status).toBe('approved');
      } finally {
        await relaxed.close();
      }
    });
  });

  describe('changes after approval', () => {
    it.each([
      ['its title', { title: 'Tiêu đề mới' }, /tiêu đề/],
      ['its summary', { summary: 'Tóm tắt mới' }, /tóm tắt/],
      ['its exemplars', 'exemplars', /điển hình/],
    ])('sends it back for approval when %s changes', async (_, change, reason) => {
      const id = await submitted();
      await act(approver.http, id, 'approve');
      const { version } = await get(editor.http, id);
      const body = change === 'exemplars' ? { exemplarIds: exemplars } : change;
      const res = await editor.http
        .patch(`/api/reportages/${id}`)
        .send({ version, ...(body as object) })
        .expect(200);
      expect(res.body.status).toBe('submitted');
      expect((await history(id)).at(-1)).toMatchObject({
        action: 'reopen',
        fromStatus: 'approved',
        toStatus: 'submitted',
        reason: expect.stringMatching(reason),
        actor: editor.user.username,
      });
      expect((await audit(id))[0]).toMatchObject({
        action: 'update',
        username: editor.user.username,
        changes: { status: { from: 'approved', to: 'submitted' } },
      });
    });

    it('keeps it approved when only other details change (tags, reporter)', async () => {
      const id = await submitted();
      await act(approver.http, id, 'approve');
      const { version } = await get(editor.http, id);
      const res = await editor.http
        .patch(`/api/reportages/${id}`)
        .send({ version, tags: ['môi trường'], reporter: 'Nguyễn Thị Lan' })
        .expect(200);
      expect(res.body.status).toBe('approved');
    });

    it('sends it back for approval when new audio is uploaded', async () => {
      const id = await submitted();
      await act(approver.http, id, 'approve');
      const file = await makeAudio(t.dir, 'ban-moi.wav', SPEECH(3), []);
      const accepted = await editor.http.post(`/api/reportages/${id}/audio`).attach('file', file).expect(202);
      const reportage = await get(editor.http, id);
      expect(reportage.status).toBe('submitted');
      expect((await history(id)).at(-1)).toMatchObject({
        action: 'reopen',
        reason: expect.stringMatching(/âm thanh mới/),
        actor: editor.user.username,
      });
      await waitForAsset(editor.http, accepted.body.id, ['ready']);
      // The uploader is the last editor now: four-eyes applies to the new audio too.
      await act(approver.http, id, 'approve');
    });
  });
});

describe('approval waits for processed audio', () => {
  it('refuses approval while the audio is still queued', async () => {
    // An API-only process: no worker, so the upload stays queued.
    const t = await createTestApp({ PROCESS_ROLE: 'api' });
    try {
      const exemplar = (
        await t.http
          .post('/api/exemplars')
          .send({ name: 'Tổ tự quản', kind: 'collective', level: 'commune' })
          .expect(201)
      ).body.id;
      const { id } = (
        await t.http
          .post('/api/reportages')
          .send({ segmentId: 1, title: 'Đang xử lý', summary: 'Tóm tắt', exemplarIds: [exemplar] })
          .expect(201)
      ).body;
      const file = await makeAudio(t.dir, 'cho.wav', SPEECH(2), []);
      await t.http.post(`/api/reportages/${id}/audio`).attach('file', file).expect(202);
      let { version } = (await t.http.get(`/api/reportages/${id}`).expect(200)).body;
      version = (await t.http.post(`/api/reportages/${id}/submit`).send({ version }).expect(200)).body
        .version;
      const res = await t.http.post(`/api/reportages/${id}/approve`).send({ version }).expect(409);
      expectErrorShape(res.body, 409, 'AUDIO_NOT_READY');
      expect(res.body.message).toContain('(đang chờ xử lý)'); // the status in words, not `queued`
    } finally {
      await t.close();
    }
  });
});
