import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module.js';
import { ExemplarsService } from '../catalog/exemplars/exemplars.service.js';
import { FieldsService } from '../catalog/fields/fields.service.js';
import { PlacesService } from '../catalog/places/places.service.js';
import type { WorkflowAction } from '../catalog/reportages/reportage-workflow.js';
import { ReportagesService } from '../catalog/reportages/reportages.service.js';
import { SegmentsService } from '../catalog/segments/segments.service.js';
import { loadConfig, readDotEnv } from '../config/config.js';
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
 * every rule (validation, search index, history) applies. Deterministic; refuses to run twice.
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

const already = await places.list({ q: PROVINCE, level: 'province', page: 1, pageSize: 1 });
if (already.total > 0) {
  console.log(`Demo data is already in ${config.databasePath}; nothing to do.`);
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

const paths: WorkflowAction[][] = [
  [],
  ['submit'],
  ['submit', 'approve'],
  ['submit', 'approve'],
  ['submit', 'approve', 'archive'],
];
for (let i = 0; i < 48; i++) {
  const ex = pick(exemplarIds, i * 5);
  const title = pick(TITLE_TEMPLATES, i)
    .replace('{model}', ex.model.toLowerCase())
    .replace('{exemplar}', ex.name)
    .replace('{action}', pick(ACTIONS, i))
    .replace('{place}', ex.placeName);
  const year = 2018 + (i % 8);
  const month = String((i % 12) + 1).padStart(2, '0');
  const created = await reportages.create({
    segmentId: segment.id,
    title,
    summary: `Phóng sự về ${ex.name} với mô hình "${ex.model}" tại ${ex.placeName}.`,
    exemplarIds: [ex.id],
    fieldId: ex.field,
    placeIds: [ex.place],
    reporter: pick(REPORTERS, i),
    recordedOn: `${year}-${month}-1${i % 9}`,
    tags: ['05', 'Hoa giữa đời thường'],
  });
  let version = created.version;
  for (const action of pick(paths, i))
    version = (await reportages.transition(created.id, action, { version, reason: null })).version;
}

console.log(
  `Demo data written to ${config.databasePath}: ${2 + COMMUNES.length * 3} places, ${exemplarIds.length} exemplars, 48 reportages.`,
);
await app.close();
