import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { DecimalInt } from './dto.js';

export const MAX_PAGE_SIZE = 100;
/**
 * Far past any real catalogue (10 million rows at the largest page size), and small enough that the
 * OFFSET stays an exact integer: `?page=461168601842738791` made SQLite refuse the query (500).
 */
export const MAX_PAGE = 100_000;

/** `page` (1–100 000) and `pageSize` (1–100) shared by every list endpoint. */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE, default: 1 })
  @IsOptional()
  @DecimalInt()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  page: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 })
  @IsOptional()
  @DecimalInt()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize: number = 20;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
  /** Present (true) when there are more than `total` (catalog lists count up to 1,000). */
  totalIsLowerBound?: boolean;
}

export function pageOf<T>(items: T[], total: number, query: PageQuery, totalIsLowerBound = false): Page<T> {
  const page: Page<T> = { items, total, page: query.page, pageSize: query.pageSize };
  if (totalIsLowerBound) page.totalIsLowerBound = true;
  return page;
}

export function offsetOf(query: PageQuery): number {
  return (query.page - 1) * query.pageSize;
}

/**
 * Parses a `sort` value such as `-createdAt` against a resource's allowed keys and returns the
 * column and direction. Keys are validated by the DTO (`@IsIn`), so the fallback only covers absence.
 */
export function sortOf<K extends string>(
  sort: string | undefined,
  columns: Record<K, string>,
  fallback: NoInfer<K> | `-${NoInfer<K>}`,
): { column: string; direction: 'ASC' | 'DESC' } {
  const value = sort ?? fallback;
  const descending = value.startsWith('-');
  const key = (descending ? value.slice(1) : value) as K;
  return { column: columns[key], direction: descending ? 'DESC' : 'ASC' };
}

/** Every allowed `sort` value for a set of keys: `name`, `-name`, … */
export function sortValues(keys: readonly string[]): string[] {
  return keys.flatMap((key) => [key, `-${key}`]);
}

type Constructor<T> = new (...args: never[]) => T;

/** The OpenAPI model of a page of `item`s, named `<Item>Page`. */
export function PageOf<T>(item: Constructor<T>) {
  class PageModel {
    @ApiProperty({ type: [item] }) items: T[];
    @ApiProperty() total: number;
    @ApiProperty() page: number;
    @ApiProperty() pageSize: number;
    @ApiPropertyOptional({
      description: 'Present (true) when there are more matches than `total`, which is then a lower bound.',
    })
    totalIsLowerBound?: boolean;
  }
  Object.defineProperty(PageModel, 'name', { value: `${item.name.replace(/View$/, '')}Page` });
  return PageModel;
}
