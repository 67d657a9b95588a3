import type { Database } from '../src/database/database.service.js';
import { random, resetSequences } from './lib.js';

/**
 * The scheduling benches' province: `zones` stations, each with two daily windows (05:30 and 17:00)
 * from January of `year`, holding a 10-minute slot of segment 1, and `reportages` approved reportages
 * with ready audio (3–7 minutes, 10 fields, one commune each, 10 % with a priority). Bulk inserts,
 * through the database's own connection (the service's code is not what is measured here).
 */
export interface ScheduleFill {
  zones: number;
  reportages: number;
  year: number;
}

export async function insertMany(
  db: Database,
  table: string,
  columns: string[],
  rows: unknown[][],
): Promise<void> {
  const batch = Math.floor(30000 / columns.length);
  await db.transaction(async (m) => {
    for (let i = 0; i < rows.length; i += batch) {
      const chunk = rows.slice(i, i + batch);
      const marks = chunk.map(() => `(${columns.map(() => '?').join(',')})`).join(',');
      await m.query(`INSERT INTO ${table} (${columns.join(',')}) VALUES ${marks}`, chunk.flat());
    }
  });
}

export async function fillSchedule(
  db: Database,
  { zones: ZONES, reportages: REPORTAGES, year: YEAR }: ScheduleFill,
): Promise<void> {
  const rand = random(20261123);
  const places: unknown[][] = [[1000, 'Tỉnh thử', 'tinh thu', 'province', null]];
  for (let z = 1; z <= ZONES; z++) places.push([1000 + z, `Xã ${z}`, `xa ${z}`, 'commune', 1000]);
  await insertMany(db, 'places', ['id', 'name', 'name_folded', 'level', 'parent_id'], places);
  const fields = Array.from({ length: 10 }, (_, k) => [100 + k, `Lĩnh vực ${k}`, `linh-vuc-${k}`]);
  await insertMany(db, 'fields', ['id', 'name', 'slug'], fields);
  await insertMany(
    db,
    'zones',
    ['id', 'name', 'kind', 'place_id', 'time_zone'],
    Array.from({ length: ZONES }, (_, k) => [k + 1, `Đài ${k + 1}`, 'station', 1001 + k, 'Asia/Ho_Chi_Minh']),
  );
  const windows: unknown[][] = [];
  const allocations: unknown[][] = [];
  for (let z = 1; z <= ZONES; z++) {
    for (const [k, start, end, slot] of [
      [0, '05:30', '06:00', '05:35'],
      [1, '17:00', '17:30', '17:10'],
    ] as const) {
      const id = z * 2 - 1 + k;
      windows.push([id, z, start, end, `${YEAR}-01-01`, 'FREQ=DAILY']);
      allocations.push([id, id, 1, slot, 600]);
    }
  }
  await insertMany(
    db,
    'broadcast_windows',
    ['id', 'zone_id', 'start_time', 'end_time', 'start_date', 'rrule'],
    windows,
  );
  await insertMany(
    db,
    'segment_allocations',
    ['id', 'window_id', 'segment_id', 'time', 'max_seconds'],
    allocations,
  );
  const reportages: unknown[][] = [];
  const assets: unknown[][] = [];
  const links: unknown[][] = [];
  for (let id = 1; id <= REPORTAGES; id++) {
    const duration = 180 + Math.floor(rand() * 240);
    reportages.push([
      id,
      1,
      `Phóng sự ${id}`,
      `phong su ${id}`,
      100 + (id % 10),
      'approved',
      duration,
      id,
      rand() < 0.1 ? 1 + (id % 3) : null,
    ]);
    assets.push([
      id,
      id,
      'a.wav',
      `originals/${id}`,
      1,
      `sha${id}`,
      '{}',
      duration,
      'ready',
      `broadcast/${id}.mp3`,
      duration,
    ]);
    links.push([id, 1001 + (id % ZONES)]);
  }
  await insertMany(
    db,
    'reportages',
    [
      'id',
      'segment_id',
      'title',
      'title_folded',
      'field_id',
      'status',
      'duration_seconds',
      'current_audio_id',
      'priority',
    ],
    reportages.map((r) => [...r.slice(0, 7), null, r[8]]),
  );
  await insertMany(
    db,
    'audio_assets',
    [
      'id',
      'reportage_id',
      'original_name',
      'original_path',
      'size_bytes',
      'sha256',
      'probe',
      'duration_seconds',
      'status',
      'broadcast_path',
      'broadcast_duration_seconds',
    ],
    assets,
  );
  await db.transaction((m) => m.query('UPDATE reportages SET current_audio_id = id'));
  await insertMany(db, 'reportage_places', ['reportage_id', 'place_id'], links);
  await db.transaction((m) =>
    resetSequences(
      (sql) => m.query(sql),
      ['places', 'fields', 'zones', 'broadcast_windows', 'segment_allocations', 'reportages', 'audio_assets'],
    ),
  );
  // The statistics a database in use has (PostgreSQL's autovacuum gathers them within a minute of a
  // bulk load): without them its planner takes the 5,000-row tables for empty ones.
  await db.transaction((m) => m.query('ANALYZE'));
}
