import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { VersionedPatch } from '../../../database/crud.js';
import { DecimalInt, Nfc } from '../../../common/dto.js';
import { PageQuery, sortValues } from '../../../common/pagination.js';
import {
  COMMENDATION_FORMS,
  EXEMPLAR_KINDS,
  EXEMPLAR_STATUSES,
  RECOGNITION_LEVELS,
  type CommendationForm,
  type ExemplarKind,
  type ExemplarStatus,
  type RecognitionLevel,
} from '../exemplar.entity.js';

export class CommendationDto {
  @ApiProperty({ example: 2022 })
  @IsInt()
  @Min(1945)
  @Max(2100)
  year: number;

  @ApiProperty({ enum: RECOGNITION_LEVELS })
  @IsIn(RECOGNITION_LEVELS)
  level: RecognitionLevel;

  @ApiProperty({ example: 'UBND huyện Đất Đỏ' })
  @Nfc()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  issuingBody: string;

  @ApiProperty({
    enum: COMMENDATION_FORMS,
    description: 'certificate_of_merit = giấy khen, certificate_of_honour = bằng khen',
  })
  @IsIn(COMMENDATION_FORMS)
  form: CommendationForm;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Nfc({ multiline: true })
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}

export class CreateExemplarDto {
  @ApiProperty({ example: 'Chi hội Phụ nữ ấp Phước Thạnh' })
  @Nfc()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name: string;

  @ApiProperty({ enum: EXEMPLAR_KINDS, description: 'individual = cá nhân, collective = tập thể' })
  @IsIn(EXEMPLAR_KINDS)
  kind: ExemplarKind;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'Phụ nữ thu gom phế liệu bán tặng học bổng học sinh nghèo',
  })
  @IsOptional()
  @Nfc()
  @IsString()
  @MaxLength(500)
  modelName?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Nfc({ multiline: true })
  @IsString()
  @MaxLength(10000)
  modelDescription?: string | null;

  @ApiPropertyOptional({ type: Number, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  fieldId?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  placeId?: number | null;

  @ApiProperty({
    enum: RECOGNITION_LEVELS,
    description:
      'grassroots = cơ sở, commune = xã, district = huyện (cũ), province = tỉnh, national = trung ương',
  })
  @IsIn(RECOGNITION_LEVELS)
  level: RecognitionLevel;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 2019 })
  @IsOptional()
  @IsInt()
  @Min(1945)
  @Max(2100)
  yearRegistered?: number | null;

  @ApiPropertyOptional({ enum: EXEMPLAR_STATUSES, default: 'registered' })
  @IsOptional()
  @IsIn(EXEMPLAR_STATUSES)
  status?: ExemplarStatus;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Nfc({ multiline: true })
  @IsString()
  @MaxLength(10000)
  notes?: string | null;

  @ApiPropertyOptional({
    type: [CommendationDto],
    description: 'Thay toàn bộ danh sách khen thưởng khi gửi lên',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => CommendationDto)
  commendations?: CommendationDto[];
}

export class UpdateExemplarDto extends VersionedPatch(CreateExemplarDto) {}

export const EXEMPLAR_SORTS = ['name', 'createdAt', 'updatedAt', 'yearRegistered'] as const;

export class ListExemplarsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Tìm theo tên, mô hình, địa bàn; không phân biệt dấu và hoa thường' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: EXEMPLAR_KINDS })
  @IsOptional()
  @IsIn(EXEMPLAR_KINDS)
  kind?: ExemplarKind;

  @ApiPropertyOptional({ enum: RECOGNITION_LEVELS })
  @IsOptional()
  @IsIn(RECOGNITION_LEVELS)
  level?: RecognitionLevel;

  @ApiPropertyOptional()
  @IsOptional()
  @DecimalInt()
  @IsInt()
  @Min(1)
  fieldId?: number;

  @ApiPropertyOptional({ description: 'Địa bàn, gồm cả các đơn vị trực thuộc' })
  @IsOptional()
  @DecimalInt()
  @IsInt()
  @Min(1)
  placeId?: number;

  @ApiPropertyOptional({ enum: EXEMPLAR_STATUSES })
  @IsOptional()
  @IsIn(EXEMPLAR_STATUSES)
  status?: ExemplarStatus;

  @ApiPropertyOptional({ description: 'Năm đăng ký' })
  @IsOptional()
  @DecimalInt()
  @IsInt()
  year?: number;

  @ApiPropertyOptional({
    enum: sortValues(EXEMPLAR_SORTS),
    description: 'Mặc định: -createdAt; khi có q: mức độ khớp',
  })
  @IsOptional()
  @IsIn(sortValues(EXEMPLAR_SORTS))
  sort?: string;
}

export class RefView {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
}

export class CommendationView extends CommendationDto {
  @ApiProperty() id: number;
}

export class ExemplarView {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty({ enum: EXEMPLAR_KINDS }) kind: ExemplarKind;
  @ApiProperty({ nullable: true, type: String }) modelName: string | null;
  @ApiProperty({ nullable: true, type: String }) modelDescription: string | null;
  @ApiProperty({ nullable: true, type: RefView }) field: RefView | null;
  @ApiProperty({ nullable: true, type: RefView }) place: RefView | null;
  @ApiProperty({ enum: RECOGNITION_LEVELS }) level: RecognitionLevel;
  @ApiProperty({ nullable: true, type: Number }) yearRegistered: number | null;
  @ApiProperty({ enum: EXEMPLAR_STATUSES }) status: ExemplarStatus;
  @ApiProperty({ nullable: true, type: String }) notes: string | null;
  @ApiProperty({ type: [CommendationView] }) commendations: CommendationView[];
  @ApiProperty() version: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}
