import { Injectable } from '@nestjs/common';
import { Database } from '../../database/database.service.js';
import { ReferenceListRepository, type ReferenceListUse } from '../reference-list.repository.js';
import { Field } from './field.entity.js';

/** Fields, lĩnh vực (table fields). */
@Injectable()
export class FieldsRepository extends ReferenceListRepository<Field> {
  protected readonly entity = Field;
  protected readonly usedBy: ReferenceListUse[] = [
    { what: 'điển hình', table: 'exemplars', column: 'field_id' },
    { what: 'phóng sự', table: 'reportages', column: 'field_id' },
  ];

  constructor(db: Database) {
    super(db);
  }
}
