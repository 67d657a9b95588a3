import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { invalid } from '../../common/errors.js';
import { AuditService } from '../../audit/audit.service.js';
import { Database } from '../../database/database.service.js';
import { ReferenceListService } from '../reference-list.js';
import { DEFAULT_PLANNING, Segment } from './segment.entity.js';
import { SegmentsRepository } from './segments.repository.js';

@Injectable()
export class SegmentsService extends ReferenceListService<Segment> {
  protected readonly spec = {
    audit: 'segment' as const,
    label: 'chuyên mục',
    sorts: { name: 'r.name', createdAt: 'r.createdAt' },
    defaultSort: 'name',
  };

  constructor(
    db: Database,
    audit: AuditService,
    private readonly segments: SegmentsRepository,
  ) {
    super(db, audit, segments);
  }

  /** Sets or clears a jingle; not an editorial change, so the version stays. */
  async setJingle(
    m: EntityManager,
    segmentId: number,
    which: 'intro' | 'outro',
    assetId: number | null,
  ): Promise<void> {
    const current = await this.segments.jingle(m, segmentId, which);
    await this.segments.setJingle(m, segmentId, which, assetId);
    await this.audit.record(m, {
      action: assetId ? 'set_jingle' : 'remove_jingle',
      entity: 'segment',
      entityId: segmentId,
      changes: { [`${which}AudioId`]: { from: current, to: assetId } },
    });
  }

  /** Ids of the segment's intro and outro jingles for a reportage, when set. */
  jinglesOf(reportageId: number): Promise<{ intro: number | null; outro: number | null }> {
    return this.segments.jinglesOf(reportageId);
  }

  protected override validate(segment: Segment): void {
    // Kept whole, so a PATCH of one rule shows (and stores) every rule.
    // (Validated DTO instances carry their omitted fields as undefined: skip those.)
    const given = Object.entries(segment.planning ?? {}).filter(([, value]) => value !== undefined);
    segment.planning = { ...DEFAULT_PLANNING, ...Object.fromEntries(given) };
    const { minDurationSeconds: min, maxDurationSeconds: max } = segment;
    if (min != null && max != null && min > max) {
      throw invalid('DURATION_RANGE', 'Thời lượng tối thiểu không được lớn hơn thời lượng tối đa.', [
        {
          field: 'minDurationSeconds',
          code: 'range',
          message: `Tối thiểu ${min} giây lớn hơn tối đa ${max} giây.`,
        },
      ]);
    }
  }
}
