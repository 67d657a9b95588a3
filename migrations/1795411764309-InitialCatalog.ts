import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import {
  bookkeeping,
  fk,
  idColumn,
  intType,
  insertRows,
  integer,
  isSqlite,
  text,
  realType,
  timestampType,
} from './schema-helpers.js';

/** Places, fields (lĩnh vực), segments (chuyên mục), exemplars (điển hình), reportages (phóng sự), search. */
export class InitialCatalog1795411764309 implements MigrationInterface {
  name = 'InitialCatalog1795411764309';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'places',
        columns: [
          idColumn(q),
          text('name', 200),
          text('name_folded', 200),
          text('level', 16),
          text('code', 32, true),
          integer(q, 'parent_id', true),
          ...bookkeeping(q),
        ],
        foreignKeys: [fk('parent_id', 'places')],
        indices: [{ columnNames: ['parent_id'] }, { columnNames: ['name_folded'] }],
      }),
    );

    await q.createTable(
      new Table({
        name: 'fields',
        columns: [
          idColumn(q),
          text('name', 200),
          text('slug', 120),
          { name: 'description', type: 'text', isNullable: true },
          integer(q, 'sort_order', false, 0),
          { name: 'active', type: 'boolean', default: true },
          ...bookkeeping(q),
        ],
        uniques: [{ columnNames: ['name'] }, { columnNames: ['slug'] }],
      }),
    );

    await q.createTable(
      new Table({
        name: 'segments',
        columns: [
          idColumn(q),
          text('name', 200),
          text('slug', 120),
          { name: 'description', type: 'text', isNullable: true },
          integer(q, 'min_duration_seconds', true),
          integer(q, 'max_duration_seconds', true),
          { name: 'active', type: 'boolean', default: true },
          ...bookkeeping(q),
        ],
        uniques: [{ columnNames: ['name'] }, { columnNames: ['slug'] }],
      }),
    );

    await q.createTable(
      new Table({
        name: 'exemplars',
        columns: [
          idColumn(q),
          text('name', 300),
          text('name_folded', 300),
          text('kind', 16),
          text('model_name', 500, true),
          { name: 'model_description', type: 'text', isNullable: true },
          integer(q, 'field_id', true),
          integer(q, 'place_id', true),
          text('level', 16),
          integer(q, 'year_registered', true),
          text('status', 16),
          { name: 'notes', type: 'text', isNullable: true },
          ...bookkeeping(q),
        ],
        foreignKeys: [fk('field_id', 'fields'), fk('place_id', 'places')],
        indices: [
          { columnNames: ['created_at'] },
          { columnNames: ['name_folded'] },
          { columnNames: ['field_id'] },
          { columnNames: ['place_id'] },
          { columnNames: ['kind', 'level'] },
          { columnNames: ['status'] },
          { columnNames: ['year_registered'] },
        ],
      }),
    );

    await q.createTable(
      new Table({
        name: 'exemplar_commendations',
        columns: [
          idColumn(q),
          integer(q, 'exemplar_id'),
          integer(q, 'year'),
          text('level', 16),
          text('issuing_body', 300),
          text('form', 32),
          { name: 'note', type: 'text', isNullable: true },
        ],
        foreignKeys: [fk('exemplar_id', 'exemplars', 'CASCADE')],
        indices: [{ columnNames: ['exemplar_id'] }],
      }),
    );

    await q.createTable(
      new Table({
        name: 'reportages',
        columns: [
          idColumn(q),
          integer(q, 'segment_id'),
          text('title', 300),
          text('title_folded', 300),
          { name: 'summary', type: 'text', isNullable: true },
          { name: 'script', type: 'text', isNullable: true },
          integer(q, 'field_id', true),
          text('reporter', 200, true),
          text('recorded_on', 10, true),
          { name: 'tags', type: 'text', default: "'[]'" },
          text('valid_from', 10, true),
          text('valid_until', 10, true),
          text('status', 16),
          { name: 'duration_seconds', type: realType(q), isNullable: true },
          ...bookkeeping(q),
        ],
        foreignKeys: [fk('segment_id', 'segments'), fk('field_id', 'fields')],
        indices: [
          { columnNames: ['created_at'] },
          { columnNames: ['updated_at'] },
          { columnNames: ['title_folded'] },
          { columnNames: ['recorded_on'] },
          { columnNames: ['reporter'] },
          { columnNames: ['segment_id', 'created_at'] },
          { columnNames: ['status', 'created_at'] },
          { columnNames: ['field_id', 'created_at'] },
        ],
      }),
    );

    for (const [table, column, target, onDelete] of [
      ['reportage_exemplars', 'exemplar_id', 'exemplars', 'RESTRICT'],
      ['reportage_places', 'place_id', 'places', 'RESTRICT'],
    ] as const) {
      await q.createTable(
        new Table({
          name: table,
          columns: [
            { name: 'reportage_id', type: intType(q), isPrimary: true },
            { name: column, type: intType(q), isPrimary: true },
          ],
          foreignKeys: [fk('reportage_id', 'reportages', 'CASCADE'), fk(column, target, onDelete)],
          indices: [{ columnNames: [column] }],
        }),
      );
    }

    await q.createTable(
      new Table({
        name: 'reportage_status_changes',
        columns: [
          idColumn(q),
          integer(q, 'reportage_id'),
          text('action', 16),
          text('from_status', 16, true),
          text('to_status', 16),
          { name: 'reason', type: 'text', isNullable: true },
          text('actor', 200, true),
          { name: 'created_at', type: timestampType(q), default: 'CURRENT_TIMESTAMP' },
        ],
        foreignKeys: [fk('reportage_id', 'reportages', 'CASCADE')],
        indices: [{ columnNames: ['reportage_id'] }],
      }),
    );

    if (isSqlite(q)) {
      // Full-text search over a folded (no case, no diacritics, đ→d) copy of the text; rowid = the
      // record's id. The folding is done in code (src/common/text.ts) so it is the same everywhere.
      // Prefix indexes serve the last word typed ("trong ho" → "trong" "ho"*) without expanding it.
      await q.query(
        `CREATE VIRTUAL TABLE reportage_search USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3')`,
      );
      await q.query(
        `CREATE VIRTUAL TABLE exemplar_search USING fts5(name, body, tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3')`,
      );
    } else {
      // The same folded text, kept by the same code (search-index.service.ts), in plain tables whose
      // `rowid` column is the record's id. The `simple` configuration neither stems nor drops words,
      // and letters and digits are its only tokens (as in FTS5's unicode61): a search for folded words
      // finds what it finds on SQLite. Generated tsvectors: one for the title, one for the whole text.
      for (const [table, title] of [
        ['reportage_search', 'title'],
        ['exemplar_search', 'name'],
      ]) {
        const words = (column: string) => `regexp_replace(${column}, '[^[:alnum:]]+', ' ', 'g')`;
        await q.query(
          `CREATE TABLE ${table} (
             rowid bigint PRIMARY KEY,
             ${title} text NOT NULL,
             body text NOT NULL,
             title_tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', ${words(title)})) STORED,
             doc_tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', ${words(`${title} || ' ' || body`)})) STORED
           )`,
        );
        await q.query(`CREATE INDEX ${table}_title_tsv ON ${table} USING gin (title_tsv)`);
        await q.query(`CREATE INDEX ${table}_doc_tsv ON ${table} USING gin (doc_tsv)`);
      }
    }

    const fields = [
      ['Phát triển kinh tế – xã hội', 'phat-trien-kinh-te-xa-hoi'],
      ['Thi đua lao động sản xuất', 'thi-dua-lao-dong-san-xuat'],
      ['Xây dựng nông thôn mới', 'xay-dung-nong-thon-moi'],
      ['Chăm lo người nghèo', 'cham-lo-nguoi-ngheo'],
      ['Môi trường xanh – sạch – đẹp', 'moi-truong-xanh-sach-dep'],
      ['Học bổng cho học sinh nghèo', 'hoc-bong-cho-hoc-sinh-ngheo'],
      ['Bảo hiểm y tế cho hộ khó khăn', 'bao-hiem-y-te-cho-ho-kho-khan'],
      ['Nhà tình thương', 'nha-tinh-thuong'],
      ['Chăm lo gia đình chính sách', 'cham-lo-gia-dinh-chinh-sach'],
    ];
    await insertRows(
      q,
      'fields',
      fields.map(([name, slug], i) => ({ name, slug, sort_order: i + 1 })),
    );
    await insertRows(q, 'segments', [
      {
        name: 'Hoa giữa đời thường',
        slug: 'hoa-giua-doi-thuong',
        description:
          'Chuyên mục phóng sự về điển hình tiêu biểu, mô hình hay trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.',
        min_duration_seconds: 180,
        max_duration_seconds: 420,
      },
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS exemplar_search');
    await q.query('DROP TABLE IF EXISTS reportage_search');
    for (const table of [
      'reportage_status_changes',
      'reportage_places',
      'reportage_exemplars',
      'reportages',
      'exemplar_commendations',
      'exemplars',
      'segments',
      'fields',
      'places',
    ]) {
      await q.dropTable(table);
    }
  }
}
