import { Injectable } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service.js';
import { Database } from '../../database/database.service.js';
import { ReferenceListService } from '../reference-list.js';
import { Field } from './field.entity.js';
import { FieldsRepository } from './fields.repository.js';

@Injectable()
export class FieldsService extends ReferenceListService<Field> {
  protected readonly spec = {
    audit: 'field' as const,
    label: 'lĩnh vực',
    sorts: { sortOrder: 'r.sortOrder', name: 'r.name', createdAt: 'r.createdAt' },
    defaultSort: 'sortOrder',
  };

  constructor(db: Database, audit: AuditService, fields: FieldsRepository) {
    super(db, audit, fields);
  }
}
