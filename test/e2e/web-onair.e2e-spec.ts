import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { makeAudio, SPEECH } from '../helpers/audio.js';
import {
  DESKTOP,
  launchBrowser,
  makeUser,
  personBrowser,
  PHONE,
  shot,
  signIn,
  startWebService,
  type WebService,
} from '../helpers/browser.js';
import { until } from '../helpers/processes.js';

type Body = Record<string, any>;

/**
 * The On air and Reports screens in a real browser against the built service: a manual station airs
 * two placements while the operator watches on a phone; one is confirmed aired, the other missed
 * (with a reason) and rescheduled with one click; an urgent bulletin is sent; a reader then finds the
 * confirmed airing in the report's table, chart, CSV and printable page.
 */
const AIRED = 'Tiếp sức đến trường – học bổng cho học sinh nghèo';
const MISSED = 'Phụ nữ thu gom phế liệu tặng học bổng';
const OPERATOR = { username: 'vanhanh1', password: 'mat-khau-van-hanh-1', displayName: 'Lê Văn Hành' };
const APPROVER = { username: 'duyet1', password: 'mat-khau-duyet-so-1', displayName: 'Trần Văn Duyệt' };
const READER = { username: 'bientap2', password: 'mat-khau-bien-tap-2', displayName: 'Phạm Thị Đọc' };

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const localHhmm = (ms: number) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(ms));

describe('web: on air and reports', () => {
  let web: WebService;
  let browser: Browser;
  let current: Page | undefined;
  let field: { id: number; name: string };
  let zoneId: number;
  let wav: string;
  let approverToken: string;
  /** The reportages that air (AIRED) and are missed (MISSED) during the test. */
  let reportageIds: number[];
  const api: WebService['api'] = (path, init) => web.api(path, { token: web.adminToken, ...init });

  /** An approved reportage with a real upload that ffmpeg processed. */
  async function approved(title: string, exemplarId: number, placeId: number): Promise<number> {
    const { id } = await api('/api/reportages', {
      method: 'POST',
      body: {
        title,
        segmentId: 1,
        summary: 'Thử phát',
        fieldId: field.id,
        exemplarIds: [exemplarId],
        placeIds: [placeId],
      },
    });
    const form = new FormData();
    form.append('file', new Blob([readFileSync(wav)], { type: 'audio/wav' }), 'phong-su.wav');
    const upload = await fetch(`${web.base}/api/reportages/${id}/audio`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${web.adminToken}` },
      body: form,
    });
    expect(upload.status).toBe(202);
    const asset = (await upload.json()) as Body;
    await until(
      async () => (await api(`/api/audio-assets/${asset.id}`)).status === 'ready',
      90_000,
      `the audio of "${title}" to be ready`,
    );
    let { version } = await api(`/api/reportages/${id}`);
    ({ version } = await api(`/api/reportages/${id}/submit`, { method: 'POST', body: { version } }));
    // Two people (bốn mắt): the one who wrote it may not approve it.
    await api(`/api/reportages/${id}/approve`, { method: 'POST', body: { version }, token: approverToken });
    return id as number;
  }

  beforeAll(async () => {
    web = await startWebService({}, { clock: true });
    await makeUser(web, { ...APPROVER, roles: ['approver'] });
    ({ accessToken: approverToken } = await api('/api/auth/login', {
      method: 'POST',
      body: { username: APPROVER.username, password: APPROVER.password },
    }));
    wav = await makeAudio(web.work, 'phong-su.wav', SPEECH(6), []);
    field = (await api('/api/fields')).items[5];
    const province = await api('/api/places', {
      method: 'POST',
      body: { name: 'Bà Rịa – Vũng Tàu', level: 'province' },
    });
    const commune = await api('/api/places', {
      method: 'POST',
      body: { name: 'Long Mỹ', level: 'commune', parentId: province.id },
    });
    const zone = await api('/api/zones', {
      method: 'POST',
      body: { name: 'Đài truyền thanh xã Long Mỹ', kind: 'station', placeId: commune.id },
    });
    zoneId = zone.id;
    await api(`/api/zones/${zoneId}/playout`, { method: 'PUT', body: { driver: 'manual' } });
    // A session around now (crossing midnight is fine: an end before the start is the next day),
    // with a slot of the column at its start: today's has passed, so a reschedule takes tomorrow's.
    const start = localHhmm(Date.now() - 10 * 60_000);
    const session = await api(`/api/zones/${zoneId}/windows`, {
      method: 'POST',
      body: {
        name: 'Buổi tối',
        startTime: start,
        endTime: localHhmm(Date.now() + 50 * 60_000),
        startDate: '2020-01-01',
      },
    });
    await api(`/api/windows/${session.id}/allocations`, {
      method: 'POST',
      body: { segmentId: 1, time: start, maxSeconds: 600 },
    });
    const exemplar = await api('/api/exemplars', {
      method: 'POST',
      body: { name: 'Chi hội Phụ nữ xã Long Mỹ', kind: 'collective', level: 'commune', placeId: commune.id },
    });
    reportageIds = [
      await approved(AIRED, exemplar.id, commune.id),
      await approved(MISSED, exemplar.id, commune.id),
    ];
    await makeUser(web, { ...OPERATOR, roles: ['operator'] });
    await makeUser(web, { ...READER, roles: ['editor'] });
    browser = await launchBrowser();
  }, 240_000);

  afterEach(async () => {
    if (current && !current.isClosed()) await shot(current, 'failure-onair').catch(() => undefined);
  });

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it('lets an operator on a phone watch, confirm, reschedule the missed one and send a bulletin', async () => {
    const { context, page } = await personBrowser(browser, web.base, PHONE);
    current = page;
    await signIn(page, OPERATOR.username, OPERATOR.password);
    await page.getByRole('heading', { name: 'Kho phóng sự' }).waitFor();
    // At 390 px the menu folds "Đang phát" under its "…": go by address, as a bookmark would.
    await page.goto('/on-air');
    await page.getByRole('heading', { name: 'Đang phát' }).waitFor();
    // Placed once the page is open (it learns of them from the event stream): soon enough to fire
    // during the test, late enough for the operator to see them coming.
    const airtimes: number[] = [];
    for (const [reportageId, inMs] of [
      [reportageIds[0], 60_000],
      [reportageIds[1], 80_000],
    ]) {
      airtimes.push(Date.now() + inMs);
      await api('/api/placements', {
        method: 'POST',
        body: { reportageId, zoneId, startsAt: new Date(airtimes.at(-1)!).toISOString() },
      });
    }
    /** The service's clock moves to the airtime instead of the test waiting for it. */
    const airtime = async (at: number) => web.advanceClock(Math.max(0, at - (await web.advanceClock(0))));
    const station = page.getByRole('region', { name: 'Đài truyền thanh xã Long Mỹ' });
    const next = station.getByRole('list', { name: 'Sắp phát' });
    await next.getByText(AIRED).waitFor();
    await next.getByText(MISSED).waitFor();
    await station.getByText('Không phát gì.').waitFor();

    // Today's rundown, and its printable page.
    await station.getByText('Lịch hôm nay').click();
    await station.locator('li', { hasText: AIRED }).last().waitFor();
    expect(await station.getByRole('link', { name: 'Bản in' }).getAttribute('href')).toMatch(
      new RegExp(`^/api/zones/${zoneId}/rundown\\.html\\?date=\\d{4}-\\d{2}-\\d{2}$`),
    );

    // The manual station airs both; the page learns it from the event stream, without a reload.
    const awaiting = (title: string) => station.locator('.ant-list-item', { hasText: title });
    await airtime(airtimes[0]);
    await awaiting(AIRED).getByRole('button', { name: 'Đã phát' }).waitFor({ timeout: 30_000 });
    await awaiting(AIRED).getByRole('button', { name: 'Đã phát' }).click();
    await page.getByText(`Đã ghi nhận: "${AIRED}" đã phát.`).waitFor();
    await awaiting(AIRED).getByRole('button', { name: 'Đã phát' }).waitFor({ state: 'detached' });

    // Missed needs a reason in words.
    await airtime(airtimes[1]);
    await awaiting(MISSED).getByRole('button', { name: 'Không phát được' }).waitFor({ timeout: 30_000 });
    await awaiting(MISSED).getByRole('button', { name: 'Không phát được' }).click();
    const dialog = page.getByRole('dialog', { name: 'Vì sao không phát được?' });
    await dialog.getByRole('button', { name: 'Ghi nhận' }).click();
    await dialog.getByText('Hãy ghi lý do bằng lời.').waitFor();
    await dialog.getByLabel('Lý do').fill('Mất điện cả xã lúc phát');
    await dialog.getByRole('button', { name: 'Ghi nhận' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // It is in the missed list; one click puts it in tomorrow's slot, which shows under "next".
    const missedList = page.getByRole('region', { name: 'Bị bỏ lỡ (7 ngày qua)' });
    const item = missedList.locator('.ant-list-item', { hasText: MISSED });
    await item.getByText('Mất điện cả xã lúc phát').waitFor();
    await item.getByRole('button', { name: 'Xếp lại' }).click();
    await item.getByText(/^Đã xếp lại vào \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/).waitFor();
    await item.getByRole('button', { name: 'Xếp lại' }).waitFor({ state: 'detached' });
    // The new airing shows under "next" at its time (just after local midnight that may be today).
    const [rescheduled] = (await api(`/api/placements?zoneId=${zoneId}&status=planned`)).items as Body[];
    await next
      .locator('li', { hasText: MISSED })
      .getByText(localHhmm(Date.parse(rescheduled.startsAt)))
      .waitFor();

    const asRun = (await api(`/api/as-run?zoneId=${zoneId}&pageSize=100`)).items as Body[];
    expect(asRun.find((e) => e.title === AIRED)).toMatchObject({ result: 'aired', placementStatus: 'aired' });
    expect(asRun.find((e) => e.title === MISSED)).toMatchObject({
      result: 'missed',
      note: 'Mất điện cả xã lúc phát',
      placementStatus: 'rescheduled',
    });
    const planned = (await api(`/api/placements?zoneId=${zoneId}&status=planned`)).items as Body[];
    expect(planned.map((p) => p.title)).toEqual([MISSED]);
    expect(new Date(planned[0].startsAt).getTime()).toBeGreaterThan(Date.now());
    await shot(page, 'on-air-phone');

    // An urgent bulletin: title, zones, audio file.
    await page.getByRole('button', { name: 'Gửi bản tin khẩn' }).click();
    const drawer = page.getByRole('dialog', { name: 'Gửi bản tin khẩn' });
    await drawer.getByLabel('Tiêu đề bản tin').fill('Thông báo khẩn về bão số 5');
    await drawer.getByLabel('Phát ở').click();
    await page.locator('.ant-select-item-option', { hasText: 'Đài truyền thanh xã Long Mỹ' }).click();
    await page.keyboard.press('Escape');
    await drawer.getByLabel('Tệp âm thanh').setInputFiles(wav);
    await drawer.getByRole('button', { name: 'Gửi bản tin' }).click();
    await page.getByText('Đã nhận bản tin "Thông báo khẩn về bão số 5"').waitFor();
    const bulletins = (await api('/api/bulletins')) as Body[] | { items: Body[] };
    const list = Array.isArray(bulletins) ? bulletins : bulletins.items;
    expect(list.find((b) => b.title === 'Thông báo khẩn về bão số 5')).toMatchObject({
      priority: 'emergency',
    });

    await page.setViewportSize(DESKTOP);
    await page.getByRole('heading', { name: 'Đang phát' }).waitFor();
    await shot(page, 'on-air-desktop');
    await context.close();
  }, 400_000);

  it('shows a reader the confirmed airing in the report: table, chart, CSV and printable page', async () => {
    const { context, page } = await personBrowser(browser, web.base, DESKTOP);
    current = page;
    await signIn(page, READER.username, READER.password);
    await page.getByRole('link', { name: 'Báo cáo' }).click();
    await page.getByRole('heading', { name: 'Báo cáo phát sóng' }).waitFor();

    // By field: the confirmed airing counts as a first airing; the missed one does not count.
    const row = page.getByRole('row', { name: new RegExp(`^${escape(field.name)}`) });
    await row.waitFor();
    expect(await row.getByRole('cell').allTextContents()).toEqual([
      field.name,
      '1',
      '1',
      '1',
      '0',
      '0',
      '0,1',
    ]);
    await page.getByRole('img', { name: new RegExp(`${escape(field.name)} 1(;|$)`) }).waitFor();
    await page.locator('.recharts-bar-rectangle').first().waitFor();

    // By commune.
    await page.locator('.ant-segmented-item', { hasText: 'Xã' }).click();
    await page
      .getByRole('row', { name: /^Long Mỹ/ })
      .getByRole('cell', { name: '1' })
      .first()
      .waitFor();
    await page.locator('.ant-segmented-item', { hasText: 'Lĩnh vực' }).click();
    await row.waitFor();
    await shot(page, 'reports');

    // The CSV the API serves, saved by the browser.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^bao-cao-phat-song-theo-field-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n');
    expect(lines.find((l) => l.startsWith(field.name) || l.startsWith(`"${field.name}"`))).toMatch(
      /,1,1,1,0,0,0\.1$/,
    );

    // The printable page opens in a tab of its own.
    const [printable] = await Promise.all([
      context.waitForEvent('page'),
      page.getByRole('link', { name: 'Bản in', exact: true }).click(),
    ]);
    await printable.waitForLoadState();
    // textContent: the page's stylesheet capitalises the title.
    const text = (await printable.locator('body').textContent()) ?? '';
    expect(text).toContain('Báo cáo phát sóng phóng sự');
    expect(text).toContain(field.name);
    expect(
      await printable.getByRole('row', { name: new RegExp(`^${escape(field.name)}`) }).innerText(),
    ).toMatch(/\t1\t1\t1\t0\t0\t0,1$/);
    expect(text).toMatch(/Kỳ báo cáo: từ ngày \d{2}\/\d{2}\/\d{4} đến ngày \d{2}\/\d{2}\/\d{4}/);
    await context.close();
  }, 120_000);
});
