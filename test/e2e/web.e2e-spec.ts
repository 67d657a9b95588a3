import type { Browser, Page } from 'playwright-core';
import { makeAudio, SPEECH } from '../helpers/audio.js';
import {
  changeTemporaryPassword,
  DESKTOP,
  launchBrowser,
  personBrowser as newPersonBrowser,
  PHONE,
  shot,
  signIn,
  signOut,
  startWebService,
  type WebService,
} from '../helpers/browser.js';
import { until } from '../helpers/processes.js';
import { TEST_ADMIN } from '../helpers/test-app.js';

/**
 * The web interface in a real browser (Debian's chromium driven by playwright-core) against the
 * built service (`npm run build` makes dist/src and dist/web; `npm test` builds first): the path of
 * one reportage from an empty installation to "đã duyệt", every step through the pages.
 * Screenshots of each screen go to test-output/screens/.
 */
const TITLE = 'Hoa giữa đời thường: những con đường hoa ở Phước Hải';
const EDITOR = {
  username: 'bientap1',
  name: 'Nguyễn Thị Lan',
  temporary: 'mat-khau-tam-bien-tap',
  password: 'mat-khau-moi-cua-lan',
};
const APPROVER = {
  username: 'duyet1',
  name: 'Trần Văn Duyệt',
  temporary: 'mat-khau-tam-duyet',
  password: 'mat-khau-moi-cua-duyet',
};
const SCHEDULER = {
  username: 'laplich1',
  name: 'Lê Thị Lịch',
  temporary: 'mat-khau-tam-lap-lich',
  password: 'mat-khau-moi-cua-lich',
};
const OPERATOR = {
  username: 'vanhanh1',
  name: 'Phạm Văn Hành',
  temporary: 'mat-khau-tam-van-hanh',
  password: 'mat-khau-moi-cua-hanh',
};
const STATION = 'Đài truyền thanh xã Phước Hải';

/** HH:mm and YYYY-MM-DD of an instant in Vietnam. */
const vnParts = (ms: number) => {
  const local = new Date(ms + 7 * 3_600_000).toISOString();
  return { time: local.slice(11, 16), date: local.slice(0, 10) };
};

/** The player's properties the test reads (the server's tsconfig has no DOM types). */
interface AudioLike {
  readyState: number;
  currentTime: number;
  duration: number;
}

/** Run in the page: notes every state of the upload and processing progress bars in `seenProgress`. */
const RECORD_PROGRESS_BARS = `(() => {
  const seen = (window.seenProgress = []);
  new MutationObserver(() => {
    for (const bar of document.querySelectorAll('.upload-progress, .processing-progress'))
      seen.push((bar.className.includes('upload') ? 'upload ' : 'processing ') + bar.textContent);
  }).observe(document.body, { subtree: true, childList: true, characterData: true });
})()`;

describe('web interface', () => {
  let web: WebService;
  let work: string;
  let base: string;
  let browser: Browser;
  /** The first admin's access token, for setting up through the API. */
  let adminToken: string;
  /** The page in use, photographed when a step fails. */
  let current: Page | undefined;
  /** The manual station the reportage airs on. */
  let zoneId: number;
  const api: WebService['api'] = (path, init) => web.api(path, init);

  beforeAll(async () => {
    web = await startWebService({}, { clock: true });
    ({ work, base, adminToken } = web);

    // What the catalog already holds before anyone signs in: a place, an exemplar with a
    // commendation, and an unrelated reportage that the search must leave out.
    const token = adminToken;
    const province = await api('/api/places', {
      method: 'POST',
      token,
      body: { name: 'Bà Rịa – Vũng Tàu', level: 'province' },
    });
    const commune = await api('/api/places', {
      method: 'POST',
      token,
      body: { name: 'Phước Hải', level: 'commune', parentId: province.id },
    });
    await api('/api/exemplars', {
      method: 'POST',
      token,
      body: {
        name: 'Chi hội Phụ nữ ấp Phước Thạnh',
        kind: 'collective',
        modelName: 'Trồng hoa làm đẹp các tuyến đường',
        placeId: commune.id,
        level: 'commune',
        yearRegistered: 2019,
        commendations: [
          { year: 2022, level: 'district', issuingBody: 'UBND huyện Đất Đỏ', form: 'certificate_of_merit' },
        ],
      },
    });
    // The commune's station, played by hand (driver `manual`): the operator confirms each airing.
    const zone = await api('/api/zones', {
      method: 'POST',
      token,
      body: { name: STATION, kind: 'station', placeId: commune.id },
    });
    zoneId = zone.id;
    await api(`/api/zones/${zoneId}/playout`, { method: 'PUT', token, body: { driver: 'manual' } });
    const segments = await api('/api/segments', { token });
    await api('/api/reportages', {
      method: 'POST',
      token,
      body: { title: 'Nhà tình thương cho hộ nghèo Long Mỹ', segmentId: segments.items[0].id },
    });

    browser = await launchBrowser();
  }, 90_000);

  afterEach(async () => {
    // Every context is closed when the walk succeeds: a page still open is where it stopped.
    if (current && !current.isClosed()) await shot(current, 'failure').catch(() => undefined);
  });

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  async function personBrowser() {
    const person = await newPersonBrowser(browser, base);
    current = person.page;
    return person;
  }

  async function createAccount(page: Page, who: typeof EDITOR, role: string) {
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Tên đăng nhập').fill(who.username);
    await dialog.getByLabel('Họ và tên').fill(who.name);
    await dialog.getByLabel(role).check();
    await dialog.getByLabel('Mật khẩu tạm').fill(who.temporary);
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await page.getByRole('cell', { name: who.username, exact: true }).waitFor();
  }

  it('takes a reportage from an empty installation to the report, as editor, approver, scheduler and operator, through the pages only', async () => {
    // The admin signs in and creates the four accounts.
    const admin = await personBrowser();
    await admin.page.goto('/');
    await admin.page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
    expect(new URL(admin.page.url()).pathname).toBe('/sign-in');
    await shot(admin.page, '01-sign-in');
    await signIn(admin.page, TEST_ADMIN.username, TEST_ADMIN.password);
    await admin.page.getByRole('link', { name: 'Tài khoản' }).click();
    await admin.page.getByRole('heading', { name: 'Tài khoản' }).waitFor();
    await createAccount(admin.page, EDITOR, 'Biên tập viên');
    await createAccount(admin.page, APPROVER, 'Lãnh đạo duyệt');
    await createAccount(admin.page, SCHEDULER, 'Người lập lịch');
    await createAccount(admin.page, OPERATOR, 'Người vận hành');
    await shot(admin.page, '02-accounts');
    await signOut(admin.page, 'quantri');
    await admin.context.close();

    // The editor's first sign-in asks for a new password; the menu holds only what an editor may do.
    const editor = await personBrowser();
    await signIn(editor.page, EDITOR.username, EDITOR.temporary);
    await shot(editor.page, '03-forced-password-change');
    await changeTemporaryPassword(editor.page, EDITOR.temporary, EDITOR.password);
    const menu = editor.page.getByRole('navigation', { name: 'menu' });
    expect(await menu.getByRole('link').allTextContents()).toEqual([
      'Kho phóng sự',
      'Phóng sự mới',
      'Điển hình',
      'Báo cáo',
    ]);

    // A new reportage, with its exemplar and place picked from the catalog.
    await menu.getByRole('link', { name: 'Phóng sự mới' }).click();
    const page = editor.page;
    await page.getByLabel('Tiêu đề').fill(TITLE);
    await page.getByLabel('Tóm tắt').fill('Chị em phụ nữ ấp Phước Thạnh trồng hoa dọc các tuyến đường quê.');
    await page.getByLabel('Điển hình').fill('phuoc thanh');
    await page.locator('.ant-select-item-option', { hasText: 'Chi hội Phụ nữ ấp Phước Thạnh' }).click();
    await page.getByLabel('Địa bàn').click();
    await page.getByLabel('Địa bàn').fill('Phước Hải');
    await page.locator('.ant-select-tree-title', { hasText: 'Phước Hải' }).click();
    await page.keyboard.press('Escape');
    await page.getByLabel('Phóng viên').fill(EDITOR.name);
    await page.getByLabel('Ngày ghi âm').fill('02/11/2026');
    // Enter takes the typed date without sending the form (web-words checks that); the button sends it.
    await page.getByLabel('Ngày ghi âm').press('Enter');
    await page.getByRole('button', { name: 'Tạo phóng sự' }).click();
    await page.waitForURL(/\/reportages\/\d+$/);
    await page.getByRole('heading', { name: TITLE }).waitFor();
    expect(await page.getByLabel('Ngày ghi âm').inputValue()).toBe('02/11/2026');

    // The upload, slowed down so that its progress bar shows; then the processing progress and
    // the "ready" state arrive on the event stream (the page never polls).
    const wav = await makeAudio(work, 'phong-su.wav', SPEECH(3), []);
    await page.evaluate(RECORD_PROGRESS_BARS);
    const cdp = await editor.context.newCDPSession(page);
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: 96 * 1024,
    });
    await page.locator('input[type=file]').setInputFiles(wav);
    await page.locator('.upload-progress').waitFor();
    await shot(page, '04-reportage-uploading');
    await page.locator('.audio-panel [data-asset-status=ready]').waitFor({ timeout: 90_000 });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    const seen = (await page.evaluate('window.seenProgress')) as string[];
    expect(seen.some((s) => s.startsWith('upload'))).toBe(true);
    expect(seen.some((s) => s.startsWith('processing'))).toBe(true);
    await page.locator('.player audio').waitFor();

    await page.getByRole('button', { name: 'Gửi duyệt' }).click();
    await page.locator('[data-status=submitted]').first().waitFor();
    await shot(page, '05-reportage-submitted');
    const reportageUrl = new URL(page.url()).pathname;
    await signOut(page, EDITOR.name);
    await editor.context.close();

    // The approver listens (player and waveform present, a click on the waveform seeks) and approves.
    const approver = await personBrowser();
    await signIn(approver.page, APPROVER.username, APPROVER.temporary);
    await changeTemporaryPassword(approver.page, APPROVER.temporary, APPROVER.password);
    const review = approver.page;
    await review.goto(reportageUrl);
    await review.getByRole('heading', { name: TITLE }).waitFor();
    const audio = review.locator('.player audio');
    expect(await audio.getAttribute('src')).toMatch(/^\/api\/audio-assets\/\d+\/broadcast\.mp3$/);
    const waveform = review.getByRole('slider', { name: 'Dạng sóng (bấm để tua)' });
    await review.locator('canvas.waveform[data-drawn]').waitFor();
    expect(Number(await waveform.getAttribute('data-drawn'))).toBeGreaterThanOrEqual(25); // 10 peaks a second
    await until(
      async () => (await audio.evaluate((a) => (a as unknown as AudioLike).readyState)) >= 1,
      15_000,
      'the player to read the MP3',
    );
    const box = (await waveform.boundingBox())!;
    await review.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const position = await audio.evaluate(
      (a) => (a as unknown as AudioLike).currentTime / (a as unknown as AudioLike).duration,
    );
    expect(position).toBeGreaterThan(0.4);
    expect(position).toBeLessThan(0.6);
    await review.getByText('Bản phát sóng', { exact: true }).first().waitFor(); // loudness after processing
    await review.getByRole('tab', { name: 'Nhật ký thay đổi' }).waitFor(); // audit trail: approvers only

    await review.getByRole('button', { name: 'Duyệt', exact: true }).click();
    await review.locator('[data-status=approved]').first().waitFor();
    await shot(review, '06-reportage-approved');

    // The catalog shows it approved, and finds it when typed without diacritics.
    await review
      .getByRole('navigation', { name: 'menu' })
      .getByRole('link', { name: 'Kho phóng sự' })
      .click();
    await review.getByRole('heading', { name: 'Kho phóng sự' }).waitFor();
    await review.getByRole('cell', { name: /Nhà tình thương cho hộ nghèo Long Mỹ/ }).waitFor();
    await review.getByPlaceholder('Tìm theo tiêu đề').fill('hoa giua doi thuong');
    await review.getByRole('cell', { name: /Nhà tình thương/ }).waitFor({ state: 'detached' });
    const row = review.getByRole('row', { name: new RegExp(TITLE) });
    await row.waitFor();
    expect(await row.locator('[data-status]').textContent()).toBe('đã duyệt');
    expect(await review.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(1);
    await shot(review, '07-catalog');
    await review.setViewportSize(PHONE);
    await review.getByRole('row', { name: new RegExp(TITLE) }).waitFor();
    await shot(review, '08-catalog-phone');
    await review.setViewportSize(DESKTOP);

    await review.getByRole('navigation', { name: 'menu' }).getByRole('link', { name: 'Điển hình' }).click();
    await review.getByRole('cell', { name: 'Chi hội Phụ nữ ấp Phước Thạnh' }).waitFor();
    await review
      .getByRole('button', { name: /Mở rộng|Expand/ })
      .first()
      .click();
    await review.getByText('UBND huyện Đất Đỏ', { exact: false }).waitFor();
    await review.getByRole('link', { name: TITLE }).waitFor();
    await shot(review, '09-exemplars');

    // English on request, kept across a reload (which signs in again from the session cookie).
    await review.getByText('EN', { exact: true }).click();
    await review.getByRole('heading', { name: 'Exemplars' }).waitFor();
    await review.reload();
    await review.getByRole('heading', { name: 'Exemplars' }).waitFor();
    await review.getByText('VI', { exact: true }).click();
    await review.getByRole('heading', { name: 'Điển hình' }).waitFor();
    await approver.context.close();

    // The station's program grid has a session starting a minute or two from now, with a slot of the
    // column at its start (set up through the API: the stations screen has its own browser test).
    const reportageId = Number(reportageUrl.split('/').pop());
    const { segment } = await api(`/api/reportages/${reportageId}`, { token: adminToken });
    const airAt = Math.ceil((Date.now() + 100_000) / 60_000) * 60_000;
    const slotAt = vnParts(airAt);
    const session = await api(`/api/zones/${zoneId}/windows`, {
      method: 'POST',
      token: adminToken,
      body: {
        name: 'Buổi phát thử',
        startTime: slotAt.time,
        endTime: vnParts(airAt + 20 * 60_000).time,
        startDate: '2020-01-01',
      },
    });
    const slot = await api(`/api/windows/${session.id}/allocations`, {
      method: 'POST',
      token: adminToken,
      body: { segmentId: segment.id, time: slotAt.time, maxSeconds: 600 },
    });

    // The scheduler finds the approved reportage without diacritics and drags it into today's slot.
    const scheduler = await personBrowser();
    await signIn(scheduler.page, SCHEDULER.username, SCHEDULER.temporary);
    await changeTemporaryPassword(scheduler.page, SCHEDULER.temporary, SCHEDULER.password);
    const plan = scheduler.page;
    await plan
      .getByRole('navigation', { name: 'menu' })
      .getByRole('link', { name: 'Lịch phát sóng' })
      .click();
    await plan.getByRole('heading', { name: 'Lịch phát sóng' }).waitFor();
    await plan.goto(`/schedule?zone=${zoneId}&date=${slotAt.date}`);
    const slotBox = plan.locator(`.allocation-box[data-slot="${slot.id}:${slotAt.date}"]`);
    await slotBox.waitFor();
    await plan.getByLabel('Tìm phóng sự (gõ không dấu cũng được)').fill('nhung con duong hoa');
    const card = plan.locator(`.reportage-drag[data-reportage="${reportageId}"]`);
    await card.dragTo(slotBox);
    await slotBox.locator('.placement-box', { hasText: TITLE }).waitFor();
    const placed = await api(`/api/placements?zoneId=${zoneId}&status=planned`, { token: adminToken });
    expect(
      placed.items.map((p: { reportageId: number; startsAt: string }) => [p.reportageId, p.startsAt]),
    ).toEqual([[reportageId, new Date(airAt).toISOString()]]);
    await shot(plan, '11-schedule');
    await scheduler.context.close();

    // On air, on the operator's phone: the manual station "plays" it at its time and waits for the
    // operator, who confirms it aired (the page learns of it from the event stream).
    const operator = await newPersonBrowser(browser, base, PHONE);
    current = operator.page;
    const onAir = operator.page;
    await signIn(onAir, OPERATOR.username, OPERATOR.temporary);
    await changeTemporaryPassword(onAir, OPERATOR.temporary, OPERATOR.password);
    await onAir.goto('/on-air'); // at 390 px the menu folds its items under "…"
    await onAir.getByRole('heading', { name: 'Đang phát' }).waitFor();
    const station = onAir.getByRole('region', { name: STATION });
    const entry = station.locator('.ant-list-item', { hasText: TITLE });
    // The service's clock moves to the airtime instead of the test waiting for it.
    await web.advanceClock(Math.max(0, airAt - (await web.advanceClock(0))));
    await entry.getByRole('button', { name: 'Đã phát' }).waitFor({ timeout: 30_000 });
    await shot(onAir, '12-on-air-phone');
    await entry.getByRole('button', { name: 'Đã phát' }).click();
    await onAir.getByText(`Đã ghi nhận: "${TITLE}" đã phát.`).waitFor();
    const asRun = await api(`/api/as-run?zoneId=${zoneId}`, { token: adminToken });
    expect(asRun.items).toEqual([
      expect.objectContaining({ title: TITLE, result: 'aired', placementStatus: 'aired' }),
    ]);

    // The review report counts it: one airing in the commune of Phước Hải.
    await onAir.setViewportSize(DESKTOP);
    await onAir.getByRole('navigation', { name: 'menu' }).getByRole('link', { name: 'Báo cáo' }).click();
    await onAir.getByRole('heading', { name: 'Báo cáo phát sóng' }).waitFor();
    await onAir.locator('.ant-segmented-item', { hasText: 'Xã' }).click();
    const communeRow = onAir.getByRole('row', { name: /^Phước Hải/ });
    await communeRow.waitFor();
    expect((await communeRow.getByRole('cell').allTextContents()).slice(0, 2)).toEqual(['Phước Hải', '1']);
    await shot(onAir, '13-reports');
    await operator.context.close();
  }, 480_000);

  it("shows the API's field errors beside the fields, and offers a reload when someone saved first", async () => {
    const editor = { username: 'bientap2', password: 'mat-khau-bien-tap-hai' };
    await api('/api/users', {
      method: 'POST',
      token: adminToken,
      body: { ...editor, displayName: 'Lê Văn Hai', roles: ['editor'], mustChangePassword: false },
    });
    const segments = await api('/api/segments', { token: adminToken });
    const created = await api('/api/reportages', {
      method: 'POST',
      token: adminToken,
      body: { title: 'Tiếp sức đến trường ở Long Tân', segmentId: segments.items[0].id },
    });
    const { context, page } = await personBrowser();
    await signIn(page, editor.username, editor.password);
    await page.getByRole('heading', { name: 'Kho phóng sự' }).waitFor();

    // A tag longer than the API allows: the API's message appears under "Từ khoá".
    await page.goto(`/reportages/${created.id}`);
    await page.getByRole('heading', { name: created.title }).waitFor();
    await page.getByLabel('Từ khoá').fill('x'.repeat(61));
    await page.getByLabel('Từ khoá').press('Enter');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    const tagsItem = page.locator('.ant-form-item').filter({ has: page.getByLabel('Từ khoá') });
    await tagsItem.locator('.ant-form-item-explain-error').waitFor();
    expect(await tagsItem.locator('.ant-form-item-explain-error').textContent()).toMatch(/60/);

    // Someone else saves in between: 409 STALE_VERSION, shown with a reload that brings their change.
    await page.goto(`/reportages/${created.id}`);
    await page.getByRole('heading', { name: created.title }).waitFor();
    await api(`/api/reportages/${created.id}`, {
      method: 'PATCH',
      token: adminToken,
      body: { summary: 'Tóm tắt do người khác lưu trước.', version: created.version },
    });
    await page.getByLabel('Phóng viên').fill('Lê Văn Hai');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByText('Phóng sự vừa được người khác sửa.').waitFor();
    await shot(page, '10-reportage-stale-version');
    await page.getByRole('button', { name: 'Tải lại' }).click();
    await page.getByText('Phóng sự vừa được người khác sửa.').waitFor({ state: 'detached' });
    expect(await page.getByLabel('Tóm tắt').inputValue()).toBe('Tóm tắt do người khác lưu trước.');
    await context.close();
  }, 120_000);
});
