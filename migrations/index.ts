import { InitialCatalog1795411764309 } from './1795411764309-InitialCatalog.js';

/** Every migration, oldest first. Listed by hand so the ESM build needs no file globbing. */
export const MIGRATIONS = [InitialCatalog1795411764309];
