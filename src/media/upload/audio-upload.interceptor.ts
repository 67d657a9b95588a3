import { finalize, type Observable } from 'rxjs';
import {
  createParamDecorator,
  HttpStatus,
  Inject,
  Injectable,
  Logger,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import multer, { type StorageEngine } from 'multer';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../common/errors.js';
import { formShapeError, type FileField } from '../../common/multipart.js';
import { viNumber } from '../../common/text.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { MediaStorage } from '../media-storage.js';

/** An upload that reached the disk: where, how big, its SHA-256, and the name it came with. */
export interface ReceivedFile {
  path: string;
  size: number;
  sha256: string;
  originalName: string;
  /** Seconds from the request's arrival until the file was on disk (for the phase log). */
  receivedSeconds: number;
}

/**
 * Streams the one file of a request to a temporary file while hashing it: never held in memory,
 * cut off (and removed) as soon as it passes the size limit.
 */
class HashingDiskStorage implements StorageEngine {
  constructor(private readonly media: MediaStorage) {}

  _handleFile(
    _req: Request,
    file: Express.Multer.File,
    callback: (error?: unknown, info?: Partial<Express.Multer.File>) => void,
  ): void {
    const path = this.media.tempPath('upload');
    const hash = createHash('sha256');
    let size = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    });
    pipeline(file.stream, counter, createWriteStream(path, { highWaterMark: 1 << 20 })).then(
      () => callback(null, { path, size, destination: hash.digest('hex') }),
      (error) => {
        void unlink(path).catch(() => undefined);
        callback(error);
      },
    );
  }

  _removeFile(_req: Request, file: Express.Multer.File, callback: (error: Error | null) => void): void {
    unlink(file.path).then(
      () => callback(null),
      () => callback(null),
    );
  }
}

const logger = new Logger('AudioUpload');

/** The form of every audio upload: one file, in `file`. */
export const AUDIO_FILE_FIELD: FileField = { field: 'file', what: 'tệp âm thanh' };

/** Multer's words → the API's error shape, in Vietnamese (multer's own words go to the log). */
function uploadError(error: unknown, limitBytes: number): AppError {
  const shape = formShapeError(error, AUDIO_FILE_FIELD);
  if (shape) return shape;
  const code = (error as { code?: string }).code;
  switch (code) {
    case 'LIMIT_FILE_SIZE':
      return new AppError(
        HttpStatus.PAYLOAD_TOO_LARGE,
        'FILE_TOO_LARGE',
        `Tệp lớn hơn giới hạn ${viNumber(limitBytes / 2 ** 20, 0)} MB cho phép. Hãy xuất tệp ở dạng nén (MP3, M4A) hoặc hỏi quản trị về giới hạn.`,
      );
    // The media disk, not the request: writing the temporary file failed (it is removed already).
    case 'ENOSPC':
    case 'EDQUOT':
      logger.error(`upload not stored, the media disk is full: ${(error as Error).message}`);
      return new AppError(
        HttpStatus.INSUFFICIENT_STORAGE,
        'STORAGE_FULL',
        'Máy chủ hết dung lượng lưu trữ âm thanh nên tệp chưa được nhận. Hãy báo quản trị giải phóng ổ đĩa chứa thư mục media, rồi tải lên lại.',
      );
    case 'EIO':
    case 'EROFS':
    case 'EACCES':
    case 'EPERM':
    case 'EMFILE':
    case 'ENFILE':
      logger.error(`upload not stored, the media folder cannot be written: ${(error as Error).message}`);
      return new AppError(
        HttpStatus.SERVICE_UNAVAILABLE,
        'MEDIA_UNAVAILABLE',
        'Máy chủ không ghi được vào thư mục lưu âm thanh nên tệp chưa được nhận. Hãy thử lại sau ít phút; nếu vẫn lỗi, báo quản trị kèm mã yêu cầu.',
      );
    default:
      logger.warn(`upload unreadable: ${(error as Error)?.message ?? String(error)}`);
      return new AppError(
        HttpStatus.BAD_REQUEST,
        'UPLOAD_UNREADABLE',
        'Không đọc được dữ liệu tải lên: đường truyền bị ngắt hoặc biểu mẫu gửi sai. Hãy tải tệp lên lại.',
      );
  }
}

/**
 * Receives `file` of a multipart request onto disk and leaves a {@link ReceivedFile} on
 * `req.receivedFile`. A rejected request leaves no file behind.
 */
@Injectable()
export class AudioUploadInterceptor implements NestInterceptor {
  private readonly upload: ReturnType<multer.Multer['single']>;

  constructor(
    media: MediaStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    // multer 2 passes highWaterMark/fileHwm on to busboy; its type definitions predate them.
    const options: multer.Options & { highWaterMark: number; fileHwm: number } = {
      storage: new HashingDiskStorage(media),
      limits: { fileSize: config.uploadMaxBytes, files: 1, fields: 10, parts: 12 },
      // Keep the name exactly as sent (it is only shown, never used as a path).
      preservePath: true,
      // 1 MiB buffers instead of 16–64 KiB: fewer, larger writes; a few MiB per upload in memory.
      highWaterMark: 1 << 20,
      fileHwm: 1 << 20,
    };
    this.upload = multer(options).single('file');
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const req = http.getRequest<Request & { receivedFile?: ReceivedFile }>();
    const res = http.getResponse<Response>();
    const began = performance.now();
    if (!req.is('multipart/form-data'))
      throw new AppError(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        'MULTIPART_REQUIRED',
        'Hãy gửi tệp âm thanh dạng multipart/form-data, trong trường "file".',
      );
    await new Promise<void>((resolve, reject) =>
      this.upload(req, res, (error?: unknown) =>
        error ? reject(uploadError(error, this.config.uploadMaxBytes)) : resolve(),
      ),
    );
    const file = req.file;
    if (!file)
      throw new AppError(
        HttpStatus.BAD_REQUEST,
        'FILE_REQUIRED',
        'Hãy đính kèm tệp âm thanh trong trường "file".',
      );
    req.receivedFile = {
      path: file.path,
      size: file.size,
      sha256: file.destination,
      // Browsers send UTF-8 names; busboy reads them as latin1 unless told otherwise.
      originalName: Buffer.from(file.originalname, 'latin1').toString('utf8').normalize('NFC'),
      receivedSeconds: (performance.now() - began) / 1000,
    };
    // Whatever happens next (a refused form field, a failed check), the temporary file goes: the
    // service has moved it into place by then if it was accepted.
    const temporary = file.path;
    return next.handle().pipe(finalize(() => void unlink(temporary).catch(() => undefined)));
  }
}

/** The file {@link AudioUploadInterceptor} received (it refuses requests without one). */
export const ReceivedUpload = createParamDecorator(
  (_data: unknown, context: ExecutionContext): ReceivedFile =>
    context.switchToHttp().getRequest<Request & { receivedFile: ReceivedFile }>().receivedFile,
);
