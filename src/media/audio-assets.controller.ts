import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseEnumPipe,
  Post,
  Res,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiParam,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { readFile } from 'node:fs/promises';
import { ApiFileField } from '../common/dto.js';
import { AppError } from '../common/errors.js';
import { IdParam } from '../common/id.pipe.js';
import { NoOtherFields } from '../common/multipart.js';
import { AudioAssetsService } from './audio-assets.service.js';
import type { ProbeSummary } from './audio-asset.entity.js';
import { AcceptedUploadView, AudioAssetView } from './dto/audio-asset.view.js';
import {
  AUDIO_FILE_FIELD,
  AudioUploadInterceptor,
  ReceivedUpload,
  type ReceivedFile,
} from './upload/audio-upload.interceptor.js';
import { Roles } from '../accounts/roles.js';

const JINGLES = ['intro', 'outro'] as const;
const badJingle = () =>
  new AppError(
    HttpStatus.BAD_REQUEST,
    'INVALID_JINGLE',
    'Nhạc hiệu chỉ có thể là "intro" (đầu) hoặc "outro" (cuối).',
  );

const CONTENT_TYPES: [RegExp, string][] = [
  [/^wav/, 'audio/wav'],
  [/^mp3/, 'audio/mpeg'],
  [/^ogg/, 'audio/ogg'],
  [/^flac/, 'audio/flac'],
  [/^amr/, 'audio/amr'],
  [/3gp/, 'audio/3gpp'],
  [/mp4|m4a|mov/, 'audio/mp4'],
  [/matroska|webm/, 'audio/webm'],
  [/aac/, 'audio/aac'],
];

function contentTypeOf(probe: ProbeSummary): string {
  const type =
    CONTENT_TYPES.find(([pattern]) => pattern.test(probe.format))?.[1] ?? 'application/octet-stream';
  return probe.hasVideo ? type.replace('audio/', 'video/') : type;
}

/** RFC 6266 / 5987: the name as given (Vietnamese included), with a plain ASCII fallback. */
function attachment(name: string): string {
  const ascii =
    name
      .normalize('NFD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\]/g, '') || 'audio';
  return `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** Range requests (seeking in a browser player), ETag and Last-Modified come from Express's send. */
function sendFile(res: Response, path: string, contentType: string, disposition?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    res.sendFile(
      path,
      {
        headers: {
          'Content-Type': contentType,
          ...(disposition ? { 'Content-Disposition': disposition } : {}),
          // Only the signed-in browser may keep a copy (seeking replays from it), and it asks again
          // each time; express's default here was `public`, which lets a shared proxy keep it.
          'Cache-Control': 'private, no-cache',
        },
        acceptRanges: true,
        etag: true,
        lastModified: true,
        cacheControl: false,
      },
      (error?: Error & { status?: number; code?: string }) => {
        if (!error || res.headersSent || error.code === 'ECONNABORTED') return resolve();
        if (error.status === 416)
          return reject(
            new AppError(
              HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE,
              'RANGE_NOT_SATISFIABLE',
              'Khoảng byte yêu cầu nằm ngoài tệp.',
            ),
          );
        if (error.status === 404)
          return reject(
            new AppError(
              HttpStatus.NOT_FOUND,
              'FILE_MISSING',
              'Tệp không còn trên ổ lưu trữ; hãy báo quản trị.',
            ),
          );
        reject(error);
      },
    );
  });
}

@ApiTags('audio')
@Controller()
export class AudioAssetsController {
  constructor(private readonly assets: AudioAssetsService) {}

  @Post('reportages/:id/audio')
  @Roles('editor')
  @HttpCode(HttpStatus.ACCEPTED)
  @UseInterceptors(AudioUploadInterceptor)
  @ApiOperation({
    summary: 'Tải âm thanh của phóng sự lên (WAV, MP3, M4A, OGG/Opus, FLAC, AMR/3GP, hoặc video có tiếng)',
    description:
      'Nội dung quyết định, không phải tên tệp: phải có luồng âm thanh dài từ 1 giây đến giới hạn. Trả 202 với trạng thái `queued`; cùng một tệp tải lại cho cùng phóng sự (kể cả hai lần tải cùng lúc) trả 200 với bản đã có (`duplicate: true`), và bản đó được xử lý lại nếu trước đó bị lỗi hoặc đã huỷ. Tệp WAV bị cắt cụt (chỉ còn phần đầu, hoặc đứt giữa phần đầu) bị từ chối với 422 `LENGTH_MISMATCH`.',
  })
  @ApiFileField()
  @ApiAcceptedResponse({ type: AcceptedUploadView })
  async upload(
    @Param('id', IdParam) id: number,
    @ReceivedUpload() file: ReceivedFile,
    @Body(NoOtherFields(AUDIO_FILE_FIELD)) _form: unknown,
    @Res({ passthrough: true }) res: Response,
  ) {
    const accepted = await this.assets.accept(id, file);
    res.status(accepted.duplicate ? HttpStatus.OK : HttpStatus.ACCEPTED).location(accepted.statusUrl);
    return accepted;
  }

  @Post('segments/:id/jingles/:which')
  @Roles('admin')
  @HttpCode(HttpStatus.ACCEPTED)
  @UseInterceptors(AudioUploadInterceptor)
  @ApiOperation({
    summary: 'Tải nhạc hiệu đầu (intro) hoặc cuối (outro) của chuyên mục',
    description: 'Được chuẩn hoá như mọi tệp, rồi ghép vào bản phát sóng của các phóng sự xử lý sau đó.',
  })
  @ApiParam({ name: 'which', enum: JINGLES })
  @ApiFileField()
  @ApiAcceptedResponse({ type: AcceptedUploadView })
  async uploadJingle(
    @Param('id', IdParam) id: number,
    @Param('which', new ParseEnumPipe(JINGLES, { exceptionFactory: badJingle }))
    which: (typeof JINGLES)[number],
    @ReceivedUpload() file: ReceivedFile,
    @Body(NoOtherFields(AUDIO_FILE_FIELD)) _form: unknown,
    @Res({ passthrough: true }) res: Response,
  ) {
    const accepted = await this.assets.acceptJingle(id, which, file);
    res.location(accepted.statusUrl);
    return accepted;
  }

  @Delete('segments/:id/jingles/:which')
  @Roles('admin')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Bỏ nhạc hiệu đầu hoặc cuối của chuyên mục' })
  @ApiParam({ name: 'which', enum: JINGLES })
  @ApiNoContentResponse()
  removeJingle(
    @Param('id', IdParam) id: number,
    @Param('which', new ParseEnumPipe(JINGLES, { exceptionFactory: badJingle }))
    which: (typeof JINGLES)[number],
  ) {
    return this.assets.removeJingle(id, which);
  }

  @Get('reportages/:id/audio')
  @ApiOperation({ summary: 'Các phiên bản âm thanh của phóng sự, mới nhất trước' })
  @ApiOkResponse({ type: [AudioAssetView] })
  versions(@Param('id', IdParam) id: number) {
    return this.assets.listForReportage(id);
  }

  @Get('audio-assets/:id')
  @ApiOperation({ summary: 'Trạng thái, tiến độ và kết quả phân tích của một tệp âm thanh' })
  @ApiOkResponse({ type: AudioAssetView })
  get(@Param('id', IdParam) id: number) {
    return this.assets.get(id);
  }

  @Get('audio-assets/:id/original')
  @ApiOperation({ summary: 'Tệp gốc, nguyên vẹn như lúc tải lên (hỗ trợ Range)' })
  @ApiProduces('audio/*', 'video/*')
  @ApiOkResponse({ description: 'Nội dung tệp gốc' })
  async original(@Param('id', IdParam) id: number, @Res() res: Response) {
    const { path, asset } = await this.assets.file(id, 'original');
    await sendFile(res, path, contentTypeOf(asset.probe), attachment(asset.originalName));
  }

  @Get('audio-assets/:id/broadcast.mp3')
  @ApiOperation({ summary: 'Bản phát sóng: MP3 128 kbps mono 44,1 kHz, đã chuẩn hoá độ lớn (hỗ trợ Range)' })
  @ApiProduces('audio/mpeg')
  @ApiOkResponse({ description: 'MP3' })
  async broadcast(@Param('id', IdParam) id: number, @Res() res: Response) {
    const { path } = await this.assets.file(id, 'broadcast');
    await sendFile(res, path, 'audio/mpeg');
  }

  @Get('audio-assets/:id/waveform')
  @ApiOperation({ summary: 'Dạng sóng: đỉnh biên độ (0–1), 10 điểm mỗi giây' })
  @ApiOkResponse({ schema: { example: { peaksPerSecond: 10, peaks: [0.01, 0.42, 0.38] } } })
  async waveform(@Param('id', IdParam) id: number) {
    const { path } = await this.assets.file(id, 'waveform');
    return JSON.parse(await readFile(path, 'utf8')) as unknown;
  }

  @Post('audio-assets/:id/cancel')
  @Roles('editor')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Huỷ xử lý tệp đang chờ hoặc đang chạy' })
  @ApiOkResponse({ type: AudioAssetView })
  cancel(@Param('id', IdParam) id: number) {
    return this.assets.cancel(id);
  }

  @Post('audio-assets/:id/retry')
  @Roles('editor')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Xử lý lại tệp bị lỗi hoặc đã huỷ' })
  @ApiOkResponse({ type: AudioAssetView })
  retry(@Param('id', IdParam) id: number) {
    return this.assets.retry(id);
  }
}
