/**
 * ffmpeg commands as plain data. Building is pure (unit-tested against exact argument lists); one
 * runner ({@link ./ffmpeg-runner.ts}) executes them.
 */
export interface FfmpegCommand {
  input: string[];
  inputOptions: string[];
  complexFilter?: string;
  outputs: { target: string; options: string[] }[];
}

/** The house broadcast standard (DOMAIN.md), configurable per installation. */
export interface LoudnessTarget {
  integratedLufs: number;
  truePeakDbtp: number;
}

/** Silence shorter than this is a pause, longer a warning (never cut: DOMAIN.md). */
export const SILENCE_SECONDS = 2;
const SILENCE_NOISE_DB = -50;
/** Sample rate of the PCM the waveform is drawn from: enough for 10 peaks a second, small to move. */
export const ENVELOPE_RATE = 8000;

/** Everything that airs is measured and made as the loudspeakers get it: mono, 44.1 kHz. */
const TO_BROADCAST_FORMAT = 'aresample=44100,aformat=sample_fmts=fltp:channel_layouts=mono';

/**
 * One decoding pass: EBU R128 loudness with true peak and silence detection on the mono downmix,
 * and a low-rate PCM copy for the waveform. `-vn` ignores a video track; `0:a:0` is the first audio.
 */
export function analysisCommand(input: string, envelopeOut: string): FfmpegCommand {
  return {
    input: [input],
    inputOptions: ['-nostdin', '-hide_banner', '-loglevel', 'info'],
    complexFilter: [
      `[0:a:0]${TO_BROADCAST_FORMAT},asplit=2[measure][wave]`,
      // framelog=verbose keeps ebur128's per-frame lines out of the info-level log; the summary stays.
      `[measure]ebur128=peak=true:framelog=verbose,silencedetect=noise=${SILENCE_NOISE_DB}dB:duration=${SILENCE_SECONDS}[measured]`,
      `[wave]aresample=${ENVELOPE_RATE},aformat=sample_fmts=s16:channel_layouts=mono[envelope]`,
    ].join(';'),
    outputs: [
      { target: '-', options: ['-map', '[measured]', '-f', 'null'] },
      { target: envelopeOut, options: ['-map', '[envelope]', '-f', 's16le'] },
    ],
  };
}

/**
 * The broadcast rendition: a linear gain to the target, a limiter only when the gain would push the
 * true peak over the ceiling, MP3 CBR 128 kbps mono 44.1 kHz, no metadata carried over.
 * Optional intro and outro (already broadcast renditions) are joined on.
 */
export function renditionCommand(
  input: string,
  output: string,
  plan: { gainDb: number; limitDbtp: number | null },
  jingles: { intro?: string; outro?: string } = {},
): FfmpegCommand {
  const chain = [TO_BROADCAST_FORMAT, `volume=${plan.gainDb.toFixed(2)}dB`];
  if (plan.limitDbtp !== null) {
    // alimiter works on sample peaks: oversample 4× so it also catches most inter-sample peaks.
    const limit = Math.pow(10, plan.limitDbtp / 20).toFixed(4);
    chain.push(
      `aresample=176400`,
      `alimiter=limit=${limit}:attack=5:release=50:level=false`,
      `aresample=44100`,
    );
  }
  const inputs = [input];
  let filter = `[0:a:0]${chain.join(',')}[main]`;
  const parts = ['[main]'];
  if (jingles.intro) {
    inputs.push(jingles.intro);
    filter += `;[${inputs.length - 1}:a:0]${TO_BROADCAST_FORMAT}[intro]`;
    parts.unshift('[intro]');
  }
  if (jingles.outro) {
    inputs.push(jingles.outro);
    filter += `;[${inputs.length - 1}:a:0]${TO_BROADCAST_FORMAT}[outro]`;
    parts.push('[outro]');
  }
  if (parts.length > 1) filter += `;${parts.join('')}concat=n=${parts.length}:v=0:a=1[out]`;
  else filter = filter.replace('[main]', '[out]');
  return {
    input: inputs,
    inputOptions: ['-nostdin', '-hide_banner', '-loglevel', 'info'],
    complexFilter: filter,
    outputs: [
      {
        target: output,
        options: [
          '-map',
          '[out]',
          '-map_metadata',
          '-1',
          '-c:a',
          'libmp3lame',
          // LAME quality 5 of 0–9: a third faster than ffmpeg's default, no audible loss for speech.
          '-compression_level',
          '5',
          '-b:a',
          '128k',
          '-ar',
          '44100',
          '-ac',
          '1',
          // Write in full 32 KiB buffers, not one 417-byte MP3 frame at a time: on a pipe ffmpeg
          // flushes after every packet by default, and the 70,000 tiny chunks of 30 minutes cost the
          // Node process that relays them to the file and the measurement about 5 s of CPU.
          '-flush_packets',
          '0',
          '-f',
          'mp3',
        ],
      },
    ],
  };
}

/** Decodes the first audio stream to nowhere: only errors and the progress line are printed. */
export function decodeCheckCommand(input: string): FfmpegCommand {
  return {
    input: [input],
    inputOptions: ['-nostdin', '-hide_banner', '-loglevel', 'error', '-stats'],
    outputs: [{ target: '-', options: ['-map', '0:a:0', '-f', 'null'] }],
  };
}

/** Measures a finished rendition the way the analysis measured the original. */
export function measureCommand(input: string): FfmpegCommand {
  return {
    input: [input],
    inputOptions: ['-nostdin', '-hide_banner', '-loglevel', 'info'],
    complexFilter: `[0:a:0]ebur128=peak=true:framelog=verbose[measured]`,
    outputs: [{ target: '-', options: ['-map', '[measured]', '-f', 'null'] }],
  };
}

/** The argument list ffmpeg is called with. */
export function toArgs(command: FfmpegCommand): string[] {
  const args = [...command.inputOptions];
  for (const input of command.input) args.push('-i', input);
  // Outputs are always fresh temporary paths; fluent-ffmpeg adds -y here in any case.
  args.push('-y');
  if (command.complexFilter) args.push('-filter_complex', command.complexFilter);
  for (const output of command.outputs) args.push(...output.options, output.target);
  return args;
}

/**
 * Gain plan: linear gain to the target; when that would lift the true peak above the ceiling, a
 * limiter set 1 dB under it (MP3 encoding adds some overshoot).
 */
export function gainPlan(
  measured: { integratedLufs: number; truePeakDbtp: number },
  target: LoudnessTarget,
): { gainDb: number; limitDbtp: number | null } {
  const gainDb = target.integratedLufs - measured.integratedLufs;
  const peakAfter = measured.truePeakDbtp + gainDb;
  return { gainDb, limitDbtp: peakAfter > target.truePeakDbtp ? target.truePeakDbtp - 1 : null };
}

/**
 * Streams a broadcast rendition to an Icecast 2 mount in real time (the source protocol): `-re`
 * reads at the audio's own pace, so listeners hear it live; `-c copy` sends the MP3 frames as they
 * are (the rendition already is the broadcast format).
 */
export function icecastCommand(input: string, mountUrl: string): FfmpegCommand {
  return {
    input: [input],
    inputOptions: ['-nostdin', '-hide_banner', '-re'],
    outputs: [
      {
        target: mountUrl,
        options: ['-map', '0:a:0', '-c', 'copy', '-content_type', 'audio/mpeg', '-f', 'mp3'],
      },
    ],
  };
}
