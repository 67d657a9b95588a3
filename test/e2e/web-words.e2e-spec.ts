import { appendFileSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { makeAudio, SPEECH } from '../helpers/audio.js';
import {
  launchBrowser,
  makeUser,
  personBrowser,
  SCREENS,
  shot,
  signIn,
  startWebService,
  type WebService,
} from '../helpers/browser.js';
import { until } from '../helpers/processes.js';
import { TEST_ADMIN } from '../helpers/test-app.js';

/**
 * The interface in the users' own words: each role signs in, visits every screen it can reach (and
 * opens the main tabs, drawers and dialogs), and the visible text (with placeholders and tooltips)
 * is read for English words and raw codes: `submit`, `queued`, `set_audio`, `currentAudioId`,
 * `STALE_VERSION`, `#12`. A few technical terms stay allowed, where an administrator needs them.
 * Beside it, the details the commune officers stumbled on: the audit trail in words and names,
 * pickers that find "Long Tân" from "long tan", namesakes told apart, Enter in a date field, the
 * date placeholder, seconds on sub-minute items, conflicts that name the station, the year
 * printed "2022", and the printable program's header.
 */
const CENTRE = 'Trung tâm Văn hóa – Thông tin và Thể thao';
const STATION = 'Đài truyền thanh xã Long Tân';
const CLUSTER = 'Cụm loa ấp Tân Hiệp';
const TITLE = 'Chị em Long Tân trồng hoa làm đẹp các tuyến đường';
const NAMESAKE = 'Nguyễn Văn Hai';
const PEOPLE = {
  editor: { username: 'btv.lan', password: 'mat-khau-bien-tap', displayName: 'Nguyễn Thị Lan' },
  approver: { username: 'lanhdao.duyet', password: 'mat-khau-lanh-dao', displayName: 'Trần Văn Duyệt' },
  scheduler: { username: 'laplich.thu', password: 'mat-khau-lap-lich', displayName: 'Phạm Thu Lịch' },
  operator: { username: 'vanhanh.minh', password: 'mat-khau-van-hanh', displayName: 'Lê Văn Minh' },
};

/** Words an English-speaking programmer leaves on a screen; none is a Vietnamese syllable. */
const ENGLISH = new Set(
  `submit submitted withdraw approve approved reject rejected archive archived restore draft queued
  processing ready failed cancelled canceled pending create created update updated delete deleted upload
  uploaded save cancel edit status title name error loading search station cluster zone segment field
  place places reportage reportages exemplar exemplars schedule placement placements playout manual
  command stream rundown playlist feed calendar token login logout password username user admin editor
  approver scheduler operator audio file true false null undefined nan peak loudness range total minutes
  report print export import warning warnings apply plan slot window windows allocation aired missed
  partial awaiting confirm confirmed reason action changes item items of the and with for from by yes
  page next previous today week day month year all none empty source driver mount url timezone preview
  grid session sessions integrated broadcast original waveform player seek retry reschedule bulletin
  priority emergency normal submit_for_review set_audio set_playout`.split(/\s+/),
);

/** Technical terms kept where an administrator needs them (help texts, units, formats). */
const ALLOWED = new Set([
  'MP3', 'LUFS', 'LU', 'dBTP', 'M3U', 'iCalendar', 'Icecast', 'IANA', 'Asia/Ho_Chi_Minh', 'Google',
  'Outlook', 'IP', 'CSV', 'VI', 'EN', 'HH', 'mm', 'http', 'CN', 'UBND',
  'English', // the language switch names the other language in its own words
  TEST_ADMIN.username, // a login name, as data in the accounts table
]); // prettier-ignore

/**
 * A word that could be Vietnamese written without its marks: an initial, one to three vowels, a
 * final ("Long", "Hai", "thanh"). English words mostly cannot ("Timed", "submit", "queued"); those
 * that can are in {@link ENGLISH}.
 */
const SYLLABLE = /^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(ng|nh|ch|[cmnpt])?$/i;

/** What a reader would call programmers' words in a text: English words and raw codes. */
function strangeWords(text: string): string[] {
  const found = new Set<string>();
  for (const token of text.split(/[\s,;()[\]{}"“”'«»:·…–—→|!?]+/)) {
    const word = token.replace(/^[^\p{L}\p{N}#_]+|[^\p{L}\p{N}_]+$/gu, '');
    if (!word || ALLOWED.has(word) || ALLOWED.has(token)) continue;
    if (/^[A-Za-z]+$/.test(word) && (ENGLISH.has(word.toLowerCase()) || !SYLLABLE.test(word)))
      found.add(word);
    else if (/^[a-z]+(_[a-z]+)+$/.test(word))
      found.add(word); // snake_case: set_audio, on_air
    else if (/^[A-Z]{2,}(_[A-Z]+)+$/.test(word))
      found.add(word); // SNAKE_CASE: STALE_VERSION
    else if (/^[a-z]+[A-Z][A-Za-z]*$/.test(word))
      found.add(word); // camelCase: currentAudioId
    else if (/^#\d+$/.test(word)) found.add(word); // an id where a name belongs
  }
  for (const raw of ['[object Object]', 'undefined', 'NaN']) if (text.includes(raw)) found.add(raw);
  return [...found];
}

/** The page's visible words: its text, the placeholders of its fields, the tooltips of its elements. */
async function visibleText(page: Page): Promise<string> {
  return (await page.evaluate(`(() => {
    const parts = [document.body.innerText];
    for (const el of document.querySelectorAll('[placeholder], [title]')) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      parts.push(el.getAttribute('placeholder') ?? '', el.getAttribute('title') ?? '');
    }
    return parts.join('\\n');
  })()`)) as string;
}

/** Local date in Vietnam `days` after today, YYYY-MM-DD. */
const vnDate = (days: number) =>
  new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

describe('web: the interface in the users’ own words', () => {
  let web: WebService;
  let browser: Browser;
  let current: Page | undefined;
  let reportageId: number;
  let stationId: number;
  const problems: string[] = [];
  const api: WebService['api'] = (path, init) => web.api(path, { token: web.adminToken, ...init });
  const tokenOf = async (who: { username: string; password: string }) =>
    (
      await web.api('/api/auth/login', {
        method: 'POST',
        body: { username: who.username, password: who.password },
      })
    ).accessToken as string;

  beforeAll(async () => {
    web = await startWebService({ CENTRE_NAME: CENTRE });
    rmSync(join(SCREENS, 'words.txt'), { force: true });
    for (const [role, who] of Object.entries(PEOPLE)) await makeUser(web, { ...who, roles: [role] });
    // The first admin is named after its login until someone gives it a person's name.
    const me = await api('/api/auth/me');
    const admin = await api(`/api/users/${me.id}`);
    await api(`/api/users/${me.id}`, {
      method: 'PATCH',
      body: { displayName: 'Võ Thị Quản', version: admin.version },
    });
    const province = await api('/api/places', {
      method: 'POST',
      body: { name: 'Bà Rịa – Vũng Tàu', level: 'province' },
    });
    const longTan = await api('/api/places', {
      method: 'POST',
      body: { name: 'Long Tân', level: 'commune', parentId: province.id },
    });
    const phuocHai = await api('/api/places', {
      method: 'POST',
      body: { name: 'Phước Hải', level: 'commune', parentId: province.id },
    });
    // Two exemplars of one name, in two communes, with two models and two years.
    const exemplar = await api('/api/exemplars', {
      method: 'POST',
      body: {
        name: NAMESAKE,
        kind: 'individual',
        level: 'commune',
        placeId: longTan.id,
        modelName: 'Trồng hoa làm đẹp các tuyến đường',
        yearRegistered: 2022,
        commendations: [
          { year: 2023, level: 'district', issuingBody: 'UBND huyện Đất Đỏ', form: 'certificate_of_merit' },
        ],
      },
    });
    await api('/api/exemplars', {
      method: 'POST',
      body: {
        name: NAMESAKE,
        kind: 'individual',
        level: 'grassroots',
        placeId: phuocHai.id,
        modelName: 'Tiếp sức đến trường',
        yearRegistered: 2019,
      },
    });

    // The column's reportage, written and sent by the editor, approved by the approver.
    const segments = await api('/api/segments?pageSize=100');
    const segmentId = segments.items.find((s: { name: string }) => s.name === 'Hoa giữa đời thường').id;
    const editor = await tokenOf(PEOPLE.editor);
    const asEditor: WebService['api'] = (path, init) => web.api(path, { token: editor, ...init });
    const created = await asEditor('/api/reportages', {
      method: 'POST',
      body: { title: TITLE, segmentId, exemplarIds: [exemplar.id], placeIds: [longTan.id] },
    });
    reportageId = created.id;
    await asEditor(`/api/reportages/${reportageId}`, {
      method: 'PATCH',
      body: { summary: 'Chị em phụ nữ trồng hoa dọc đường quê.', version: created.version },
    });
    const form = new FormData();
    const wav = readFileSync(await makeAudio(web.work, 'speech.wav', SPEECH(3), []));
    form.append('file', new Blob([wav], { type: 'audio/wav' }), 'phong-su.wav');
    const upload = await fetch(`${web.base}/api/reportages/${reportageId}/audio`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${editor}` },
      body: form,
    });
    expect(upload.status).toBe(202);
    const asset = (await upload.json()) as { id: number };
    await until(
      async () => (await api(`/api/audio-assets/${asset.id}`)).status === 'ready',
      60_000,
      'the audio to be ready',
    );
    let { version } = await api(`/api/reportages/${reportageId}`);
    ({ version } = await asEditor(`/api/reportages/${reportageId}/submit`, {
      method: 'POST',
      body: { version },
    }));
    await web.api(`/api/reportages/${reportageId}/approve`, {
      method: 'POST',
      body: { version },
      token: await tokenOf(PEOPLE.approver),
    });

    // The station, its cluster, a daily window with the column's slot, and tomorrow's airing.
    const station = await api('/api/zones', {
      method: 'POST',
      body: { name: STATION, kind: 'station', placeId: longTan.id },
    });
    stationId = station.id;
    const cluster = await api('/api/zones', {
      method: 'POST',
      body: { name: CLUSTER, kind: 'cluster', parentId: station.id },
    });
    const window = await api(`/api/zones/${station.id}/windows`, {
      method: 'POST',
      body: { name: 'Buổi chiều', startTime: '17:00', endTime: '17:30', startDate: vnDate(0) },
    });
    const slot = await api(`/api/windows/${window.id}/allocations`, {
      method: 'POST',
      body: { segmentId, time: '17:05', maxSeconds: 600 },
    });
    const startsAt = new Date(`${vnDate(1)}T10:05:00Z`).toISOString(); // 17:05 in Vietnam
    await api('/api/placements', {
      method: 'POST',
      body: { reportageId, zoneId: station.id, startsAt, allocationId: slot.id },
    });
    // The same minute on the cluster below it: refused, naming the station, not "vùng 1".
    const refused = await fetch(`${web.base}/api/placements`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${web.adminToken}` },
      body: JSON.stringify({ reportageId, zoneId: cluster.id, startsAt }),
    });
    expect(refused.status).toBe(409);
    const { message } = (await refused.json()) as { message: string };
    expect(message).toContain(STATION);
    expect(message).toContain('17:05:00–17:05:0'); // a 3-second item, in seconds
    expect(message).not.toMatch(/vùng \d/);
    browser = await launchBrowser();
  }, 180_000);

  afterEach(async () => {
    if (current && !current.isClosed()) await shot(current, 'words-failure').catch(() => undefined);
  });

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  /** Signs a person in, in a browser of their own. */
  async function as(who: {
    username: string;
    password: string;
  }): Promise<{ context: BrowserContext; page: Page }> {
    const person = await personBrowser(browser, web.base);
    current = person.page;
    await signIn(person.page, who.username, who.password);
    await person.page.getByRole('heading', { name: 'Kho phóng sự' }).waitFor();
    return person;
  }

  /** Waits for the spinners to go, then notes every strange word on the screen. */
  async function read(page: Page, role: string, screen: string) {
    await until(
      async () => (await page.locator('.ant-spin-spinning, .ant-skeleton').count()) === 0,
      20_000,
      `${screen} to load`,
    );
    const text = await visibleText(page);
    // Every screen's words, for a person to read through (test-output/screens/words.txt).
    appendFileSync(join(SCREENS, 'words.txt'), `\n===== ${role} · ${screen}\n${text}\n`);
    for (const word of strangeWords(text)) problems.push(`${role} · ${screen}: ${word}`);
  }

  const menu = (page: Page, name: string) =>
    page.getByRole('navigation', { name: 'menu' }).getByRole('link', { name, exact: true }).click();

  async function catalogAndExemplars(page: Page, role: string) {
    await page.getByRole('link', { name: TITLE }).waitFor();
    await read(page, role, 'Kho phóng sự');
    await menu(page, 'Điển hình');
    await page.getByRole('heading', { name: 'Điển hình' }).waitFor();
    await page
      .getByRole('row', { name: /Trồng hoa làm đẹp/ })
      .getByRole('button', { name: 'Mở rộng dòng' })
      .click();
    await page.getByText('UBND huyện Đất Đỏ').waitFor();
    await read(page, role, 'Điển hình');
  }

  async function reports(page: Page, role: string) {
    await menu(page, 'Báo cáo');
    await page.getByRole('heading', { name: 'Báo cáo phát sóng' }).waitFor();
    await page.getByRole('cell', { name: 'Tổng cộng' }).waitFor();
    // The legend in the order of the bars' parts, left to right (it was sorted by name, backwards).
    expect(await page.locator('.recharts-legend-item-text').allTextContents()).toEqual([
      'Phát lần đầu',
      'Phát lại',
    ]);
    await read(page, role, 'Báo cáo');
  }

  async function reportage(page: Page, role: string) {
    await page.goto(`/reportages/${reportageId}`);
    await page.getByRole('heading', { name: TITLE }).waitFor();
    await page.locator('.audio-panel audio').waitFor();
    await read(page, role, 'Phóng sự');
  }

  it('the editor: catalog, a new reportage (pickers, date), the reportage, exemplars, reports, password', async () => {
    const { context, page } = await as(PEOPLE.editor);
    await catalogAndExemplars(page, 'biên tập viên');
    await menu(page, 'Kho phóng sự');

    // List filters and pickers find names without their marks, like the API.
    await page.getByLabel('Địa bàn').click();
    await page.getByLabel('Địa bàn').fill('long tan');
    await page.locator('.ant-select-tree-title', { hasText: 'Long Tân' }).waitFor();
    await page.keyboard.press('Escape');

    await menu(page, 'Phóng sự mới');
    await page.getByRole('heading', { name: 'Phóng sự mới' }).waitFor();
    expect(await page.getByLabel('Ngày ghi âm').getAttribute('placeholder')).toBe('Chọn ngày');
    await page.getByLabel('Tiêu đề').fill('Tiếp sức đến trường ở Phước Hải');
    await page.getByLabel('Địa bàn').click();
    await page.getByLabel('Địa bàn').fill('phuoc hai');
    await page.locator('.ant-select-tree-title', { hasText: 'Phước Hải' }).click();
    await page.keyboard.press('Escape');
    // Two "Nguyễn Văn Hai": the picker tells them apart by place, model and year.
    await page.getByLabel('Điển hình').fill('nguyen van hai');
    const options = page.locator('.ant-select-item-option');
    await options.filter({ hasText: 'Phước Hải' }).waitFor();
    expect((await options.allTextContents()).sort()).toEqual([
      `${NAMESAKE} · Long Tân · Trồng hoa làm đẹp các tuyến đường · 2022`,
      `${NAMESAKE} · Phước Hải · Tiếp sức đến trường · 2019`,
    ]);
    await options.filter({ hasText: 'Phước Hải' }).click();
    await page.keyboard.press('Escape');
    await read(page, 'biên tập viên', 'Phóng sự mới');
    // Enter in a date field takes the date and sends nothing; the button does.
    await page.getByLabel('Ngày ghi âm').fill('02/11/2026');
    await page.getByLabel('Ngày ghi âm').press('Enter');
    expect(await page.getByLabel('Ngày ghi âm').inputValue()).toBe('02/11/2026');
    await page.getByRole('button', { name: 'Tạo phóng sự' }).click();
    await page.waitForURL(/\/reportages\/\d+$/);
    const same = await api(`/api/reportages?q=${encodeURIComponent('tiep suc den truong')}`);
    expect(same.total).toBe(1); // Enter did not send it first

    await reportage(page, 'biên tập viên');
    await reports(page, 'biên tập viên');
    await page.getByRole('button', { name: PEOPLE.editor.displayName, exact: true }).click();
    await page.getByRole('menuitem', { name: 'Đổi mật khẩu' }).click();
    await page.getByLabel('Mật khẩu hiện tại').waitFor();
    await read(page, 'biên tập viên', 'Đổi mật khẩu');
    await context.close();
  });

  it('the approver: the audit trail in words and names, inside its card', async () => {
    const { context, page } = await as(PEOPLE.approver);
    await catalogAndExemplars(page, 'lãnh đạo duyệt');
    await reportage(page, 'lãnh đạo duyệt');
    const panel = page.locator('.workflow-panel');
    await panel.getByRole('cell', { name: PEOPLE.editor.displayName }).first().waitFor(); // status history
    await panel.getByRole('tab', { name: 'Nhật ký thay đổi' }).click();
    const trail = panel.locator('.audit-list');
    await trail.getByText('gửi duyệt').waitFor();
    const text = (await trail.innerText()).replace(/\s+/g, ' ');
    for (const words of [
      'tạo mới',
      'sửa',
      'gắn âm thanh',
      'gửi duyệt',
      'duyệt',
      'tóm tắt',
      'trạng thái: chờ duyệt → đã duyệt',
    ])
      expect(text).toContain(words);
    expect(text).toContain(PEOPLE.editor.displayName);
    expect(text).toContain(PEOPLE.approver.displayName);
    expect(text).not.toContain(PEOPLE.editor.username);
    // Nothing sticks out of the card.
    expect(
      await panel.evaluate((card) => {
        const box = card.getBoundingClientRect();
        return [...card.querySelectorAll('*')].filter(
          (el) => el.getBoundingClientRect().right > box.right + 1,
        ).length;
      }),
    ).toBe(0);
    await read(page, 'lãnh đạo duyệt', 'Phóng sự · nhật ký');
    await shot(page, 'words-audit');
    await page.evaluate('window.scrollTo(0, 0)');
    await shot(page, 'words-reportage'); // docs/screenshots/reportage.png
    await reports(page, 'lãnh đạo duyệt');
    await context.close();
  });

  it('the scheduler: the schedule (placement, planner, exports), the stations, reports', async () => {
    const { context, page } = await as(PEOPLE.scheduler);
    await catalogAndExemplars(page, 'người lập lịch');
    await page.goto(`/schedule?zone=${stationId}&date=${vnDate(1)}`);
    await page.locator('.placement-in-slot').first().waitFor();
    await read(page, 'người lập lịch', 'Lịch phát sóng');
    await page.locator('.placement-in-slot').first().click();
    await page.locator('.placement-dialog').waitFor();
    await read(page, 'người lập lịch', 'Lịch phát sóng · lượt phát');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Lập lịch tự động' }).click();
    await page.getByRole('button', { name: 'Lập phương án' }).click();
    await page.locator('.plan-unfilled').waitFor();
    await read(page, 'người lập lịch', 'Lập lịch tự động');
    await page.keyboard.press('Escape');

    // The printable program of the day: the centre and the station head it; seconds on short items.
    expect(await page.locator('.rundown-link').innerText()).toBe(
      'Chương trình phát thanh trong ngày (bản in)',
    );
    const rundown = await page.evaluate(
      async (href) => (await fetch(href)).text(),
      `/api/zones/${stationId}/rundown.html?date=${vnDate(1)}`,
    );
    expect(rundown).toContain(CENTRE.toUpperCase());
    expect(rundown).toContain(`<strong>${STATION}</strong>`);
    expect(rundown).toContain('Chương trình phát thanh trong ngày');
    expect(rundown).toMatch(/17:05:00–17:05:0\d/);
    expect(rundown).not.toMatch(/(\d\d:\d\d)–\1</);

    await menu(page, 'Đài và khung giờ');
    await page.locator('.zone-tree .ant-tree-title', { hasText: STATION }).click();
    for (const tab of ['Lịch khung', 'Các buổi sắp tới', 'Cách phát']) {
      await page.getByRole('tab', { name: tab }).click();
      await read(page, 'người lập lịch', `Đài và khung giờ · ${tab}`);
    }
    await reports(page, 'người lập lịch');
    await context.close();
  });

  it('the operator: on air (rundown, bulletin), stations, reports', async () => {
    const { context, page } = await as(PEOPLE.operator);
    await catalogAndExemplars(page, 'người vận hành');
    await menu(page, 'Đang phát');
    await page.getByRole('region', { name: STATION }).getByText(TITLE).first().waitFor();
    await page.getByRole('region', { name: STATION }).getByText('Lịch hôm nay').click();
    await read(page, 'người vận hành', 'Đang phát');
    await page.getByRole('button', { name: 'Gửi bản tin khẩn' }).click();
    await page.getByLabel('Tiêu đề bản tin').waitFor();
    await read(page, 'người vận hành', 'Gửi bản tin khẩn');
    await page.keyboard.press('Escape');
    await menu(page, 'Đài và khung giờ');
    await page.locator('.zone-tree .ant-tree-title', { hasText: STATION }).click();
    await page.getByRole('tab', { name: 'Cách phát' }).click();
    await read(page, 'người vận hành', 'Đài và khung giờ');
    await reports(page, 'người vận hành');
    await context.close();
  });

  it('the admin: accounts, stations (dialogs, playout), and every other screen; the year printed "2022"', async () => {
    const { context, page } = await as({ username: TEST_ADMIN.username, password: TEST_ADMIN.password });
    await catalogAndExemplars(page, 'quản trị');
    await reportage(page, 'quản trị');
    await menu(page, 'Tài khoản');
    await page.getByRole('cell', { name: PEOPLE.editor.username, exact: true }).waitFor();
    await read(page, 'quản trị', 'Tài khoản');
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await read(page, 'quản trị', 'Tạo tài khoản');
    await page.keyboard.press('Escape');

    await menu(page, 'Đài và khung giờ');
    await page.getByRole('button', { name: 'Thêm đài' }).click();
    const dialog = page.getByRole('dialog');
    // Plain words on the screen; the technical name in the help under it.
    await dialog.getByLabel('Múi giờ', { exact: true }).waitFor();
    await dialog.getByText('Tên múi giờ quốc tế (IANA)', { exact: false }).waitFor();
    await dialog.getByLabel('Địa bàn').click();
    await dialog.getByLabel('Địa bàn').fill('long tan');
    await page.locator('.ant-select-tree-title', { hasText: 'Long Tân' }).waitFor();
    await read(page, 'quản trị', 'Thêm đài');
    await page.keyboard.press('Escape');
    await dialog.getByRole('button', { name: 'Huỷ' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.locator('.zone-tree .ant-tree-title', { hasText: STATION }).click();
    await page.getByRole('tab', { name: 'Cách phát' }).click();
    await page.getByLabel('Phát luồng qua mạng tới cụm loa IP').check();
    await page.getByLabel('Địa chỉ máy chủ phát luồng').waitFor();
    await read(page, 'quản trị', 'Cách phát · phát luồng');
    for (const tab of ['Lịch khung', 'Các buổi sắp tới']) {
      await page.getByRole('tab', { name: tab }).click();
      await read(page, 'quản trị', `Đài và khung giờ · ${tab}`);
    }

    await menu(page, 'Lịch phát sóng');
    await page.locator('.schedule-exports').waitFor();
    await read(page, 'quản trị', 'Lịch phát sóng');
    await menu(page, 'Đang phát');
    await page.getByRole('region', { name: STATION }).waitFor();
    await read(page, 'quản trị', 'Đang phát');
    await reports(page, 'quản trị');

    // The exemplars' printable report: a year is a year ("2022"), not a figure ("2.022").
    const href = (await page.getByRole('link', { name: 'Bản in báo cáo điển hình' }).getAttribute('href'))!;
    const printed = await page.evaluate(async (url) => (await fetch(url)).text(), href);
    expect(printed).toContain('<td>2022</td>');
    expect(printed).not.toContain('2.022');
    await context.close();
  });

  it('found no English words or raw codes on any screen', () => {
    expect(problems).toEqual([]);
  });

  it('tells English words and raw codes from Vietnamese and the allowed terms', () => {
    expect(
      strangeWords(
        'Đã gửi duyệt (submit) · queued · set_audio · currentAudioId · STALE_VERSION · #12 · Timed · Lộc An · Bản in · Long Hai',
      ),
    ).toEqual(['submit', 'queued', 'set_audio', 'currentAudioId', 'STALE_VERSION', '#12', 'Timed']);
    expect(strangeWords('−16,0 LUFS · Mức đỉnh −1,5 dBTP · Tải CSV · Icecast · định dạng iCalendar')).toEqual(
      [],
    );
  });
});
