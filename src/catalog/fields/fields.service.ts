import { Injectable } from '@nestjs/common';
import { Database } from '../../database/database.service.js';
import { ReferenceListService } from '../reference-list.js';
import { Field } from './field.entity.js';

@Injectable()
export class FieldsService extends ReferenceListService<Field> {
  protected readonly entity = Field;
  protected readonly spec = {
    label: 'lĩnh vực',
    sorts: { sortOrder: 'r.sortOrder', name: 'r.name', createdAt: 'r.createdAt' },
    defaultSort: 'sortOrder',
    usedBy: [
      ['điển hình', 'exemplars', 'field_id'],
      ['phóng sự', 'reportages', 'field_id'],
    ] as [string, string, string][],
  };

  constructor(db: Database) {
    super(db);
  }
}
