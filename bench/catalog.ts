import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ACTIONS, COLLECTIVE_PREFIXES, MODELS, REPORTERS } from '../src/cli/demo-data.js';
import { foldVietnamese } from '../src/common/text.js';
import { dataSourceOptions, openDataSource } from '../src/database/data-source-options.js';
import {
  benchDatabase,
  load,
  printTable,
  random,
  resetSequences,
  startService,
  stopService,
  type BenchDatabase,
} from './lib.js';

/**
 * `npm run bench:catalog [-- --postgres]`: fills a scratch database (SQLite, or PostgreSQL with
 * `--postgres`) with 100,000 reportages (BENCH_REPORTAGES) and 10,000 exemplars,
 * starts the built service on it, and loads list and search endpoints with 16 concurrent
 * connections next to a constant-response endpoint of the same app (the baseline).
 */
const REPORTAGES = Number(process.env.BENCH_REPORTAGES ?? 100_000);
const EXEMPLARS = Number(process.env.BENCH_EXEMPLARS ?? 10_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const TARGET_P95_MS = 30;

const rand = random(20261123);
const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Võ', 'Huỳnh', 'Đặng', 'Bùi', 'Đỗ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Thị', 'Văn', 'Minh', 'Hữu', 'Ngọc', 'Quốc'];
const GIVEN = [
  'Lan',
  'Hùng',
  'Hồng',
  'Đức',
  'Mai',
  'Sơn',
  'Thu',
  'Tài',
  'Hạnh',
  'Phúc',
  'Yến',
  'Quang',
  'Dũng',
  'Hoa',
];
const COMMUNES = [
  'Đất Đỏ',
  'Phước Hải',
  'Phước Hội',
  'Phước Long Thọ',
  'Long Mỹ',
  'Long Tân',
  'Láng Dài',
  'Lộc An',
];
const SEGMENTS = [
  'Gương sáng quanh ta',
  'Nông thôn mới hôm nay',
  'Chuyện làng chuyện xã',
  'An toàn giao thông',
];
const STATUSES = ['draft', 'submitted', 'approved', 'approved', 'approved', 'archived', 'archived'];

const REPORTAGE_COLUMNS = [
  'id',
  'segment_id',
  'title',
  'title_folded',
  'summary',
  'field_id',
  'reporter',
  'recorded_on',
  'status',
  'duration_seconds',
  'created_at',
  'updated_at',
];

type Query = (sql: string, params?: unknown[]) => Promise<unknown>;

async function insertMany(query: Query, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  const batch = Math.floor(30000 / columns.length);
  for (let i = 0; i < rows.length; i += batch) {
    const chunk = rows.slice(i, i + batch);
    const marks = chunk.map(() => `(${columns.map(() => '?').join(',')})`).join(',');
    await query(`INSERT INTO ${table} (${columns.join(',')}) VALUES ${marks}`, chunk.flat());
  }
}

async function fill(db: BenchDatabase): Promise<void> {
  // Applies the migrations, exactly as the service does at start.
  const ds = await openDataSource({ ...dataSourceOptions(db.target), logging: false });
  const runner = ds.createQueryRunner();
  const query: Query = (sql, params) => runner.query(sql, params);
  await query('BEGIN');
  const places: [number, string, string, string, number | null][] = [
    [1, 'Bà Rịa – Vũng Tàu', foldVietnamese('Bà Rịa – Vũng Tàu'), 'province', null],
    [2, 'Đất Đỏ', 'dat do', 'district', 1],
  ];
  const villages: { id: number; name: string }[] = [];
  COMMUNES.forEach((commune, c) => {
    const communeId = 3 + c * 11;
    places.push([communeId, commune, foldVietnamese(commune), 'commune', 2]);
    for (let v = 1; v <= 10; v++) {
      const name = `Ấp ${v} ${commune}`;
      places.push([communeId + v, name, foldVietnamese(name), 'village', communeId]);
      villages.push({ id: communeId + v, name });
    }
  });
  await insertMany(query, 'places', ['id', 'name', 'name_folded', 'level', 'parent_id'], places);
  await insertMany(
    query,
    'segments',
    ['name', 'slug'],
    SEGMENTS.map((s) => [s, foldVietnamese(s).replace(/ /g, '-')]),
  );

  const exemplars: unknown[][] = [];
  const exemplarDocs: unknown[][] = [];
  const exemplarInfo: { name: string; model: string; village: { id: number; name: string } }[] = [];
  for (let id = 1; id <= EXEMPLARS; id++) {
    const model = pick(MODELS);
    const village = pick(villages);
    const name =
      model.kind === 'individual'
        ? `${pick(SURNAMES)} ${pick(MIDDLE)} ${pick(GIVEN)}`
        : `${pick(COLLECTIVE_PREFIXES)} ${village.name}`;
    const fieldId = 1 + Math.floor(rand() * 9);
    const year = 2017 + Math.floor(rand() * 9);
    exemplars.push([
      id,
      name,
      foldVietnamese(name),
      model.kind,
      model.name,
      fieldId,
      village.id,
      pick(['grassroots', 'commune', 'district']),
      year,
      pick(['registered', 'recognised', 'commended', 'replicated']),
    ]);
    exemplarDocs.push([id, foldVietnamese(name), foldVietnamese(`${model.name} ${village.name}`)]);
    exemplarInfo.push({ name, model: model.name, village });
  }
  await insertMany(
    query,
    'exemplars',
    [
      'id',
      'name',
      'name_folded',
      'kind',
      'model_name',
      'field_id',
      'place_id',
      'level',
      'year_registered',
      'status',
    ],
    exemplars,
  );
  await insertMany(query, 'exemplar_search', ['rowid', 'name', 'body'], exemplarDocs);

  let reportages: unknown[][] = [];
  let links: unknown[][] = [];
  let placeLinks: unknown[][] = [];
  let docs: unknown[][] = [];
  // In chunks, so a million rows never sit in memory at once.
  const flush = async () => {
    await insertMany(query, 'reportages', REPORTAGE_COLUMNS, reportages);
    await insertMany(query, 'reportage_exemplars', ['reportage_id', 'exemplar_id'], links);
    await insertMany(query, 'reportage_places', ['reportage_id', 'place_id'], placeLinks);
    await insertMany(query, 'reportage_search', ['rowid', 'title', 'body'], docs);
    [reportages, links, placeLinks, docs] = [[], [], [], []];
  };
  const start = Date.UTC(2017, 0, 1);
  const span = Date.UTC(2026, 10, 1) - start;
  for (let id = 1; id <= REPORTAGES; id++) {
    const exemplarId = 1 + Math.floor(rand() * EXEMPLARS);
    const ex = exemplarInfo[exemplarId - 1];
    const action = pick(ACTIONS);
    const title = pick([
      `Người giữ lửa: ${ex.model.toLowerCase()}`,
      `Khi ${ex.name} bắt tay ${action}`,
      `Chuyện ${action} ở ${ex.village.name}`,
      `${ex.name}: ${action}`,
    ]);
    const summary = `Phóng sự về ${ex.name} với mô hình "${ex.model}" tại ${ex.village.name}.`;
    const created = new Date(start + Math.floor(rand() * span));
    const createdText = created.toISOString().replace('T', ' ').replace('Z', '');
    reportages.push([
      id,
      1 + Math.floor(rand() * 5),
      title,
      foldVietnamese(title),
      summary,
      1 + Math.floor(rand() * 9),
      pick(REPORTERS),
      createdText.slice(0, 10),
      pick(STATUSES),
      180 + Math.floor(rand() * 240),
      createdText,
      createdText,
    ]);
    links.push([id, exemplarId]);
    placeLinks.push([id, ex.village.id]);
    docs.push([
      id,
      foldVietnamese(title),
      foldVietnamese(`${summary} ${ex.name} ${ex.model} ${ex.village.name}`),
    ]);
    if (reportages.length === 50_000) await flush();
  }
  await flush();
  await resetSequences(query, ['places', 'segments', 'exemplars', 'reportages']);
  await query('COMMIT');
  await query('ANALYZE');
  await runner.release();
  await ds.destroy();
}

const dir = mkdtempSync(join(tmpdir(), 'truyenthanh-bench-'));
const db = await benchDatabase(dir);
try {
  let t = performance.now();
  await fill(db);
  console.log(
    `${db.name}: filled ${REPORTAGES} reportages and ${EXEMPLARS} exemplars in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
  if (process.env.BENCH_FILL_ONLY) {
    // For looking at query plans by hand: keep the database and stop here.
    console.log(`database kept: ${JSON.stringify(db.env)}`);
    process.exit(0);
  }

  const { url, child, auth } = await startService({
    ...db.env,
    MEDIA_DIR: join(dir, 'media'),
    REDIS_PREFIX: `tt-bench-${process.pid}`,
  });
  try {
    const q = (text: string) => encodeURIComponent(text);
    const scenarios: [string, string][] = [
      ['baseline: GET /api/health/live', '/api/health/live'],
      // The sign-in check alone (token + session lookup), which every other scenario pays once.
      ['signed-in check: GET /api/auth/me', '/api/auth/me'],
      ['list page 1', '/api/reportages'],
      ['filtered list (segment+status)', '/api/reportages?segmentId=1&status=approved'],
      ['filtered list (place subtree)', '/api/reportages?placeId=3&sort=-recordedOn'],
      ['search "trồng hoa"', `/api/reportages?q=${q('trồng hoa')}`],
      ['search "nha tinh thuong"', `/api/reportages?q=${q('nha tinh thuong')}`],
      ['search "Phước Hải" + status', `/api/reportages?q=${q('Phước Hải')}&status=approved`],
      ['exemplar search "phu nu"', `/api/exemplars?q=${q('phu nu')}`],
    ];
    for (const [, path] of scenarios) {
      const res = await fetch(url + path, { headers: auth });
      const body = (await res.json()) as { total?: number };
      if (!res.ok) throw new Error(`${path} answered ${res.status}`);
      console.log(`  ${path} → ${body.total ?? 'constant'} matching`);
    }
    t = performance.now();
    const results = [];
    for (const [name, path] of scenarios)
      results.push(await load(name, url + path, 16, SECONDS, undefined, auth));
    // Totals are cached until the data changes; these give every request a filter never seen before.
    let k = 0;
    const day = () => new Date(Date.UTC(2017, 0, 1) + (k++ % 3000) * 86_400_000).toISOString().slice(0, 10);
    results.push(
      await load(
        'list, new filter every request',
        url,
        16,
        SECONDS,
        () => `/api/reportages?recordedFrom=${day()}`,
        auth,
      ),
      await load(
        'search, new filter every request',
        url,
        16,
        SECONDS,
        () => `/api/reportages?q=${q('trồng hoa')}&recordedFrom=${day()}`,
        auth,
      ),
    );
    console.log(
      `\n16 connections, ${SECONDS} s per scenario after a 2 s warm-up (${((performance.now() - t) / 1000).toFixed(0)} s in all)\n`,
    );
    printTable(results, results[0]);
    const over = results.slice(1).filter((r) => r.p95 >= TARGET_P95_MS);
    console.log(
      over.length
        ? `\ntarget p95 < ${TARGET_P95_MS} ms: MISSED by ${over.map((r) => r.name).join(', ')}`
        : `\ntarget p95 < ${TARGET_P95_MS} ms: met by every list and search scenario`,
    );
  } finally {
    await stopService(child);
  }
} finally {
  if (!process.env.BENCH_FILL_ONLY) await db.drop();
  rmSync(dir, { recursive: true, force: true });
}
