import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { makeAudio, SPEECH } from '../helpers/audio.js';
import {
  launchBrowser,
  makeUser,
  personBrowser,
  shot,
  signIn,
  startWebService,
  type WebService,
} from '../helpers/browser.js';
import { until } from '../helpers/processes.js';

/**
 * The Schedule screen (Lịch phát sóng) in a real browser against the built service: a station with
 * a daily window and two segment slots, approved reportages with real processed audio; the
 * scheduler drags one into a slot, sees another refused on the slot that refused it, runs the
 * planner, reads its reasons, applies it, cancels an airing, and follows the rundown and feed links.
 */
/** Username and password only: what the sign-in takes. */
const credentials = (who: { username: string; password: string }) => ({
  username: who.username,
  password: who.password,
});
const APPROVER = { username: 'duyet1', password: 'mat-khau-lanh-dao', displayName: 'Trần Văn Duyệt' };
const SCHEDULER = { username: 'laplich1', password: 'mat-khau-lap-lich', displayName: 'Lê Thị Lịch' };
const TITLES = [
  'Trồng hoa làm đẹp các tuyến đường Phước Hải',
  'Tiếp sức đến trường ở Long Tân',
  'Nhà tình thương cho hộ nghèo Lộc An',
];

/** A local date in Vietnam, `days` after today. */
const vnDate = (days: number) =>
  new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

describe('web: the Schedule screen', () => {
  let web: WebService;
  let browser: Browser;
  let page: Page | undefined;
  let token: string;
  let station: { id: number; name: string };
  let column: { id: number };
  let other: { id: number };
  const reportages: { id: number; title: string }[] = [];
  /** Monday of next week and the days after it: always ahead, always one calendar week. */
  let week: string[];

  beforeAll(async () => {
    web = await startWebService();
    const api = (path: string, method = 'GET', body?: unknown) =>
      web.api(path, { method, body, token: web.adminToken });
    await makeUser(web, { ...SCHEDULER, roles: ['scheduler'] });
    await makeUser(web, { ...APPROVER, roles: ['approver'] });
    // Four eyes: someone other than the last editor (the admin here) approves.
    const approver = (await web.api('/api/auth/login', { method: 'POST', body: credentials(APPROVER) }))
      .accessToken as string;

    const province = await api('/api/places', 'POST', { name: 'Bà Rịa – Vũng Tàu', level: 'province' });
    const commune = await api('/api/places', 'POST', {
      name: 'Phước Hải',
      level: 'commune',
      parentId: province.id,
    });
    station = await api('/api/zones', 'POST', {
      name: 'Đài truyền thanh xã Phước Hải',
      kind: 'station',
      placeId: commune.id,
    });
    await api('/api/zones', 'POST', { name: 'Cụm loa ấp Hải Trung', kind: 'cluster', parentId: station.id });
    const segments = await api('/api/segments?pageSize=100');
    const segmentId = segments.items.find((s: { name: string }) => s.name === 'Hoa giữa đời thường')
      .id as number;
    const second = await api('/api/segments', 'POST', { name: 'Gương sáng quanh ta' });
    const session = await api(`/api/zones/${station.id}/windows`, 'POST', {
      name: 'Buổi chiều',
      startTime: '17:00',
      endTime: '17:30',
      startDate: vnDate(0),
    });
    column = await api(`/api/windows/${session.id}/allocations`, 'POST', {
      segmentId,
      time: '17:05',
      maxSeconds: 600,
    });
    other = await api(`/api/windows/${session.id}/allocations`, 'POST', {
      segmentId: second.id,
      time: '17:18',
      maxSeconds: 600,
    });

    // Three approved reportages of the column, each with a real upload processed by ffmpeg.
    const wav = readFileSync(await makeAudio(web.work, 'speech.wav', SPEECH(3), []));
    for (const title of TITLES) {
      const exemplar = await api('/api/exemplars', 'POST', {
        name: `Điển hình của ${title}`,
        kind: 'collective',
        level: 'commune',
      });
      const created = await api('/api/reportages', 'POST', {
        title,
        segmentId,
        summary: 'Mô hình ở cơ sở',
        exemplarIds: [exemplar.id],
      });
      const form = new FormData();
      form.append('file', new Blob([wav], { type: 'audio/wav' }), 'speech.wav');
      const upload = await fetch(`${web.base}/api/reportages/${created.id}/audio`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${web.adminToken}` },
        body: form,
      });
      expect(upload.status).toBe(202);
      const asset = (await upload.json()) as { id: number };
      await until(
        async () => (await api(`/api/audio-assets/${asset.id}`)).status === 'ready',
        60_000,
        `audio of "${title}" to be ready`,
      );
      let { version } = await api(`/api/reportages/${created.id}`);
      ({ version } = await api(`/api/reportages/${created.id}/submit`, 'POST', { version }));
      await web.api(`/api/reportages/${created.id}/approve`, {
        method: 'POST',
        body: { version },
        token: approver,
      });
      reportages.push({ id: created.id, title });
    }

    const today = new Date(`${vnDate(0)}T00:00:00Z`).getUTCDay(); // 0 = Sunday
    const toMonday = ((8 - today) % 7) + (today === 1 ? 7 : 0);
    week = [0, 1, 2, 3, 4, 5, 6].map((d) => vnDate(toMonday + d));
    ({ accessToken: token } = await web.api('/api/auth/login', {
      method: 'POST',
      body: credentials(SCHEDULER),
    }));
    browser = await launchBrowser();
  }, 180_000);

  afterEach(async () => {
    if (page && !page.isClosed()) await shot(page, 'schedule-failure').catch(() => undefined);
  });

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  const placements = async (status = 'planned') =>
    (
      await web.api(
        `/api/placements?zoneId=${station.id}&from=${week[0]}&to=${week[6]}&status=${status}&pageSize=100`,
        { token },
      )
    ).items as { id: number; reportageId: number; allocationId: number; startsAt: string }[];

  it('places by dragging and from the keyboard, shows a refusal on the slot, plans, applies, moves, cancels and links the exports', async () => {
    const person = await personBrowser(browser, web.base);
    page = person.page;
    await signIn(page, SCHEDULER.username, SCHEDULER.password);
    await page.getByRole('link', { name: 'Lịch phát sóng' }).click();
    await page.getByRole('heading', { name: 'Lịch phát sóng' }).waitFor();
    // The station and day can be given in the address, like any link to the screen.
    await page.goto(`/schedule?zone=${station.id}&date=${week[0]}`);

    // The week shows the window's slots: both segments, every day.
    const slot = (allocationId: number, date: string) =>
      page!.locator(`.allocation-box[data-slot="${allocationId}:${date}"]`);
    await slot(column.id, week[0]).waitFor();
    await expect(slot(column.id, week[0]).textContent()).resolves.toContain('17:05');
    await expect(slot(column.id, week[0]).textContent()).resolves.toContain('Hoa giữa đời thường');
    await expect(slot(other.id, week[6]).textContent()).resolves.toContain('Gương sáng quanh ta');
    await expect(page.locator('.window-session').count()).resolves.toBeGreaterThanOrEqual(7);

    // The list finds a reportage without diacritics; it is dragged into Monday's column slot.
    await page.getByLabel('Tìm phóng sự (gõ không dấu cũng được)').fill('trong hoa lam dep');
    const first = page.locator(`.reportage-drag[data-reportage="${reportages[0].id}"]`);
    await first.waitFor();
    await until(
      async () => (await page!.locator('.reportage-drag').count()) === 1,
      10_000,
      'the search to narrow the list',
    );
    await first.dragTo(slot(column.id, week[0]));
    await page.locator('.placement-box').first().waitFor();
    await expect(page.locator('.placement-box').first().textContent()).resolves.toContain(TITLES[0]);
    const placed = await placements();
    expect(placed).toEqual([
      expect.objectContaining({ reportageId: reportages[0].id, allocationId: column.id }),
    ]);
    expect(new Date(placed[0].startsAt).toISOString()).toBe(
      new Date(`${week[0]}T17:05:00+07:00`).toISOString(),
    );

    // A reportage of the column dropped into the other segment's slot is refused, in words, on that slot.
    await page.getByLabel('Tìm phóng sự (gõ không dấu cũng được)').fill('');
    const second = page.locator(`.reportage-drag[data-reportage="${reportages[1].id}"]`);
    await second.waitFor();
    await second.dragTo(slot(other.id, week[0]));
    const refusal = page.locator(`.placement-refusal[data-slot="${other.id}:${week[0]}"]`);
    await refusal.waitFor();
    const expected = await fetch(`${web.base}/api/placements`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        reportageId: reportages[1].id,
        zoneId: station.id,
        startsAt: new Date(`${week[0]}T17:18:00+07:00`).toISOString(),
        allocationId: other.id,
      }),
    }).then((r) => r.json() as Promise<{ code: string; message: string }>);
    expect(expected.code).toBe('WRONG_SEGMENT');
    await expect(refusal.getAttribute('data-code')).resolves.toBe('WRONG_SEGMENT');
    await expect(refusal.textContent()).resolves.toContain(expected.message);
    await expect(slot(other.id, week[0]).getAttribute('class')).resolves.toContain('allocation-refused');
    // "In place": the message sits level with the slot that refused it.
    const box = (await slot(other.id, week[0]).boundingBox())!;
    const bubble = (await refusal.boundingBox())!;
    expect(bubble.y).toBeLessThan(box.y + box.height + 40);
    expect(bubble.y + bubble.height).toBeGreaterThan(box.y - 40);
    await shot(page, 'schedule-refusal');
    expect(await placements()).toHaveLength(1);
    await page.getByRole('button', { name: 'Đã hiểu' }).click();
    await refusal.waitFor({ state: 'detached' });

    // Warnings before air: tomorrow's slots are empty.
    await page.locator('.schedule-warning[data-code="EMPTY_ALLOCATION"]').first().waitFor();

    // The planner proposes the rest of the week, with a reason for every airing and every gap.
    await page.getByRole('button', { name: 'Lập lịch tự động' }).click();
    const drawer = page.locator('.planner-drawer');
    await drawer.getByRole('button', { name: 'Lập phương án' }).click();
    await drawer.locator('.plan-placements tbody tr').first().waitFor();
    const proposed = await drawer.locator('.plan-placements tbody tr').count();
    expect(proposed).toBeGreaterThanOrEqual(2);
    await expect(drawer.locator('.plan-placements').textContent()).resolves.toContain('Phát lần đầu');
    await expect(drawer.locator('.plan-placements').textContent()).resolves.toContain(TITLES[1]);
    await expect(drawer.locator('.plan-unfilled').textContent()).resolves.toContain(
      'Chuyên mục chưa có phóng sự nào đủ điều kiện xếp lịch.',
    );
    await shot(page, 'schedule-planner');
    await drawer.getByRole('button', { name: `Áp dụng ${proposed} lượt phát` }).click();
    await drawer.getByText(`Đã áp dụng phương án: ${proposed} lượt phát.`).first().waitFor();
    await page.locator('.planner-drawer .ant-drawer-close').click();
    await until(
      async () => (await page!.locator('.placement-box').count()) === 1 + proposed,
      10_000,
      'the plan on the calendar',
    );
    expect(await placements()).toHaveLength(1 + proposed);
    await shot(page, 'schedule-week');

    // An airing is cancelled from its dialog, with a reason.
    const cancelled = (await placements()).find((p) => p.reportageId === reportages[0].id)!;
    await page.locator(`.placement-box[data-placement="${cancelled.id}"]`).click();
    const dialog = page.locator('.placement-dialog');
    await dialog.getByLabel('Lý do huỷ').fill('Đài mất điện cả buổi chiều');
    await dialog.getByRole('button', { name: 'Huỷ lượt phát' }).click();
    await page.locator(`.placement-box[data-placement="${cancelled.id}"]`).waitFor({ state: 'detached' });
    expect((await placements('cancelled')).map((p) => p.id)).toEqual([cancelled.id]);

    // Without a mouse: Monday's column slot (free again) and a reportage chosen by typing, then "Xếp vào đây".
    const monday = `${week[0].slice(8)}/${week[0].slice(5, 7)}/${week[0].slice(0, 4)}`;
    await page.locator('#sch-slot').focus();
    await page.keyboard.type(`${monday} 17:05`);
    await page.keyboard.press('Enter');
    await page.locator('#sch-reportage').focus();
    await page.keyboard.type('nha tinh thuong');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Xếp vào đây' }).focus();
    await page.keyboard.press('Enter');
    await until(
      async () =>
        (await placements()).some(
          (p) =>
            p.reportageId === reportages[2].id &&
            new Date(p.startsAt).getTime() === new Date(`${week[0]}T17:05:00+07:00`).getTime(),
        ),
      10_000,
      'the placement made from the keyboard',
    );
    await until(
      async () => (await page!.locator('.placement-box').count()) === proposed + 1,
      10_000,
      'it on the calendar',
    );

    // That airing is moved to Friday's slot from its dialog, again without a mouse.
    const made = (await placements()).find(
      (p) =>
        p.reportageId === reportages[2].id &&
        new Date(p.startsAt).getTime() === new Date(`${week[0]}T17:05:00+07:00`).getTime(),
    )!;
    const friday = `${week[4].slice(8)}/${week[4].slice(5, 7)}/${week[4].slice(0, 4)}`;
    await page.locator(`.placement-box[data-placement="${made.id}"]`).focus();
    await page.keyboard.press('Enter');
    await page.locator('#move-slot').focus();
    await page.keyboard.type(`${friday} 17:05`);
    await page.keyboard.press('Enter');
    await page.locator('.placement-dialog').getByRole('button', { name: 'Dời', exact: true }).click();
    await page.locator('.placement-dialog').waitFor({ state: 'detached' });
    await until(
      async () =>
        (await placements()).some(
          (p) =>
            p.id === made.id &&
            new Date(p.startsAt).getTime() === new Date(`${week[4]}T17:05:00+07:00`).getTime(),
        ),
      10_000,
      'the airing on Friday',
    );
    await page.locator(`.allocation-box[data-slot="${column.id}:${week[4]}"] .placement-box`).waitFor();

    // The printable rundown of a planned day, and the calendar feed with the private token.
    const planned = (await placements())[0];
    const plannedDay = new Date(new Date(planned.startsAt).getTime() + 7 * 3_600_000)
      .toISOString()
      .slice(0, 10);
    const [d, m, y] = [plannedDay.slice(8), plannedDay.slice(5, 7), plannedDay.slice(0, 4)];
    await page.locator('#rundown-date').fill(`${d}/${m}/${y}`);
    await page.locator('#rundown-date').press('Enter');
    const rundownHref = await page.locator('.rundown-link').getAttribute('href');
    expect(rundownHref).toBe(`/api/zones/${station.id}/rundown.html?date=${plannedDay}`);
    const rundown = await page.evaluate(async (href) => {
      const res = await fetch(href!);
      return { status: res.status, text: await res.text() };
    }, rundownHref);
    expect(rundown.status).toBe(200);
    expect(rundown.text).toContain(`${d}/${m}/${y}`);
    expect(rundown.text).toContain(reportages.find((r) => r.id === planned.reportageId)!.title);
    await page.getByRole('button', { name: 'Tạo mã lịch' }).click();
    const feedHref = (await page.locator('.feed-link').getAttribute('href'))!;
    expect(feedHref).toMatch(new RegExp(`/api/zones/${station.id}/schedule\\.ics\\?token=`));
    const feed = await fetch(feedHref); // no sign-in: the token is the key
    expect(feed.status).toBe(200);
    const ics = await feed.text();
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain(TITLES[1]);
    await person.context.close();
  });
});
