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

/**
 * Integrated loudness and loudness range from an ebur128 summary printed without true peak; with
 * `instance`, the summary of that named filter (`ebur128@trial0`) among several.
 */
export function parseSummary(
  log: string,
  instance?: string,
): { integratedLufs: number; loudnessRangeLu: number } | undefined {
  let at = log.lastIndexOf('Summary:');
  if (instance) {
    const named = [...log.matchAll(/^\[([^\]]+?) @ [^\]]*\] Summary:/gm)]
      .filter((m) => m[1] === instance)
      .at(-1);
    if (!named) return undefined;
    at = (named.index ?? 0) + named[0].indexOf('Summary:');
  }
  if (at < 0) return undefined;
  const next = log.indexOf('Summary:', at + 8);
  const summary = log.slice(at, next > 0 ? next : undefined);
  const integratedLufs = lastNumber(summary, /I:\s+(-?[\d.]+|-inf) LUFS/g);
  const loudnessRangeLu = lastNumber(summary, /LRA:\s+(-?[\d.]+|-inf) LU\b/g);
  return integratedLufs === undefined || loudnessRangeLu === undefined
    ? undefined
    : { integratedLufs, loudnessRangeLu };
}

/** One source channel's level as volumedetect saw it (before any downmix). */
export interface ChannelStats {
  rmsDb: number;
  peakDb: number;
  /** Share of samples within 1 dB of full scale: next to none in speech, percents when clipped. */
  fullScaleShare: number;
}

const dbValue = (text: string) => (text.trim() === '-inf' ? -Infinity : Number(text));

/** What each `volumedetect@<name>` instance printed at the end of a pass, by name. */
function volumeDetects(log: string): Map<string, Record<string, string>> {
  const found = new Map<string, Record<string, string>>();
  for (const m of log.matchAll(/^\[volumedetect@(\w+) @ [^\]]*\] (\w+): (.+)$/gm)) {
    const entry = found.get(m[1]) ?? {};
    entry[m[2]] = m[3].replace(/ dB$/, '');
    found.set(m[1], entry);
  }
  return found;
}

/** Per-channel levels from the `volumedetect@c0`, `@c1`… instances of the analysis. */
export function parseChannelStats(log: string): ChannelStats[] {
  const detects = volumeDetects(log);
  const channels: ChannelStats[] = [];
  for (let i = 0; detects.has(`c${i}`); i++) {
    const d = detects.get(`c${i}`) as Record<string, string>;
    const samples = Number(d.n_samples ?? 0);
    channels.push({
      rmsDb: dbValue(d.mean_volume ?? '-inf'),
      peakDb: dbValue(d.max_volume ?? '-inf'),
      fullScaleShare: samples > 0 ? Number(d.histogram_0db ?? 0) / samples : 0,
    });
  }
  return channels;
}

/** Mean or maximum level (dB) that the `volumedetect@<name>` instance printed, if it did. */
export function parseVolume(log: string, name: string, which: 'mean' | 'max'): number | undefined {
  const value = volumeDetects(log).get(name)?.[`${which}_volume`];
  return value === undefined ? undefined : dbValue(value);
}

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
