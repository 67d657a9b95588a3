/** The API's shapes, as documented at /api/docs (only what the screens use). */
export type Role = 'editor' | 'approver' | 'scheduler' | 'operator' | 'admin';
export const ROLES: Role[] = ['editor', 'approver', 'scheduler', 'operator', 'admin'];

export interface Me {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
  mustChangePassword: boolean;
}

export interface SignIn {
  accessToken: string;
  expiresIn: number;
  user: Me;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Ref {
  id: number;
  name: string;
}

export type ReportageStatus = 'draft' | 'submitted' | 'approved' | 'rejected' | 'archived';
export const REPORTAGE_STATUSES: ReportageStatus[] = [
  'draft',
  'submitted',
  'approved',
  'rejected',
  'archived',
];

export type AssetStatus = 'queued' | 'processing' | 'ready' | 'failed' | 'cancelled';

export interface Reportage {
  id: number;
  segment: Ref;
  title: string;
  summary: string | null;
  script?: string | null;
  field: Ref | null;
  exemplars: Ref[];
  places: Ref[];
  reporter: string | null;
  recordedOn: string | null;
  tags: string[];
  validFrom: string | null;
  validUntil: string | null;
  status: ReportageStatus;
  durationSeconds: number | null;
  currentAudio: { id: number; status: AssetStatus } | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface StatusChange {
  id: number;
  action: string;
  fromStatus: ReportageStatus | null;
  toStatus: ReportageStatus;
  reason: string | null;
  actor: string | null;
  createdAt: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  username: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  changes: Record<string, { from?: unknown; to?: unknown }>;
  requestId: string | null;
}

export interface AudioAsset {
  id: number;
  reportageId: number | null;
  originalName: string;
  durationSeconds: number;
  status: AssetStatus;
  progress: number;
  error: string | null;
  loudnessIn: number | null;
  truePeakIn: number | null;
  loudnessRangeIn: number | null;
  loudnessOut: number | null;
  truePeakOut: number | null;
  warnings: string[];
  broadcastDurationSeconds: number | null;
  urls: { self: string; original: string; broadcast: string | null; waveform: string | null };
}

export interface AssetEvent {
  type: 'asset';
  assetId: number;
  reportageId: number | null;
  status: AssetStatus;
  progress: number;
  error?: string | null;
}

export interface Commendation {
  id: number;
  year: number;
  level: string;
  issuingBody: string;
  form: string;
  note: string | null;
}

export interface Exemplar {
  id: number;
  name: string;
  kind: 'individual' | 'collective';
  modelName: string | null;
  field: Ref | null;
  place: Ref | null;
  level: string;
  yearRegistered: number | null;
  status: string;
  commendations: Commendation[];
}

export interface PlaceNode {
  id: number;
  name: string;
  level: string;
  children: PlaceNode[];
}

export interface User {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
  active: boolean;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
  version: number;
}

export interface ErrorDetail {
  field: string;
  code: string;
  message: string;
}
