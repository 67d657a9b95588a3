import { Column, Entity } from 'typeorm';
import { Tracked } from '../../database/tracked.entity.js';

/**
 * Administrative levels. Since 1 July 2025 there are two tiers (tỉnh → xã); "district" (huyện) is kept
 * only as a legacy grouping for records of 2017–2025 (see DOMAIN.md).
 */
export const PLACE_LEVELS = ['province', 'district', 'commune', 'village'] as const;
export type PlaceLevel = (typeof PLACE_LEVELS)[number];

/** Which level a place's parent may have. */
export const PARENT_LEVELS: Record<PlaceLevel, readonly (PlaceLevel | null)[]> = {
  province: [null],
  district: ['province'],
  commune: ['province', 'district'],
  village: ['commune'],
};

export const PLACE_LEVEL_LABELS: Record<PlaceLevel, string> = {
  province: 'tỉnh/thành phố',
  district: 'huyện (cũ)',
  commune: 'xã/phường/đặc khu',
  village: 'thôn/ấp/tổ dân phố',
};

@Entity('places')
export class Place extends Tracked {
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 200 })
  nameFolded: string;

  @Column({ type: 'varchar', length: 16 })
  level: PlaceLevel;

  @Column({ type: 'varchar', length: 32, nullable: true })
  code: string | null;

  @Column({ type: 'integer', nullable: true })
  parentId: number | null;
}
