import { isoDate } from './local-time.js';
import { formatDate, formatDuration, formatLocalDate, formatLocalTimeRange } from './rundown-format.js';

/** Why the planner did what it did, in Vietnamese for the scheduler (người lập lịch). */
export interface PlacementFacts {
  airingInZone: number;
  daysSinceLast?: number;
  priority?: number;
  fieldChange?: 'same' | 'different';
  placeChange?: 'same' | 'different';
  validUntil?: string;
}

export type UnfilledCode = 'IN_PAST' | 'OCCUPIED' | 'NO_CANDIDATES' | 'TOO_SHORT' | 'WAITING' | 'EXHAUSTED';

export interface UnfilledFacts {
  conflict?: { zoneId: number; zoneName?: string; start: Date; end: Date };
  ownZone?: number;
  capacity?: number;
  shortest?: number;
  earliestDay?: number;
  maxAirings?: number;
  minDaysBetween?: number;
}

/** e.g. "Phát lần đầu; ưu tiên 2; lĩnh vực khác với buổi trước". */
export function describePlacement(facts: PlacementFacts, firstEver: boolean): string {
  const parts: string[] = [];
  if (facts.airingInZone === 1) parts.push(firstEver ? 'Phát lần đầu' : 'Phát lần đầu tại vùng này');
  else {
    const gap = facts.daysSinceLast !== undefined ? ` (cách lần trước ${facts.daysSinceLast} ngày)` : '';
    parts.push(`Phát lại lần ${facts.airingInZone - 1}${gap}`);
  }
  if (facts.priority !== undefined) parts.push(`ưu tiên ${facts.priority}`);
  if (facts.fieldChange === 'different') parts.push('lĩnh vực khác với buổi trước');
  if (facts.fieldChange === 'same')
    parts.push('cùng lĩnh vực với buổi trước vì không có bài phù hợp khác cùng mức ưu tiên');
  if (facts.placeChange === 'different') parts.push('địa bàn khác với buổi trước');
  if (facts.placeChange === 'same') parts.push('cùng địa bàn với buổi trước');
  if (facts.validUntil !== undefined) parts.push(`hiệu lực đến ${formatDate(facts.validUntil)}`);
  return parts.join('; ');
}

export function describeUnfilled(code: UnfilledCode, facts: UnfilledFacts, timeZone: string): string {
  switch (code) {
    case 'IN_PAST':
      return 'Giờ phát đã qua.';
    case 'OCCUPIED': {
      const c = facts.conflict!;
      const where =
        c.zoneId === facts.ownZone ? 'cùng vùng phát này' : (c.zoneName ?? `vùng phát ${c.zoneId}`);
      return (
        `Trùng giờ với lịch phát đã có ở ${where} ` +
        `(${formatLocalTimeRange(c.start, c.end, timeZone)} ngày ${formatLocalDate(c.start, timeZone)}).`
      );
    }
    case 'NO_CANDIDATES':
      return 'Chuyên mục chưa có phóng sự nào đủ điều kiện xếp lịch.';
    case 'TOO_SHORT':
      return (
        `Ô chỉ còn ${formatDuration(facts.capacity!)} nhưng các phóng sự đến lượt đều dài hơn ` +
        `(ngắn nhất ${formatDuration(facts.shortest!)}).`
      );
    case 'WAITING':
      return (
        `Chưa có phóng sự nào đến lượt: các bài còn lại chưa đến ngày hiệu lực hoặc chưa đủ ` +
        `${facts.minDaysBetween} ngày kể từ lần phát trước (sớm nhất ${formatDate(isoDate(facts.earliestDay!))}).`
      );
    case 'EXHAUSTED':
      return `Hết phóng sự: các bài của chuyên mục đã phát đủ ${facts.maxAirings} lần tại vùng này hoặc đã hết hạn hiệu lực.`;
  }
}
