import { InitialCatalog1795411764309 } from './1795411764309-InitialCatalog.js';
import { AudioAssets1795416000000 } from './1795416000000-AudioAssets.js';
import { Accounts1795500000000 } from './1795500000000-Accounts.js';
import { Scheduling1795600000000 } from './1795600000000-Scheduling.js';
import { Playout1795700000000 } from './1795700000000-Playout.js';
import { ReportageImports1795815000000 } from './1795815000000-ReportageImports.js';
import { StagedPlacements1795820000000 } from './1795820000000-StagedPlacements.js';
import { CatalogSortIndexes1795830000000 } from './1795830000000-CatalogSortIndexes.js';

/** Every migration, oldest first. Listed by hand so the ESM build needs no file globbing. */
export const MIGRATIONS = [
  InitialCatalog1795411764309,
  AudioAssets1795416000000,
  Accounts1795500000000,
  Scheduling1795600000000,
  Playout1795700000000,
  ReportageImports1795815000000,
  StagedPlacements1795820000000,
  CatalogSortIndexes1795830000000,
];
