import { DateTime } from 'luxon';
import type { Browser, Locator, Page } from 'playwright-core';
import {
  launchBrowser,
  makeUser,
  personBrowser as newPersonBrowser,
  shot,
  signIn,
  startWebService,
  type WebService,
} from '../helpers/browser.js';
import { until } from '../helpers/processes.js';
import { TEST_ADMIN } from '../helpers/test-app.js';

/**
 * The administration screen "Đài và khung giờ" in a real browser: an admin sets up a commune
 * station with a loudspeaker cluster, its playout and its program grid; every step is checked on
 * the page and through the API; the API's field errors show beside their fields; a scheduler edits
 * the grid but not the stations.
 */
const STATION = 'Đài truyền thanh xã Long Tân';
const CLUSTER = 'Cụm loa ấp Tân Hiệp';
const SCHEDULER = { username: 'laplich1', password: 'mat-khau-lap-lich', displayName: 'Phạm Thu Lịch' };
const ZONE = 'Asia/Ho_Chi_Minh';

const ddmmyyyy = (d: DateTime) => d.toFormat('dd/MM/yyyy');
/** The first day after `from` that falls on an ISO weekday (1 Monday … 7 Sunday). */
const nextWeekday = (from: DateTime, weekday: number) =>
  from.plus({ days: (weekday - from.weekday + 7) % 7 || 7 });

describe('web interface: stations and the program grid', () => {
  let web: WebService;
  let browser: Browser;
  let current: Page | undefined;
  let communeId: number;
  let segmentId: number;
  const api: WebService['api'] = (path, init) => web.api(path, { token: web.adminToken, ...init });

  beforeAll(async () => {
    web = await startWebService();
    const province = await api('/api/places', {
      method: 'POST',
      body: { name: 'Bà Rịa – Vũng Tàu', level: 'province' },
    });
    communeId = (
      await api('/api/places', {
        method: 'POST',
        body: { name: 'Long Tân', level: 'commune', parentId: province.id },
      })
    ).id;
    const segments = await api('/api/segments?pageSize=100');
    segmentId = segments.items.find((s: { name: string }) => s.name === 'Hoa giữa đời thường').id;
    await makeUser(web, { ...SCHEDULER, roles: ['scheduler'] });
    browser = await launchBrowser();
  }, 90_000);

  afterEach(async () => {
    if (current && !current.isClosed()) await shot(current, 'failure-admin').catch(() => undefined);
  });

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  async function personBrowser() {
    const person = await newPersonBrowser(browser, web.base);
    current = person.page;
    return person;
  }

  /** The error antd shows under a labelled field (in its form item). */
  async function fieldError(scope: Locator, label: string): Promise<string | null> {
    const item = scope
      .locator('.ant-form-item')
      .filter({ has: scope.page().getByLabel(label, { exact: true }) });
    const error = item.locator('.ant-form-item-explain-error');
    await error.waitFor();
    return error.textContent();
  }

  const treeNode = (page: Page, name: string) =>
    page.locator('.zone-tree .ant-tree-title').filter({ hasText: name });

  it('sets up a station, its cluster, playout and program grid, checked on the page and through the API', async () => {
    const { context, page } = await personBrowser();
    await signIn(page, TEST_ADMIN.username, TEST_ADMIN.password);
    await page
      .getByRole('navigation', { name: 'menu' })
      .getByRole('link', { name: 'Đài và khung giờ' })
      .click();
    await page.getByRole('heading', { name: 'Đài và khung giờ' }).waitFor();
    await page.getByText('Chưa có đài nào.').waitFor();

    // A station on the commune, first with a time zone the API refuses: its message sits under the field.
    await page.getByRole('button', { name: 'Thêm đài' }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByLabel('Tên').fill(STATION);
    await dialog.getByLabel('Địa bàn').click();
    await dialog.getByLabel('Địa bàn').fill('Long Tân');
    await page.locator('.ant-select-tree-title', { hasText: 'Long Tân' }).click();
    expect(await dialog.getByLabel('Múi giờ', { exact: true }).inputValue()).toBe(ZONE);
    await dialog.getByLabel('Múi giờ', { exact: true }).fill('Sao/Hoa');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    expect(await fieldError(dialog, 'Múi giờ')).toBe('Cần tên múi giờ IANA, ví dụ Asia/Ho_Chi_Minh.');
    await dialog.getByLabel('Múi giờ', { exact: true }).fill(ZONE);
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'detached' });
    await treeNode(page, STATION).waitFor();
    const stations = (await api('/api/zones?kind=station')).items;
    expect(stations).toEqual([
      expect.objectContaining({
        name: STATION,
        placeId: communeId,
        timeZone: ZONE,
        active: true,
        parentId: null,
      }),
    ]);
    const station = stations[0];

    // A cluster under it.
    await page.getByRole('button', { name: 'Thêm cụm loa' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('Tên').fill(CLUSTER);
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'detached' });
    await treeNode(page, CLUSTER).waitFor();
    await page.locator('.zone-title', { hasText: CLUSTER }).waitFor();
    const clusters = (await api(`/api/zones?parentId=${station.id}`)).items;
    expect(clusters).toEqual([expect.objectContaining({ name: CLUSTER, kind: 'cluster', active: true })]);

    // Deactivated, it says so in the tree and in the API.
    await page.getByRole('button', { name: 'Ngừng hoạt động' }).click();
    await treeNode(page, CLUSTER).getByText('ngừng hoạt động').waitFor();
    expect((await api(`/api/zones/${clusters[0].id}`)).active).toBe(false);
    await shot(page, 'stations');

    // The station's playout: Icecast first (its password is never shown again), then manual.
    await treeNode(page, STATION).click();
    await page.locator('.zone-title', { hasText: STATION }).waitFor();
    await page.getByRole('tab', { name: 'Cách phát' }).click();
    await page.getByLabel('Phát luồng qua mạng tới cụm loa IP').check();
    await page.getByLabel('Địa chỉ máy chủ phát luồng').fill('http://127.0.0.1:8000/longtan');
    await page.getByLabel('Mật khẩu nguồn').fill('mat-khau-icecast');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã đặt mật khẩu; để trống để giữ nguyên.').waitFor();
    expect(await page.getByLabel('Mật khẩu nguồn').inputValue()).toBe('');
    const icecast = await api(`/api/zones/${station.id}/playout`);
    expect(icecast).toMatchObject({
      driver: 'icecast',
      url: 'http://127.0.0.1:8000/longtan',
      passwordSet: true,
    });
    expect(JSON.stringify(icecast)).not.toContain('mat-khau-icecast');
    expect(await page.content()).not.toContain('mat-khau-icecast');
    await page.getByLabel('Thủ công (người vận hành phát và xác nhận)').check();
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByLabel('Địa chỉ máy chủ phát luồng').waitFor({ state: 'detached' });
    await until(
      async () => (await api(`/api/zones/${station.id}/playout`)).driver === 'manual',
      10_000,
      'the playout to become manual',
    );

    // A window every day 17:00–17:30 with a holiday; an end date before the start is refused beside its field.
    const today = DateTime.now().setZone(ZONE).startOf('day');
    const start = today.minus({ days: 1 });
    const holiday = nextWeekday(today, 5); // the next Friday: the column would air, but not that day
    const tuesday = nextWeekday(today, 2);
    await page.getByRole('tab', { name: 'Lịch khung' }).click();
    await page.getByText('Vùng này chưa có khung giờ phát.').waitFor();
    await page.getByRole('button', { name: 'Thêm khung giờ' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('Tên buổi').fill('Buổi chiều');
    await dialog.getByLabel('Giờ bắt đầu (HH:mm)').fill('17:00');
    await dialog.getByLabel('Giờ kết thúc (HH:mm)').fill('17:30');
    await dialog.getByLabel('Từ ngày').fill(ddmmyyyy(start));
    await dialog.getByLabel('Từ ngày').press('Tab');
    await dialog.getByLabel('Ngày nghỉ (không phát)').fill(ddmmyyyy(holiday));
    await dialog.getByLabel('Ngày nghỉ (không phát)').press('Enter');
    await dialog
      .getByRole('listitem')
      .filter({ hasText: ddmmyyyy(holiday) })
      .waitFor();
    await dialog.getByLabel('Đến hết ngày').fill(ddmmyyyy(start.minus({ days: 1 })));
    await dialog.getByLabel('Đến hết ngày').press('Enter');
    expect(await fieldError(dialog, 'Đến hết ngày')).toBe('Ngày kết thúc phải từ ngày bắt đầu trở đi.');
    const until2027 = DateTime.fromISO('2027-12-31');
    await dialog.getByLabel('Đến hết ngày').fill(ddmmyyyy(until2027));
    await dialog.getByLabel('Đến hết ngày').press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('17:00–17:30', { exact: true }).waitFor();
    const windows = await api(`/api/zones/${station.id}/windows`);
    expect(windows).toEqual([
      expect.objectContaining({
        name: 'Buổi chiều',
        startTime: '17:00',
        endTime: '17:30',
        startDate: start.toISODate(),
        rrule: 'FREQ=DAILY;UNTIL=20271231',
        exceptDates: [holiday.toISODate()],
        active: true,
      }),
    ]);

    // The column's allocation on Tuesdays and Fridays at 17:10, up to 10 minutes; 17:40 is outside the window.
    await page.getByRole('button', { name: 'Thêm ô chuyên mục 17:00–17:30' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('Chuyên mục').click();
    await page.locator('.ant-select-item-option', { hasText: 'Hoa giữa đời thường' }).click();
    await dialog.getByLabel('Giờ (HH:mm)').fill('17:40');
    await dialog.getByLabel('Tối đa (phút)').fill('10');
    await dialog.getByLabel('Thứ Ba').check();
    await dialog.getByLabel('Thứ Sáu').check();
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    expect(await fieldError(dialog, 'Giờ (HH:mm)')).toBe('Hãy chọn giờ nằm trong khung giờ phát.');
    await dialog.getByLabel('Giờ (HH:mm)').fill('17:10');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.getByRole('row').filter({ hasText: 'Hoa giữa đời thường' });
    await row.waitFor();
    expect(await row.textContent()).toContain('17:10');
    expect(await row.textContent()).toContain('Thứ Ba, Thứ Sáu');
    expect(await row.textContent()).toContain('10 phút');
    expect(await api(`/api/windows/${windows[0].id}/allocations`)).toEqual([
      expect.objectContaining({
        segmentId,
        time: '17:10',
        maxSeconds: 600,
        rrule: 'FREQ=WEEKLY;BYDAY=TU,FR',
      }),
    ]);
    await shot(page, 'program-grid');

    // The next sessions, expanded by the API: the holiday has none, a Tuesday has the column at 17:10.
    await page.getByRole('tab', { name: 'Các buổi sắp tới' }).click();
    const preview = page.getByRole('tabpanel', { name: 'Các buổi sắp tới' });
    const tuesdayRow = preview.getByRole('row').filter({ hasText: `Thứ Ba ${ddmmyyyy(tuesday)}` });
    await tuesdayRow.waitFor();
    expect(await tuesdayRow.textContent()).toContain('17:10 Hoa giữa đời thường (10 phút)');
    expect(
      await preview
        .getByRole('row')
        .filter({ hasText: ddmmyyyy(holiday) })
        .count(),
    ).toBe(0);
    await shot(page, 'program-grid-next-sessions');
    await context.close();
  }, 240_000);

  it('lets a scheduler edit the program grid but not the stations or their playout', async () => {
    const station = await api('/api/zones', {
      method: 'POST',
      body: { name: 'Đài truyền thanh xã Láng Dài', kind: 'station', placeId: communeId },
    });
    const { context, page } = await personBrowser();
    await signIn(page, SCHEDULER.username, SCHEDULER.password);
    await page
      .getByRole('navigation', { name: 'menu' })
      .getByRole('link', { name: 'Đài và khung giờ' })
      .click();
    await treeNode(page, 'Láng Dài').click();
    await page.locator('.zone-title', { hasText: 'Láng Dài' }).waitFor();
    await page.getByRole('button', { name: 'Thêm khung giờ' }).waitFor();
    expect(await page.getByRole('button', { name: 'Thêm đài' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Thêm cụm loa' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Thêm khung giờ' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Giờ bắt đầu (HH:mm)').fill('05:30');
    await dialog.getByLabel('Giờ kết thúc (HH:mm)').fill('06:00');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('05:30–06:00', { exact: true }).waitFor();
    expect(await api(`/api/zones/${station.id}/windows`)).toEqual([
      expect.objectContaining({ startTime: '05:30', endTime: '06:00', rrule: 'FREQ=DAILY' }),
    ]);

    await page.getByRole('tab', { name: 'Cách phát' }).click();
    const manual = page.getByLabel('Thủ công (người vận hành phát và xác nhận)');
    await manual.waitFor();
    expect(await manual.isDisabled()).toBe(true);
    expect(await page.getByRole('tabpanel').getByRole('button', { name: 'Lưu' }).count()).toBe(0);
    await context.close();
  }, 120_000);
});
