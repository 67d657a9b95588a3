import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Tracked } from '../../database/tracked.entity.js';

export const EXEMPLAR_KINDS = ['individual', 'collective'] as const;
export type ExemplarKind = (typeof EXEMPLAR_KINDS)[number];

/** Cấp: where an exemplar is registered or recognised. "district" is the legacy huyện level. */
export const RECOGNITION_LEVELS = ['grassroots', 'commune', 'district', 'province', 'national'] as const;
export type RecognitionLevel = (typeof RECOGNITION_LEVELS)[number];

export const EXEMPLAR_STATUSES = ['registered', 'recognised', 'commended', 'replicated'] as const;
export type ExemplarStatus = (typeof EXEMPLAR_STATUSES)[number];

export const COMMENDATION_FORMS = ['certificate_of_merit', 'certificate_of_honour', 'other'] as const;
export type CommendationForm = (typeof COMMENDATION_FORMS)[number];

/** Khen thưởng: an award — giấy khen (certificate of merit) or bằng khen (certificate of honour). */
@Entity('exemplar_commendations')
export class Commendation {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  exemplarId: number;

  @Column({ type: 'integer' })
  year: number;

  @Column({ type: 'varchar', length: 16 })
  level: RecognitionLevel;

  @Column({ type: 'varchar', length: 300 })
  issuingBody: string;

  @Column({ type: 'varchar', length: 32 })
  form: CommendationForm;

  @Column({ type: 'text', nullable: true })
  note: string | null;
}

/** Điển hình: the person or collective a reportage is about, and the model (mô hình) they run. */
@Entity('exemplars')
export class Exemplar extends Tracked {
  @Column({ type: 'varchar', length: 300 })
  name: string;

  @Column({ type: 'varchar', length: 300 })
  nameFolded: string;

  @Column({ type: 'varchar', length: 16 })
  kind: ExemplarKind;

  @Column({ type: 'varchar', length: 500, nullable: true })
  modelName: string | null;

  @Column({ type: 'text', nullable: true })
  modelDescription: string | null;

  @Column({ type: 'integer', nullable: true })
  fieldId: number | null;

  @Column({ type: 'integer', nullable: true })
  placeId: number | null;

  @Column({ type: 'varchar', length: 16 })
  level: RecognitionLevel;

  @Column({ type: 'integer', nullable: true })
  yearRegistered: number | null;

  @Column({ type: 'varchar', length: 16 })
  status: ExemplarStatus;

  @Column({ type: 'text', nullable: true })
  notes: string | null;
}
