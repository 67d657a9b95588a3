import { Injectable } from '@nestjs/common';
import { invalid } from '../../common/errors.js';
import { Database } from '../../database/database.service.js';
import { ReferenceListService } from '../reference-list.js';
import { Segment } from './segment.entity.js';

@Injectable()
export class SegmentsService extends ReferenceListService<Segment> {
  protected readonly entity = Segment;
  protected readonly spec = {
    label: 'chuyên mục',
    sorts: { name: 'r.name', createdAt: 'r.createdAt' },
    defaultSort: 'name',
    usedBy: [['phóng sự', 'reportages', 'segment_id']] as [string, string, string][],
  };

  constructor(db: Database) {
    super(db);
  }

  protected override validate(segment: Segment): void {
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
