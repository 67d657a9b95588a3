import type { components } from './api-schema';

/**
 * The API's shapes, generated from its OpenAPI document (`npm run api:types` writes api-schema.d.ts;
 * src/cli/api-types.spec.ts fails when it no longer matches the server). Only the events of
 * /api/events and the error body are written here: the document does not describe them.
 */
export type Schemas = components['schemas'];

export type Me = Schemas['MeView'];
export type Role = Me['roles'][number];
export const ROLES: Role[] = ['editor', 'approver', 'scheduler', 'operator', 'admin'];

export type SignIn = Schemas['SignInView'];

/** Every paged list (ReportagePage, ZonePage, …) has this shape. */
export interface Page<T> {
  items: T[];
  total: number;
  /** Set when there are more than `total` (the API counts no further than 1,000). */
  totalIsLowerBound?: true;
  page: number;
  pageSize: number;
}

export type Ref = Schemas['RefView'];

export type Reportage = Schemas['ReportageView'];
export type ReportageStatus = Reportage['status'];
export const REPORTAGE_STATUSES: ReportageStatus[] = [
  'draft',
  'submitted',
  'approved',
  'rejected',
  'archived',
];

export type StatusChange = Schemas['StatusChangeView'];
export type AuditEntry = Schemas['AuditEntryView'];

export type AudioAsset = Schemas['AudioAssetView'];
export type AssetStatus = AudioAsset['status'];

/** An `asset` event on GET /api/events (src/events/events.service.ts). */
export interface AssetEvent {
  type: 'asset';
  assetId: number;
  reportageId: number | null;
  status: AssetStatus;
  progress: number;
  error?: string | null;
}

export type Commendation = Schemas['CommendationView'];
export type Exemplar = Schemas['ExemplarView'];
export type PlaceNode = Schemas['PlaceNode'];
export type User = Schemas['UserView'];

/** One field's problem in an error answer `{ statusCode, error, code, message, details?, requestId }`. */
export interface ErrorDetail {
  field: string;
  code: string;
  message: string;
}
