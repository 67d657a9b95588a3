import type { Silence } from '../audio-asset.entity.js';

/** What ebur128 printed in its summary. ffmpeg prints -70 LUFS (its floor) for silence. */
export interface Loudness {
  integratedLufs: number;
  loudnessRangeLu: number;
  truePeakDbtp: number;
}

function lastNumber(text: string, label: RegExp): number | undefined {
  const matches = [...text.matchAll(label)];
  const last = matches.at(-1);
  if (!last) return undefined;
  const value = last[1] === '-inf' ? -Infinity : Number(last[1]);
  return Number.isNaN(value) ? undefined : value;
}

/** Reads the ebur128 summary from ffmpeg's log. */
export function parseLoudness(log: string): Loudness | undefined {
  const summary = log.slice(log.lastIndexOf('Summary:'));
  if (!summary.startsWith('Summary:')) return undefined;
  const integratedLufs = lastNumber(summary, /I:\s+(-?[\d.]+|-inf) LUFS/g);
  const loudnessRangeLu = lastNumber(summary, /LRA:\s+(-?[\d.]+|-inf) LU\b/g);
  const truePeakDbtp = lastNumber(summary, /Peak:\s+(-?[\d.]+|-inf) dBFS/g);
  if (integratedLufs === undefined || loudnessRangeLu === undefined || truePeakDbtp === undefined)
    return undefined;
  return { integratedLufs, loudnessRangeLu, truePeakDbtp };
}

/** Silences reported by silencedetect; one still open at the end runs to `duration`. */
export function parseSilences(log: string, duration: number): Silence[] {
  const silences: Silence[] = [];
  let start: number | undefined;
  for (const line of log.split('\n')) {
    const opened = line.match(/silence_start: (-?[\d.]+)/);
    if (opened) start = Math.max(0, Number(opened[1]));
    const closed = line.match(/silence_end: ([\d.]+)/);
    if (closed && start !== undefined) {
      const end = Number(closed[1]);
      silences.push({ start: round(start), end: round(end), duration: round(end - start) });
      start = undefined;
    }
  }
  if (start !== undefined && duration > start)
    silences.push({ start: round(start), end: round(duration), duration: round(duration - start) });
  return silences;
}

const round = (n: number) => Math.round(n * 100) / 100;

/** Leading and trailing silence in seconds (0 when the audio starts or ends with sound). */
export function edgeSilence(silences: Silence[], duration: number): { leading: number; trailing: number } {
  const first = silences[0];
  const last = silences.at(-1);
  return {
    leading: first && first.start <= 0.05 ? first.duration : 0,
    trailing: last && duration - last.end <= 0.05 ? last.duration : 0,
  };
}

/** ffmpeg's last words, for a failure reason a person can read. */
export function lastErrorLine(log: string): string {
  const lines = log
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('frame=') && !l.startsWith('size='));
  return lines.at(-1) ?? 'no output';
}

/** Peak envelope: the largest absolute sample per window, scaled to 0–1, from s16le mono PCM. */
export function peakEnvelope(pcm: Buffer, sampleRate: number, peaksPerSecond: number): number[] {
  const window = Math.max(1, Math.floor(sampleRate / peaksPerSecond));
  // A typed view instead of readInt16LE per sample: 14 million samples for 30 minutes. Copied when
  // the buffer is not 2-byte aligned (a view needs that); little-endian hosts only, as ffmpeg's s16le.
  const samples =
    pcm.byteOffset % 2 === 0
      ? new Int16Array(pcm.buffer, pcm.byteOffset, Math.floor(pcm.length / 2))
      : new Int16Array(Uint8Array.from(pcm.subarray(0, pcm.length - (pcm.length % 2))).buffer);
  const peaks: number[] = [];
  for (let i = 0; i < samples.length; i += window) {
    let max = 0;
    const end = Math.min(samples.length, i + window);
    for (let j = i; j < end; j++) {
      const v = samples[j] < 0 ? -samples[j] : samples[j];
      if (v > max) max = v;
    }
    peaks.push(Math.round((max / 32768) * 1000) / 1000);
  }
  return peaks;
}
