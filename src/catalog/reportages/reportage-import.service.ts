import {
  HttpStatus,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { parse, type Options, type Parser } from 'csv-parse';
import { setTimeout as pause } from 'node:timers/promises';
import { AuditService } from '../../audit/audit.service.js';
import { isForeignKeyViolation } from '../../common/db-errors.js';
import { AppError, type ErrorDetail } from '../../common/errors.js';
import { currentRequest } from '../../common/request-context.js';
import { foldVietnamese, toNfc } from '../../common/text.js';
import { parseVietnameseDate } from '../../common/time.js';
import { flattenValidationErrors } from '../../common/validation.js';
import { Database } from '../../database/database.service.js';
import { reportageDocument, SearchIndex, type ReportageDocument } from '../search/search-index.service.js';
import { CreateReportageDto } from './dto/reportage.dto.js';
import {
  ReportageImportRepository,
  type ImportedReportage,
  type NamedExemplar,
  type NamedRecord,
} from './reportage-import.repository.js';
import { newReportageColumns, type ReportageInput } from './reportages.service.js';

/** The archive's columns, in the order the template lists them. `*` marks required ones. */
export const IMPORT_COLUMNS = [
  'title',
  'segment',
  'summary',
  'script',
  'field',
  'exemplars',
  'places',
  'reporter',
  'recordedOn',
  'tags',
  'validFrom',
  'validUntil',
  'status',
] as const;
type Column = (typeof IMPORT_COLUMNS)[number];
const REQUIRED: Column[] = ['title', 'segment'];
const DTO_TO_COLUMN: Record<string, Column> = {
  segmentId: 'segment',
  fieldId: 'field',
  exemplarIds: 'exemplars',
  placeIds: 'places',
};
/** Imported rows are history: they arrive as drafts or archived, never approved (approval is recorded, not imported). */
const IMPORT_STATUSES: Record<string, 'draft' | 'archived'> = {
  draft: 'draft',
  'ban nhap': 'draft',
  nhap: 'draft',
  archived: 'archived',
  'luu tru': 'archived',
};
const MAX_ROWS = 100_000;
/**
 * Rows per write transaction. Each chunk commits on its own (SQLite has one writer: the sign-ins,
 * placements and airing claims queued meanwhile run between two chunks), tagged with the import's id.
 */
const CHUNK_ROWS = 500;
/**
 * Checking and preparing rows is CPU work on the event loop: after {@link TURN_MS} of it, the loop is
 * left to the requests served meanwhile for {@link PAUSE_MS}. A pause (a timer, not setImmediate) lets
 * the loop wait for I/O: a request's transaction gets several of its queries answered per pause, where
 * it would get one per turn otherwise, and on SQLite every other write waits behind that transaction.
 */
const TURN_MS = 5;
const PAUSE_MS = 1;
/** CSV characters parsed per slice (about 1 ms each). */
const CHARS_PER_SLICE = 16 * 1024;
/** A running import whose last chunk is older than this was cut short (its process died): it is removed. */
const ABANDONED_AFTER_MS = 60_000;
const SWEEP_EVERY_MS = 60_000;

export interface ImportResult {
  dryRun: boolean;
  rows: number;
  created: number;
  ids: number[];
}

/** A name (any case or diacritics), a slug, or `#id` → the record's id, or why not. */
class NameIndex {
  private readonly byKey = new Map<string, number[]>();
  private readonly ids = new Set<number>();

  constructor(
    readonly label: string,
    rows: NamedRecord[],
  ) {
    for (const row of rows) {
      this.ids.add(row.id);
      for (const key of new Set([foldVietnamese(row.name), row.slug ?? ''].filter(Boolean))) {
        this.byKey.set(key, [...(this.byKey.get(key) ?? []), row.id]);
      }
    }
  }

  resolve(text: string): number | string {
    const idMatch = text.match(/^#(\d+)$/);
    if (idMatch)
      return this.ids.has(Number(idMatch[1])) ? Number(idMatch[1]) : `không có ${this.label} mã ${text}`;
    const found = this.byKey.get(foldVietnamese(text)) ?? [];
    if (found.length === 1) return found[0];
    if (found.length === 0) return `không tìm thấy ${this.label} "${text}"`;
    return `có ${found.length} ${this.label} cùng tên "${text}"; hãy ghi mã dạng #${found[0]}`;
  }
}

/**
 * The CSV import of an archive. All or nothing, without holding the database for the whole file:
 * every row is parsed and checked first, outside any transaction (any error: 422, nothing written);
 * then the rows are written in chunks of {@link CHUNK_ROWS}, each its own short transaction with
 * multi-row INSERTs (reportages, links, first history entry, search documents), each row tagged
 * with the import's id. The import is a row of `reportage_imports`: running, then done (with one
 * audit entry for the whole import) in one last transaction. When a chunk fails (disk full, a
 * referenced record deleted meanwhile), what the import wrote is deleted chunk by chunk and it is
 * marked failed before the error is answered; an import left running by a process that died is
 * removed the same way at start-up and every minute ({@link ABANDONED_AFTER_MS}).
 *
 * While an import runs, its committed chunks are visible (lists, search): they are drafts and
 * archived reportages, which never air, and a failed import takes them away again within seconds.
 */
@Injectable()
export class ReportageImportService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ReportageImportService.name);
  /** Imports this process is writing: never swept as abandoned. */
  private readonly running = new Set<number>();
  private sweeper?: NodeJS.Timeout;

  constructor(
    private readonly db: Database,
    private readonly references: ReportageImportRepository,
    private readonly search: SearchIndex,
    private readonly audit: AuditService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.sweep();
    this.sweeper = setInterval(() => void this.sweep(), SWEEP_EVERY_MS);
    this.sweeper.unref();
  }

  beforeApplicationShutdown(): void {
    clearInterval(this.sweeper);
  }

  /** Validates every row; writes all of them (in chunks), or none when any row is wrong or a write fails. */
  async import(csv: Buffer, dryRun: boolean): Promise<ImportResult> {
    const records = await this.parse(csv);
    const indexes = await this.loadIndexes();
    const inputs: ReportageInput[] = [];
    const errors: ErrorDetail[] = [];
    const turn = turns();
    for (const [i, record] of records.entries()) {
      await turn();
      const row = i + 2; // row 1 is the header, as a spreadsheet numbers it
      const { input, problems } = await this.toInput(record, indexes);
      errors.push(...problems.map((p) => ({ ...p, row })));
      if (input) inputs.push(input);
    }
    if (errors.length) {
      const rows = new Set(errors.map((e) => e.row)).size;
      throw new AppError(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'IMPORT_INVALID',
        `Tệp có ${errors.length} lỗi ở ${rows} dòng; chưa ghi dòng nào. Sửa các lỗi được liệt kê rồi nhập lại.`,
        errors,
      );
    }
    if (dryRun) return { dryRun, rows: records.length, created: 0, ids: [] };
    const ids = await this.write(await this.prepare(inputs, indexes));
    return { dryRun, rows: records.length, created: ids.length, ids };
  }

  /** The rows to insert and their search documents (as SearchIndex builds them), built before any write. */
  private async prepare(
    inputs: ReportageInput[],
    indexes: Awaited<ReturnType<ReportageImportService['loadIndexes']>>,
  ): Promise<{ rows: ImportedReportage[]; documents: ReportageDocument[] }> {
    const editedBy = currentRequest().actor?.id ?? null;
    const rows: ImportedReportage[] = [];
    const documents: ReportageDocument[] = [];
    const turn = turns();
    const names = (ids: number[], name: (id: number) => string) =>
      [...new Set(ids)]
        .sort((a, b) => a - b)
        .map(name)
        .join(' ') || null;
    for (const input of inputs) {
      await turn();
      const tags = JSON.stringify(input.tags ?? []);
      const row: ImportedReportage = {
        ...newReportageColumns(input),
        tags,
        editedBy,
        exemplarIds: input.exemplarIds ?? [],
        placeIds: input.placeIds ?? [],
      };
      rows.push(row);
      documents.push(
        reportageDocument({
          id: 0,
          title: row.title,
          summary: row.summary,
          tags,
          exemplars: names(row.exemplarIds, (id) => {
            const e = indexes.exemplarRecords.get(id);
            return `${e?.name ?? ''} ${e?.model_name ?? ''}`;
          }),
          places: names(row.placeIds, (id) => indexes.placeNames.get(id) ?? ''),
        }),
      );
    }
    return { rows, documents };
  }

  /** Writes the rows chunk by chunk under a new import; on any failure removes them all and rethrows. */
  private async write({
    rows,
    documents,
  }: {
    rows: ImportedReportage[];
    documents: ReportageDocument[];
  }): Promise<number[]> {
    await this.sweep();
    const actor = currentRequest().actor ?? null;
    const importId = await this.db.transaction((m) =>
      this.references.start(m, {
        rowCount: rows.length,
        userId: actor?.id ?? null,
        username: actor?.username ?? null,
      }),
    );
    this.running.add(importId);
    const ids: number[] = [];
    try {
      for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
        const chunk = rows.slice(start, start + CHUNK_ROWS);
        const written = await this.db.transaction(async (m) => {
          await this.references.commitLazily(m);
          const created = await this.references.insertReportages(m, importId, chunk, {
            action: 'import',
            actor: actor?.username ?? null,
          });
          await this.search.indexNewReportages(
            m,
            created.map((id, k) => ({ ...documents[start + k], id })),
          );
          await this.references.beat(m, importId);
          return created;
        });
        ids.push(...written);
      }
      await this.db.transaction(async (m) => {
        await this.references.finish(m, importId, 'done');
        await this.audit.record(m, {
          action: 'import',
          entity: 'reportage',
          entityId: null,
          changes: {
            importId: { to: importId },
            rows: { to: ids.length },
            ids: { to: ids.length ? [ids.reduce(min), ids.reduce(max)] : [] },
          },
        });
      });
    } catch (error) {
      await this.discard(importId).catch((cleanup: unknown) =>
        this.logger.error(
          `import ${importId} failed and could not be removed yet (it will be at the next sweep): ${String(cleanup)}`,
        ),
      );
      throw explain(error);
    } finally {
      this.running.delete(importId);
    }
    return ids;
  }

  /** Deletes what an import wrote, chunk by chunk, then marks it failed. */
  private async discard(importId: number): Promise<void> {
    for (;;) {
      const removed = await this.db.transaction(async (m) => {
        const ids = await this.references.reportagesOf(m, importId, CHUNK_ROWS);
        if (ids.length === 0) await this.references.finish(m, importId, 'failed');
        await this.search.removeReportages(m, ids);
        await this.references.deleteReportages(m, ids);
        return ids.length;
      });
      if (removed === 0) return;
    }
  }

  /** Removes imports left running by a process that is gone (a crash, a kill) or stopped mid-way. */
  private async sweep(): Promise<void> {
    try {
      for (const importId of await this.references.abandoned(ABANDONED_AFTER_MS)) {
        if (this.running.has(importId)) continue;
        this.logger.warn(`removing import ${importId}, left unfinished`);
        await this.discard(importId);
      }
    } catch (error) {
      this.logger.error(`could not remove unfinished imports: ${String(error)}`);
    }
  }

  private async parse(csv: Buffer): Promise<Record<string, string>[]> {
    let text: string;
    try {
      // Excel's plain "CSV" is Windows-1258 in Vietnam; decoded leniently, every diacritic would become U+FFFD.
      text = new TextDecoder('utf-8', { fatal: true }).decode(csv);
    } catch {
      throw new AppError(
        HttpStatus.BAD_REQUEST,
        'CSV_ENCODING',
        'Tệp CSV không phải UTF-8. Trong Excel, hãy chọn Lưu thành, kiểu tệp "CSV UTF-8" rồi nhập lại.',
      );
    }
    let records: Record<string, string>[];
    let header: string[] = [];
    try {
      records = await parseInTurns(text, {
        bom: true,
        // Kept whole: as object keys, a repeated column would silently keep only its last value.
        columns: (names: string[]) => (header = names.map((h) => h.trim())),
        skip_empty_lines: true,
        trim: true,
        relax_column_count: false,
      });
    } catch (error) {
      throw new AppError(
        HttpStatus.BAD_REQUEST,
        'CSV_UNREADABLE',
        `Không đọc được tệp CSV: ${(error as Error).message}`,
      );
    }
    if (records.length === 0)
      throw new AppError(
        HttpStatus.BAD_REQUEST,
        'CSV_EMPTY',
        'Tệp CSV không có dòng dữ liệu nào dưới dòng tiêu đề.',
      );
    if (records.length > MAX_ROWS)
      throw new AppError(
        HttpStatus.BAD_REQUEST,
        'CSV_TOO_MANY_ROWS',
        `Mỗi lần chỉ nhập tối đa ${MAX_ROWS} dòng.`,
      );
    const unknown = [...new Set(header)].filter((h) => !IMPORT_COLUMNS.includes(h as Column));
    const missing = REQUIRED.filter((c) => !header.includes(c));
    const repeated = [...new Set(header.filter((h, i) => header.indexOf(h) !== i))];
    if (unknown.length || missing.length || repeated.length) {
      const details: ErrorDetail[] = [
        ...unknown.map((c) => ({
          row: 1,
          field: c,
          code: 'unknownColumn',
          message: `Cột "${c}" không có trong mẫu.`,
        })),
        ...missing.map((c) => ({
          row: 1,
          field: c,
          code: 'missingColumn',
          message: `Thiếu cột bắt buộc "${c}".`,
        })),
        ...repeated.map((c) => ({
          row: 1,
          field: c,
          code: 'duplicateColumn',
          message: `Cột "${c}" có mặt nhiều lần; hãy giữ một cột.`,
        })),
      ];
      throw new AppError(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'CSV_COLUMNS',
        `Dòng tiêu đề không đúng mẫu. Các cột được dùng: ${IMPORT_COLUMNS.join(', ')}.`,
        details,
      );
    }
    return records;
  }

  private async loadIndexes() {
    const names = await this.references.names();
    return {
      segment: new NameIndex('chuyên mục', names.segments),
      field: new NameIndex('lĩnh vực', names.fields),
      exemplars: new NameIndex('điển hình', names.exemplars),
      places: new NameIndex('đơn vị hành chính', names.places),
      exemplarRecords: new Map<number, NamedExemplar>(names.exemplars.map((e) => [Number(e.id), e])),
      placeNames: new Map<number, string>(names.places.map((p) => [Number(p.id), p.name])),
    };
  }

  private async toInput(
    record: Record<string, string>,
    indexes: Awaited<ReturnType<ReportageImportService['loadIndexes']>>,
  ): Promise<{ input?: ReportageInput; problems: ErrorDetail[] }> {
    const problems: ErrorDetail[] = [];
    const get = (c: Column) => toNfc(record[c] ?? '').trim();
    const list = (c: Column) =>
      get(c)
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean);
    const ref = (c: 'segment' | 'field', value: string) => {
      const resolved = indexes[c].resolve(value);
      if (typeof resolved === 'string')
        problems.push({ field: c, code: 'notFound', message: capitalise(resolved) });
      return typeof resolved === 'number' ? resolved : undefined;
    };
    const refs = (c: 'exemplars' | 'places') =>
      list(c).flatMap((value) => {
        const resolved = indexes[c].resolve(value);
        if (typeof resolved === 'string')
          problems.push({ field: c, code: 'notFound', message: capitalise(resolved) });
        return typeof resolved === 'number' ? [resolved] : [];
      });
    const date = (c: Column) => {
      const value = get(c);
      if (!value) return undefined;
      const parsed = parseVietnameseDate(value);
      if (!parsed)
        problems.push({
          field: c,
          code: 'invalidDate',
          message: `Ngày "${value}" không hợp lệ; hãy viết dd/MM/yyyy.`,
        });
      return parsed;
    };

    for (const c of REQUIRED)
      if (!get(c)) problems.push({ field: c, code: 'required', message: `Cột "${c}" không được để trống.` });
    const statusText = get('status');
    const status = statusText ? IMPORT_STATUSES[foldVietnamese(statusText)] : 'draft';
    if (!status)
      problems.push({
        field: 'status',
        code: 'isIn',
        message: `Trạng thái "${statusText}" không nhập được; chỉ dùng "draft" (bản nháp) hoặc "archived" (lưu trữ).`,
      });

    const plain = {
      title: get('title'),
      segmentId: get('segment') ? ref('segment', get('segment')) : undefined,
      summary: get('summary') || undefined,
      script: get('script') || undefined,
      fieldId: get('field') ? ref('field', get('field')) : undefined,
      exemplarIds: refs('exemplars'),
      placeIds: refs('places'),
      reporter: get('reporter') || undefined,
      recordedOn: date('recordedOn'),
      tags: list('tags'),
      validFrom: date('validFrom'),
      validUntil: date('validUntil'),
    };
    if (plain.validFrom && plain.validUntil && plain.validFrom > plain.validUntil)
      problems.push({
        field: 'validUntil',
        code: 'range',
        message: 'Ngày kết thúc đứng trước ngày bắt đầu được phát.',
      });
    const dto = plainToInstance(CreateReportageDto, plain);
    const validationErrors = await validate(dto, { whitelist: true, skipMissingProperties: false });
    for (const detail of flattenValidationErrors(validationErrors)) {
      const column = DTO_TO_COLUMN[detail.field?.split('.')[0] ?? ''] ?? detail.field;
      // A reference that did not resolve is already reported once, by name.
      if (problems.some((p) => p.field === column)) continue;
      problems.push({
        ...detail,
        field: column,
        message: detail.message.replace(`"${detail.field}"`, `"${column}"`),
      });
    }
    return problems.length ? { problems } : { input: { ...dto, status }, problems };
  }
}

const min = (a: number, b: number) => Math.min(a, b);
const max = (a: number, b: number) => Math.max(a, b);
const capitalise = (text: string) => text[0].toUpperCase() + text.slice(1);

/** A function to await between two pieces of CPU work: it yields to the event loop once {@link TURN_MS} went by. */
function turns(): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < TURN_MS) return;
    await pause(PAUSE_MS);
    since = performance.now();
  };
}

/**
 * csv-parse's stream parser fed a slice of the text per turn of the event loop: a large file is
 * parsed without holding up the requests served meanwhile (the sync parser takes ~1 s for 100,000 rows).
 */
async function parseInTurns(text: string, options: Options): Promise<Record<string, string>[]> {
  const records: Record<string, string>[] = [];
  const parser: Parser = parse(options);
  let failure: unknown;
  parser.on('data', (record: Record<string, string>) => records.push(record));
  parser.on('error', (error) => (failure ??= error));
  const ended = new Promise<void>((resolve) => parser.on('end', resolve));
  const turn = turns();
  for (let at = 0; at < text.length && failure === undefined;) {
    let end = Math.min(text.length, at + CHARS_PER_SLICE);
    // Never split a surrogate pair between two slices.
    if (end < text.length && /[\uD800-\uDBFF]/.test(text[end - 1])) end--;
    parser.write(text.slice(at, end));
    at = end;
    await turn();
  }
  if (failure === undefined) {
    parser.end();
    await Promise.race([ended, new Promise((resolve) => parser.on('error', resolve))]);
  }
  if (failure !== undefined) throw failure;
  return records;
}

/** A write that failed part-way, as the API answers it (the import is removed by then). */
function explain(error: unknown): unknown {
  if (isForeignKeyViolation(error))
    return new AppError(
      HttpStatus.CONFLICT,
      'IMPORT_REFERENCE_GONE',
      'Một chuyên mục, lĩnh vực, điển hình hoặc đơn vị hành chính mà tệp nhắc tới vừa bị xoá trong lúc nhập; chưa ghi dòng nào. Hãy nhập lại tệp.',
    );
  return error;
}
