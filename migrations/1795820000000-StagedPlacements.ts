import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isSqlite } from './schema-helpers.js';

/**
 * Plans applied in chunks (issue 15): a plan's placements are first written `staged` (invisible to
 * listings, exports and playout, but holding air time), then turned `planned` once the plan is applied.
 * PostgreSQL's overlap guard covers staged rows too; a partial index finds a plan's staged rows.
 */
export class StagedPlacements1795820000000 implements MigrationInterface {
  name = 'StagedPlacements1795820000000';

  async up(q: QueryRunner): Promise<void> {
    // Partial: only the rows of an apply in progress are in it.
    await q.query("CREATE INDEX placements_staged ON placements (plan_id) WHERE status = 'staged'");
    if (!isSqlite(q)) {
      await q.query('ALTER TABLE placements DROP CONSTRAINT placements_no_overlap');
      await q.query(
        `ALTER TABLE placements ADD CONSTRAINT placements_no_overlap
           EXCLUDE USING gist (zone_id WITH =, tstzrange(starts_at, ends_at) WITH &&)
           WHERE (status IN ('planned', 'on_air', 'staged'))`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    if (!isSqlite(q)) {
      await q.query('ALTER TABLE placements DROP CONSTRAINT placements_no_overlap');
      await q.query(
        `ALTER TABLE placements ADD CONSTRAINT placements_no_overlap
           EXCLUDE USING gist (zone_id WITH =, tstzrange(starts_at, ends_at) WITH &&)
           WHERE (status IN ('planned', 'on_air'))`,
      );
    }
    await q.query('DROP INDEX placements_staged');
  }
}
