import { HttpStatus, Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { parse } from 'csv-parse/sync';
import { AppError, type ErrorDetail } from '../../common/errors.js';
import { foldVietnamese, toNfc } from '../../common/text.js';
import { parseVietnameseDate } from '../../common/time.js';
import { flattenValidationErrors } from '../../common/validation.js';
import { Database } from '../../database/database.service.js';
import { CreateReportageDto } from './dto/reportage.dto.js';
import { ReportageImportRepository, type NamedRecord } from './reportage-import.repository.js';
import { ReportagesService, type ReportageInput } from './reportages.service.js';

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
const MAX_ROWS = 20000;

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

@Injectable()
export class ReportageImportService {
  constructor(
    private readonly db: Database,
    private readonly reportages: ReportagesService,
    private readonly references: ReportageImportRepository,
  ) {}

  /** Validates every row; writes all of them in one transaction, or none when any row is wrong. */
  async import(csv: Buffer, dryRun: boolean): Promise<ImportResult> {
    const records = this.parse(csv);
    const indexes = await this.loadIndexes();
    const inputs: ReportageInput[] = [];
    const errors: ErrorDetail[] = [];
    for (const [i, record] of records.entries()) {
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
    const ids = await this.db.transaction(async (m) => {
      const created: number[] = [];
      for (const input of inputs) created.push(await this.reportages.insert(m, input, 'import'));
      return created;
    });
    return { dryRun, rows: records.length, created: ids.length, ids };
  }

  private parse(csv: Buffer): Record<string, string>[] {
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
      records = parse(text, {
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

const capitalise = (text: string) => text[0].toUpperCase() + text.slice(1);
