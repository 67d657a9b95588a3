import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Each table has one owner, the feature whose repositories write it; other features go through that
 * feature's services or published read models. `placements.status` has one writer. ESLint keeps SQL
 * and entity-manager calls inside `*.repository.ts` files and src/database (eslint.config.js); this
 * test reads every source file and checks who writes what.
 */
const OWNER: Record<string, string> = {
  places: 'catalog',
  fields: 'catalog',
  segments: 'catalog',
  exemplars: 'catalog',
  exemplar_commendations: 'catalog',
  exemplar_search: 'catalog',
  reportages: 'catalog',
  reportage_exemplars: 'catalog',
  reportage_places: 'catalog',
  reportage_status_changes: 'catalog',
  reportage_search: 'catalog',
  reportage_imports: 'catalog',
  audio_assets: 'media',
  users: 'accounts',
  sessions: 'accounts',
  audit_log: 'audit',
  settings: 'database',
  zones: 'scheduling',
  broadcast_windows: 'scheduling',
  segment_allocations: 'scheduling',
  plans: 'scheduling',
  placements: 'scheduling',
  bulletins: 'playout',
  as_run_entries: 'playout',
  // The write probe of src/database (a table created and dropped inside one rolled-back transaction).
  write_probe: 'database',
};

const SRC = join(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

const files = sources(SRC).map((path) => ({
  path: relative(SRC, path),
  feature: relative(SRC, path).split('/')[0],
  text: readFileSync(path, 'utf8'),
}));

/** Entity class → table, from the `@Entity('table')` decorators. */
const ENTITY_TABLE = new Map<string, string>();
for (const file of files)
  for (const [, table, cls] of file.text.matchAll(/@Entity\('([a-z_]+)'\)\s*export class (\w+)/g))
    ENTITY_TABLE.set(cls, table);

/** Tables a file writes: through SQL, or through an entity manager given the entity class. */
function writtenTables(text: string): string[] {
  const sql = [
    ...text.matchAll(/\b(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|REPLACE\s+INTO|UPDATE|DELETE\s+FROM)\s+([a-z_]+)/g),
  ];
  const orm = [
    ...text.matchAll(/\.(?:save|insert|update|upsert|delete|remove|increment|decrement)\(\s*([A-Z]\w+)\s*,/g),
    ...text.matchAll(/\.(?:save|insert)\(\s*\w+\.create\(\s*([A-Z]\w+)\s*,/g),
    // The query builder: .insert().into(Entity), .update(Entity), .delete().from(Entity).
    ...text.matchAll(/\.(?:into|from)\(\s*([A-Z]\w+)\s*\)/g),
  ];
  // A row inserted by table name (src/database/sql.ts insertRow).
  const named = [...text.matchAll(/insertRow\(\s*\w+\s*,\s*'([a-z_]+)'/g)];
  return [
    ...named.map(([, table]) => table),
    ...sql.map(([, table]) => table).filter((table) => table !== 'SET' && !/^[A-Z]/.test(table)),
    ...orm.map(([, cls]) => ENTITY_TABLE.get(cls)).filter((table): table is string => !!table),
  ];
}

describe('table ownership', () => {
  it('knows an owner for every table the code writes', () => {
    const unknown = files.flatMap((f) =>
      writtenTables(f.text)
        .filter((t) => !OWNER[t])
        .map((t) => `${f.path}: ${t}`),
    );
    expect(unknown).toEqual([]);
  });

  it("writes a table only from its owner's repositories (migrations aside)", () => {
    const trespass = files.flatMap((f) =>
      writtenTables(f.text)
        .filter((table) => OWNER[table] && OWNER[table] !== f.feature)
        .map((table) => `${f.path} writes ${table} (owned by ${OWNER[table]})`),
    );
    expect([...new Set(trespass)]).toEqual([]);
  });

  it('has one writer of placements.status', () => {
    const writers = files
      .filter(
        (f) =>
          /UPDATE\s+placements\s+SET[^`'"]*\bstatus\s*=/.test(f.text) ||
          /\.update\(\s*Placement\s*,[^)]*\bstatus\s*:/.test(f.text),
      )
      .map((f) => f.path);
    expect(writers).toEqual(['scheduling/placement-status.repository.ts']);
  });
});
