import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { open } from 'node:fs/promises';
import { AppError } from '../../common/errors.js';
import { viNumber } from '../../common/text.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import type { ProbeSummary } from '../audio-asset.entity.js';
import { FfmpegRunner, NotAudioError } from '../ffmpeg/ffmpeg-runner.js';
import type { ReceivedFile } from './audio-upload.interceptor.js';
import { wavCutOff, wavHeaderLie } from './wav-header.js';

async function readHead(path: string, bytes: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
/** Header and decoded length may differ by a frame or two; more means the file lies or was cut. */
const LENGTH_TOLERANCE_SECONDS = 1;

/** A length as people say it: seconds up to a minute and a half, minutes beyond ("8,4 giây", "1,5 phút"). */
function lengthInWords(seconds: number): string {
  const [value, unit] = seconds < 90 ? [seconds, 'giây'] : [seconds / 60, 'phút'];
  const rounded = Math.round(value * 10) / 10;
  return `${viNumber(rounded, Number.isInteger(rounded) ? 0 : 1)} ${unit}`;
}

/** What an upload must be before it is accepted; every refusal says, in Vietnamese, what to do. */
@Injectable()
export class UploadContentCheck {
  private readonly logger = new Logger(UploadContentCheck.name);

  constructor(
    private readonly ffmpeg: FfmpegRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The content decides: an audio stream between 1 s and the limit, which decodes to the end and is
   * as long as its header says (a truncated file or a lying header is refused here, not at air time).
   */
  async check(file: ReceivedFile): Promise<ProbeSummary> {
    if (file.size === 0)
      throw new AppError(
        HttpStatus.BAD_REQUEST,
        'EMPTY_FILE',
        'Tệp rỗng: không có dữ liệu nào được gửi lên.',
      );
    const head = await readHead(file.path, 4096);
    // A WAV copied only in part has no audio left: ffprobe calls it "not audio" when the cut is in
    // the header and finds an empty stream when only the header came. Both are a cut-off copy, which
    // the reporter can fix by copying again; say that instead (and spare ffprobe the work).
    const cut = wavCutOff(head, file.size);
    if (cut)
      throw new AppError(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'LENGTH_MISMATCH',
        cut === 'header-only'
          ? 'Tệp WAV bị cắt cụt: chỉ có phần đầu, không có âm thanh. Hãy chép lại tệp gốc từ máy ghi âm.'
          : 'Tệp WAV bị cắt cụt: đứt ngay trong phần đầu tệp, không có âm thanh. Hãy chép lại tệp gốc từ máy ghi âm.',
      );
    let probe;
    try {
      probe = await this.ffmpeg.probe(file.path);
    } catch (error) {
      if (error instanceof NotAudioError)
        throw new AppError(HttpStatus.UNPROCESSABLE_ENTITY, error.code, error.message);
      throw error;
    }
    const lie = wavHeaderLie(head, file.size);
    if (lie)
      throw new AppError(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'LENGTH_MISMATCH',
        lie.byteRate
          ? `Tệp WAV bị cắt cụt khi chép: phần đầu tệp ghi ${lengthInWords(lie.declared / lie.byteRate)} âm thanh nhưng chỉ có ${lengthInWords(lie.available / lie.byteRate)}. Hãy chép lại tệp gốc từ máy ghi âm.`
          : `Tệp WAV bị cắt cụt khi chép: phần đầu tệp ghi ${lie.declared} byte âm thanh nhưng chỉ có ${lie.available} byte. Hãy chép lại tệp gốc từ máy ghi âm.`,
      );
    const decoded = await this.ffmpeg.decodedLength(file.path);
    if (decoded.errors.length) {
      this.logger.warn(
        `upload "${file.originalName}" (${file.sha256.slice(0, 12)}) refused as corrupt; the decoder said: ${decoded.errors[0]}`,
      );
      throw new AppError(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'CORRUPT_AUDIO',
        'Tệp âm thanh bị hỏng hoặc không trọn vẹn: không giải mã được đến hết. Hãy xuất lại tệp từ máy ghi âm rồi tải lên lại.',
      );
    }
    const declared = Number.isFinite(probe.durationSeconds) ? probe.durationSeconds : decoded.seconds;
    if (Math.abs(declared - decoded.seconds) > LENGTH_TOLERANCE_SECONDS)
      throw new AppError(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'LENGTH_MISMATCH',
        `Tệp ghi độ dài ${lengthInWords(declared)} nhưng chỉ có ${lengthInWords(decoded.seconds)} âm thanh: tệp bị cắt cụt hoặc hỏng phần đầu. Hãy chép lại tệp gốc từ máy ghi âm.`,
      );
    probe.durationSeconds = decoded.seconds;
    if (decoded.seconds < 1)
      throw new AppError(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'TOO_SHORT',
        `Âm thanh chỉ dài ${viNumber(decoded.seconds, 2)} giây; cần ít nhất 1 giây. Hãy kiểm tra lại tệp ghi âm.`,
      );
    if (decoded.seconds > this.config.uploadMaxDurationSeconds)
      throw new AppError(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'TOO_LONG',
        `Âm thanh dài ${lengthInWords(decoded.seconds)}, quá giới hạn ${lengthInWords(this.config.uploadMaxDurationSeconds)}. Hãy cắt thành nhiều phần hoặc hỏi quản trị về giới hạn.`,
      );
    return probe;
  }
}
