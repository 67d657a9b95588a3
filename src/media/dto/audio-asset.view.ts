import { ApiProperty } from '@nestjs/swagger';
import {
  ASSET_STATUSES,
  type AssetStatus,
  type AudioAnalysis,
  type ProbeSummary,
} from '../audio-asset.entity.js';

export class AudioUrls {
  @ApiProperty({ example: '/api/audio-assets/7' }) self: string;
  @ApiProperty({ example: '/api/audio-assets/7/original' }) original: string;
  @ApiProperty({ nullable: true, type: String, example: '/api/audio-assets/7/broadcast.mp3' }) broadcast:
    string | null;
  @ApiProperty({ nullable: true, type: String, example: '/api/audio-assets/7/waveform' }) waveform:
    string | null;
}

export class AudioAssetView {
  @ApiProperty() id: number;
  @ApiProperty({ nullable: true, type: Number }) reportageId: number | null;
  @ApiProperty({ description: 'Tên tệp như người tải lên đặt (chỉ để hiển thị)' }) originalName: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty() sha256: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Kết quả ffprobe: định dạng, mã hoá, thời lượng, số kênh…',
  })
  probe: ProbeSummary;
  @ApiProperty() durationSeconds: number;
  @ApiProperty({ enum: ASSET_STATUSES }) status: AssetStatus;
  @ApiProperty({ minimum: 0, maximum: 100 }) progress: number;
  @ApiProperty({ nullable: true, type: String, description: 'Lý do lỗi, khi xử lý thất bại' }) error:
    string | null;
  @ApiProperty() attempts: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'Đo EBU R128 và khoảng lặng trên bản mono',
  })
  analysis: AudioAnalysis | null;
  @ApiProperty({ nullable: true, type: Number, description: 'LUFS của bản gốc' }) loudnessIn: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'dBTP của bản gốc' }) truePeakIn: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'LU của bản gốc' }) loudnessRangeIn:
    number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'LUFS của bản phát sóng' }) loudnessOut:
    number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'dBTP của bản phát sóng' }) truePeakOut:
    number | null;
  @ApiProperty({
    type: [String],
    description: 'Cảnh báo (khoảng lặng đầu/cuối, đoạn lặng dài…): không cắt tự động',
  })
  warnings: string[];
  @ApiProperty({ nullable: true, type: Number }) broadcastSizeBytes: number | null;
  @ApiProperty({ nullable: true, type: String }) broadcastSha256: string | null;
  @ApiProperty({ nullable: true, type: Number }) broadcastDurationSeconds: number | null;
  @ApiProperty({ description: 'Bản đang dùng để phát của phóng sự' }) current: boolean;
  @ApiProperty({ type: AudioUrls }) urls: AudioUrls;
  @ApiProperty({ nullable: true, type: Date }) processedAt: Date | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export class AcceptedUploadView extends AudioAssetView {
  @ApiProperty({ description: 'Địa chỉ theo dõi trạng thái', example: '/api/audio-assets/7' })
  statusUrl: string;
  @ApiProperty({ description: 'true khi đúng tệp này đã được tải lên phóng sự trước đó' }) duplicate: boolean;
}
