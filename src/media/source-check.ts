import { viNumber } from '../common/text.js';
import type { Silence } from './audio-asset.entity.js';
import type { ChannelStats } from './ffmpeg/ffmpeg-output.js';

/**
 * What the analysis tells about a recording that a reporter can do something about next time. Each
 * is a warning, never a refusal: the file still becomes a broadcast rendition (DOMAIN.md).
 */

/** A channel this far under the loudest one carries no programme (a dead or unplugged side). */
const DEAD_CHANNEL_DB = 30;
/** Raising a recording by more than this lifts its background noise into earshot too. */
export const QUIET_GAIN_DB = 25;
/** Energy above 7 kHz this far under the programme's loudness (speech: 25–31 dB; an 8 kHz file: 50 dB). */
const NARROWBAND_DB = 40;
/** A clipped recording has percents of its samples within 1 dB of full scale; speech peaking at 0 dBFS, a few in 100,000. */
const CLIPPED_SHARE = 0.001;
/** Silence is judged against the programme: this far under its loudness is nothing to hear. */
export const SILENCE_BELOW_PROGRAMME_DB = 34;

const SIDE = ['trái', 'phải'];
const channelName = (index: number, count: number) =>
  count === 2 ? `kênh ${SIDE[index]}` : `kênh ${index + 1}`;

/**
 * The one channel that carries the programme when every other is dead, or null (use the downmix).
 * A stereo recording with one side silent is common from phones and field recorders.
 */
export function liveChannel(channels: ChannelStats[]): number | null {
  if (channels.length < 2) return null;
  const loudest = Math.max(...channels.map((c) => c.rmsDb));
  if (!Number.isFinite(loudest)) return null;
  const live = channels.flatMap((c, i) => (c.rmsDb > loudest - DEAD_CHANNEL_DB ? [i] : []));
  return live.length === 1 ? live[0] : null;
}

export interface SourceFacts {
  channels: ChannelStats[];
  usedChannel: number | null;
  durationSeconds: number;
  integratedLufs: number;
  truePeakDbtp: number;
  /** Mean level above 7 kHz, dB. */
  highBandDb: number | undefined;
  /** Gain the house loudness asks for (before any limiter make-up). */
  gainDb: number;
}

export function isNarrowband(facts: Pick<SourceFacts, 'highBandDb' | 'integratedLufs'>): boolean {
  return facts.highBandDb !== undefined && facts.highBandDb < facts.integratedLufs - NARROWBAND_DB;
}

export function isClipped(facts: Pick<SourceFacts, 'channels'>): boolean {
  return facts.channels.some((c) => c.fullScaleShare >= CLIPPED_SHARE);
}

export function sourceWarnings(facts: SourceFacts): string[] {
  const warnings: string[] = [];
  if (facts.usedChannel !== null) {
    const n = facts.channels.length;
    const dead = facts.channels.map((_, i) => i).filter((i) => i !== facts.usedChannel);
    warnings.push(
      `Bản ghi chỉ có tiếng ở ${channelName(facts.usedChannel, n)}; ${dead.map((i) => channelName(i, n)).join(', ')} im lặng nên đã được bỏ qua, ` +
        'chỉ phát kênh có tiếng. Lần sau hãy kiểm tra dây micro hoặc chế độ thu của máy ghi âm.',
    );
  }
  if (facts.gainDb > QUIET_GAIN_DB)
    warnings.push(
      `Bản ghi rất nhỏ tiếng: phải tăng thêm ${viNumber(facts.gainDb, 0)} dB nên tiếng ồn nền cũng to lên. ` +
        'Lần sau hãy để micro gần người nói hơn hoặc tăng mức thu của máy ghi âm.',
    );
  if (isClipped(facts))
    warnings.push(
      'Bản ghi bị méo do thu quá to (đỉnh sóng bị cắt); phần méo không sửa được. ' +
        'Lần sau hãy giảm mức thu của máy ghi âm hoặc để micro xa miệng hơn một chút.',
    );
  if (isNarrowband(facts))
    warnings.push(
      'Bản ghi có dải tần hẹp như gọi qua điện thoại, nghe sẽ đục và kém rõ trên loa. ' +
        'Nếu có bản ghi gốc từ máy ghi âm hoặc ứng dụng ghi âm, hãy gửi bản đó.',
    );
  return warnings;
}

const clock = (seconds: number) => {
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/** Warnings for people, never cuts: spoken programmes are mis-trimmed by silence detection (DOMAIN.md). */
export function silenceWarnings(
  analysis: { leadingSilenceSeconds: number; trailingSilenceSeconds: number; silences: Silence[] },
  duration: number,
): string[] {
  const warnings: string[] = [];
  if (analysis.leadingSilenceSeconds > 0)
    warnings.push(`Khoảng lặng ${viNumber(analysis.leadingSilenceSeconds)} giây ở đầu bài (không bị cắt).`);
  if (analysis.trailingSilenceSeconds > 0)
    warnings.push(`Khoảng lặng ${viNumber(analysis.trailingSilenceSeconds)} giây ở cuối bài (không bị cắt).`);
  for (const s of analysis.silences) {
    const atEdge = s.start <= 0.05 || duration - s.end <= 0.15;
    if (!atEdge) warnings.push(`Đoạn lặng dài ${viNumber(s.duration)} giây tại phút ${clock(s.start)}.`);
  }
  return warnings;
}
