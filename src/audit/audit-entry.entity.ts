import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** What one change did to one field. */
export interface FieldChange {
  from?: unknown;
  to?: unknown;
}

/** One change made through the API: who, when, what, and which fields went from what to what. Append-only. */
@Entity('audit_log')
export class AuditEntry {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'datetime' })
  at: Date;

  @Column({ type: 'integer', nullable: true })
  userId: number | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  username: string | null;

  @Column({ type: 'varchar', length: 32 })
  action: string;

  @Column({ type: 'varchar', length: 32 })
  entity: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  entityId: string | null;

  @Column({ type: 'simple-json' })
  changes: Record<string, FieldChange>;

  @Column({ type: 'varchar', length: 100, nullable: true })
  requestId: string | null;
}
