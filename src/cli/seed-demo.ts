import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { EntityManager } from 'typeorm';
import { AppModule } from '../app.module.js';
import { ExemplarsService } from '../catalog/exemplars/exemplars.service.js';
import { FieldsService } from '../catalog/fields/fields.service.js';
import { PlacesService } from '../catalog/places/places.service.js';
import type { WorkflowAction } from '../catalog/reportages/reportage-workflow.js';
import { ReportagesService } from '../catalog/reportages/reportages.service.js';
import { SegmentsService } from '../catalog/segments/segments.service.js';
import { loadConfig, readDotEnv } from '../config/config.js';
import { AsRunRepository } from '../playout/as-run.repository.js';
import { PlacementStatusRepository } from '../scheduling/placement-status.repository.js';
import { ZonesRepository } from '../scheduling/zones.repository.js';
import { Database } from '../database/database.service.js';
import { demoHistory, HISTORY_FROM, HISTORY_TO } from './demo-airings.js';
import {
  ACTIONS,
  COLLECTIVE_PREFIXES,
  COMMUNES,
  DISTRICT,
  GIVEN_NAMES,
  MODELS,
  PROVINCE,
  REPORTERS,
  TITLE_TEMPLATES,
} from './demo-data.js';

/**
 * `npm run seed:demo`: a realistic demo catalog, written through the same services the API uses so
 * every rule (validation, search index, history) applies, and five years of the column's airings on
 * the communes' stations. Deterministic; refuses to run twice.
 *
 * Approval needs ready audio, and demo reportages have no audio files: the reportages that are
 * approved here were approved and aired before this system existed (the column ran 2017–2025), so
 * their approval is written as history (ReportagesService.approveAsHistory), next to the placements
 * and as-run entries that were likewise made before it. Nothing in the demo can be approved through
 * the API without audio.
 */
readDotEnv();
const config = loadConfig();
const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), {
  logger: ['error', 'warn'],
});
const places = app.get(PlacesService);
const fields = app.get(FieldsService);
const segments = app.get(SegmentsService);
const exemplars = app.get(ExemplarsService);
const reportages = app.get(ReportagesService);
const db = app.get(Database);

const already = await places.list({ q: PROVINCE, level: 'province', page: 1, pageSize: 1 });
if (already.total > 0) {
  console.log(
    `Demo data is already in ${config.databaseUrl ? 'the PostgreSQL database (DATABASE_URL)' : config.databasePath}; nothing to do.`,
  );
  await app.close();
  process.exit(0);
}

const pick = <T>(list: T[], i: number) => list[i % list.length];

const province = await places.create({ name: PROVINCE, level: 'province' });
const district = await places.create({ name: DISTRICT, level: 'district', parentId: province.id });
const communeIds: number[] = [];
const villageIds: number[] = [];
for (const commune of COMMUNES) {
  const c = await places.create({ name: commune.name, level: 'commune', parentId: district.id });
  communeIds.push(c.id);
  for (const village of commune.villages)
    villageIds.push((await places.create({ name: village, level: 'village', parentId: c.id })).id);
}

const fieldBySlug = new Map((await fields.list({ page: 1, pageSize: 100 })).items.map((f) => [f.slug, f.id]));
const segment = (await segments.list({ page: 1, pageSize: 100 })).items.find(
  (s) => s.slug === 'hoa-giua-doi-thuong',
);
if (!segment) throw new Error('the segment "Hoa giữa đời thường" is missing: run the migrations first');

const levels = ['grassroots', 'grassroots', 'commune', 'district'] as const;
const statuses = ['registered', 'recognised', 'commended', 'replicated'] as const;
const exemplarIds: {
  id: number;
  name: string;
  model: string;
  field: number;
  place: number;
  placeName: string;
}[] = [];
for (let i = 0; i < 36; i++) {
  const model = pick(MODELS, i);
  const communeIndex = i % COMMUNES.length;
  const villageIndex = communeIndex * 2 + (i % 2);
  const placeName = COMMUNES[communeIndex].villages[i % 2];
  const name =
    model.kind === 'individual'
      ? pick(GIVEN_NAMES, i)
      : `${pick(COLLECTIVE_PREFIXES, i)} ${placeName.replace(/^(Ấp|Khu phố) /, 'ấp ')}`;
  const status = pick([...statuses], i);
  const year = 2017 + (i % 8);
  const created = await exemplars.create({
    name,
    kind: model.kind,
    modelName: model.name,
    modelDescription: `Mô hình "${model.name}" do ${name} khởi xướng tại ${placeName}, xã ${COMMUNES[communeIndex].name}.`,
    fieldId: fieldBySlug.get(model.field),
    placeId: villageIds[villageIndex],
    level: pick([...levels], i),
    yearRegistered: year,
    status,
    commendations:
      status === 'commended' || status === 'replicated'
        ? [
            {
              year: year + 1,
              level: 'district',
              issuingBody: `UBND huyện ${DISTRICT}`,
              form: i % 3 === 0 ? 'certificate_of_honour' : 'certificate_of_merit',
            },
          ]
        : [],
  });
  exemplarIds.push({
    id: created.id,
    name,
    model: model.name,
    field: fieldBySlug.get(model.field) ?? 0,
    place: villageIds[villageIndex],
    placeName,
  });
}

/** A reportage of the column about one demo exemplar, its title from the templates. */
const reportageAbout = (
  ex: (typeof exemplarIds)[number],
  template: number,
  action: number,
  extra: { reporter: string | null; recordedOn: string },
) =>
  reportages.create({
    segmentId: segment.id,
    title: pick(TITLE_TEMPLATES, template)
      .replace('{model}', ex.model.toLowerCase())
      .replace('{exemplar}', ex.name)
      .replace('{action}', pick(ACTIONS, action))
      .replace('{place}', ex.placeName),
    summary: `Phóng sự về ${ex.name} với mô hình "${ex.model}" tại ${ex.placeName}.`,
    exemplarIds: [ex.id],
    fieldId: ex.field,
    placeIds: [ex.place],
    tags: ['05', 'Hoa giữa đời thường'],
    ...extra,
  });

const paths: WorkflowAction[][] = [
  [],
  ['submit'],
  ['submit', 'approve'],
  ['submit', 'approve'],
  ['submit', 'approve', 'archive'],
];
for (let i = 0; i < 48; i++) {
  const year = 2018 + (i % 8);
  const month = String((i % 12) + 1).padStart(2, '0');
  const created = await reportageAbout(pick(exemplarIds, i * 5), i, i, {
    reporter: pick(REPORTERS, i),
    recordedOn: `${year}-${month}-1${i % 9}`,
  });
  let version = created.version;
  for (const action of pick(paths, i))
    version =
      action === 'approve'
        ? await db.transaction((m) => approveAsHistory(m, created.id))
        : (await reportages.transition(created.id, action, { version, reason: null })).version;
}

// Five years of the column: reportages about the first 32 exemplars (the last four are registered but
// never featured), submitted through the services, then approved and aired as history.
const FEATURED = 32;
const history = demoHistory({
  featured: FEATURED,
  communeOf: (i) => i % COMMUNES.length,
  communes: COMMUNES.length,
});
const aired: { id: number; airings: (typeof history)[number]['airings'] }[] = [];
for (const [i, item] of history.entries()) {
  const created = await reportageAbout(exemplarIds[item.exemplarIndex], i + 2, i + 3, {
    // A few old records do not say who made them.
    reporter: i % 23 === 22 ? null : pick(REPORTERS, i),
    recordedOn: item.recordedOn,
  });
  await reportages.transition(created.id, 'submit', { version: created.version, reason: null });
  aired.push({ id: created.id, airings: item.airings });
}

const counts = await db.transaction(async (m) => {
  const zones = app.get(ZonesRepository);
  const placementStatus = app.get(PlacementStatusRepository);
  const asRun = app.get(AsRunRepository);
  // One station (đài truyền thanh) per commune; its operator confirmed each airing by hand.
  const zoneIds = [];
  for (const [i, commune] of COMMUNES.entries())
    zoneIds.push(
      await zones.addRow(m, {
        name: `Đài truyền thanh ${commune.name.startsWith('Thị trấn') ? commune.name.replace('Thị trấn', 'thị trấn') : `xã ${commune.name}`}`,
        kind: 'station',
        place_id: communeIds[i],
        time_zone: 'Asia/Ho_Chi_Minh',
        playout: '{"driver":"manual"}',
      }),
    );
  let placements = 0;
  for (const { id, airings } of aired) {
    await approveAsHistory(m, id);
    let firstId: number | null = null;
    for (const a of airings) {
      const placementId = await placementStatus.recordPast(m, {
        zone_id: zoneIds[a.communeIndex],
        reportage_id: id,
        starts_at: a.startsAt,
        ends_at: a.endsAt,
        duration_seconds: a.seconds,
        status: a.result === 'missed' ? 'missed' : 'aired',
        is_reair: a.isReair ? 1 : 0,
        first_airing_id: a.isReair ? firstId : null,
      });
      firstId ??= placementId;
      await asRun.addRow(m, {
        placement_id: placementId,
        zone_id: zoneIds[a.communeIndex],
        scheduled_at: a.startsAt,
        started_at: a.result === 'missed' ? null : a.startsAt,
        ended_at: a.result === 'missed' ? null : a.endsAt,
        played_seconds: a.playedSeconds,
        result: a.result,
        driver: 'manual',
        confirmed_at: a.endsAt,
        note:
          a.result === 'missed' ? 'Mất điện, không phát được (sổ phát sóng)' : 'Theo sổ phát sóng của đài',
      });
      placements++;
    }
  }
  return { zones: zoneIds.length, placements };
});

console.log(
  `Demo data written to ${config.databaseUrl ? 'the PostgreSQL database (DATABASE_URL)' : config.databasePath}: ${2 + COMMUNES.length * 3} places, ${exemplarIds.length} exemplars, ` +
    `${48 + aired.length} reportages; ${counts.zones} commune stations with ${counts.placements} airings of ` +
    `${aired.length} reportages of the column from ${HISTORY_FROM} to ${HISTORY_TO}.`,
);
await app.close();

/** An approval given before this system existed (see the top of this file). Returns the new version. */
function approveAsHistory(m: EntityManager, id: number): Promise<number> {
  return reportages.approveAsHistory(m, id, {
    reason: 'Đã duyệt và phát trước khi có hệ thống (dữ liệu mẫu).',
    actor: 'Dữ liệu mẫu',
  });
}
