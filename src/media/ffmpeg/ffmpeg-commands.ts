/**
 * ffmpeg commands as plain data. Building is pure (unit-tested against exact argument lists); one
 * runner ({@link ./ffmpeg-runner.ts}) executes them.
 */
import { ENVELOPE_RATE } from '../envelope.js';
import type { Programme, RenderPlan } from '../loudness.js';

export interface FfmpegCommand {
  input: string[];
  inputOptions: string[];
  complexFilter?: string;
  outputs: { target: string; options: string[] }[];
}

/** Silence shorter than this is a pause, longer a warning (never cut: DOMAIN.md). */
export const SILENCE_SECONDS = 2;

/** Everything that airs is measured and made as the loudspeakers get it: mono, 44.1 kHz. */
const TO_BROADCAST_FORMAT = 'aresample=44100,aformat=sample_fmts=fltp:channel_layouts=mono';

/**
 * The programme as it will air: the mono downmix, or one channel alone when the other is dead (a
 * downmix would halve a one-sided recording and add the dead side's hum); then, for a recording whose
 * loudness range is too wide, a slow leveller (RMS, 200 ms attack, 1 s release: it rides voices,
 * not syllables; ratio 2 keeps it gentle).
 */
function programme(source: Programme): string {
  const chain =
    source.channel === null ? [TO_BROADCAST_FORMAT] : [`pan=mono|c0=c${source.channel}`, TO_BROADCAST_FORMAT];
  if (source.levellerDbfs !== null) {
    const threshold = Math.pow(10, source.levellerDbfs / 20).toFixed(5);
    chain.push(`acompressor=threshold=${threshold}:ratio=2:attack=200:release=1000:detection=rms`);
  }
  return chain.join(',');
}

/** Gain, then (when planned) a true-peak limiter. */
function levelChain(plan: RenderPlan): string {
  const chain = [`volume=${plan.gainDb.toFixed(2)}dB`];
  if (plan.limitDbtp !== null) {
    // alimiter works on sample peaks: oversample 2× so it also catches most inter-sample peaks (4× gave
    // the same true peak on speech and cost 40 % more time).
    // attack is its look-ahead: 5 ms keeps the attack of a syllable; release 50 ms lets the gain
    // come back between syllables instead of pumping over whole words.
    const limit = Math.pow(10, plan.limitDbtp / 20).toFixed(4);
    chain.push(
      `aresample=88200`,
      `alimiter=limit=${limit}:attack=5:release=50:level=false`,
      `aresample=44100`,
    );
  }
  return chain.join(',');
}

/** The true-peak measurement's headroom over full scale. */
export const TRUE_PEAK_HEADROOM_DB = 12;

/** Above this, speech still has sibilants (30 dB under its loudness); telephone audio (300–3,400 Hz) next to nothing. */
export const HIGH_BAND_HZ = 7000;

/**
 * One decoding pass: each source channel's level (a dead channel; samples at full scale: clipping),
 * the programme's EBU R128 loudness and its true peak, its energy above {@link HIGH_BAND_HZ} (a
 * telephone recording), and a low-rate float copy on stdout for the waveform and the silences.
 * `0:a:0` is the first audio stream, so a video's picture is never decoded. volumedetect, not
 * astats: astats costs 3.7 s for 30 minutes of stereo, two volumedetects 0.5 s.
 */
export function analysisCommand(input: string, source: Programme, channels: number): FfmpegCommand {
  const perChannel = Array.from(
    { length: Math.max(1, channels) },
    (_, i) => `[raw${i}]${channels > 1 ? `pan=mono|c0=c${i},` : ''}volumedetect@c${i},anullsink`,
  );
  return {
    input: [input],
    inputOptions: ['-nostdin', '-hide_banner', '-loglevel', 'info'],
    complexFilter: [
      `[0:a:0]asplit=${perChannel.length + 1}${perChannel.map((_, i) => `[raw${i}]`).join('')}[prog]`,
      ...perChannel,
      `[prog]${programme(source)},asplit=4[measure][peak][wave][high]`,
      // framelog=verbose keeps ebur128's per-frame lines out of the info-level log; the summary stays.
      `[measure]ebur128=framelog=verbose,anullsink`,
      // True peak: the largest sample at 4× the rate. ebur128's own (peak=true) cost 4.1 s for 30
      // minutes, this 1.8 s, same figure. volumedetect works in 16 bits, so the programme goes in
      // TRUE_PEAK_HEADROOM_DB down, for peaks over full scale (a hot recording's) to show.
      `[peak]volume=-${TRUE_PEAK_HEADROOM_DB}dB,aresample=176400,volumedetect@truepeak,anullsink`,
      // Two 2-pole filters: 24 dB an octave, enough to tell 3.4 kHz telephone audio from speech.
      `[high]highpass=f=${HIGH_BAND_HZ},highpass=f=${HIGH_BAND_HZ},volumedetect@high,anullsink`,
      `[wave]aresample=${ENVELOPE_RATE},aformat=sample_fmts=flt:channel_layouts=mono[envelope]`,
    ].join(';'),
    outputs: [{ target: 'pipe:1', options: ['-map', '[envelope]', '-f', 'f32le'] }],
  };
}

/** Trials listen to this much of a long recording: 10 s out of every `period`, 30 stretches in all. */
export const TRIAL_STRETCH_SECONDS = 10;
export function trialPeriod(durationSeconds: number): number {
  return Math.max(TRIAL_STRETCH_SECONDS, Math.ceil(durationSeconds / 30));
}

/**
 * Trials: the programme through a plan's gain and limiter at each of `gains`, measured, not encoded,
 * in one process (decoded once). A long recording is sampled (10 s of each `period` seconds): the
 * limiter's effect is a property of the voice, not of the whole hour, and the encode measures the rest.
 */
export function trialCommand(
  input: string,
  plan: RenderPlan,
  gains: number[],
  periodSeconds: number,
  lastUnprocessed = false,
): FfmpegCommand {
  const sample =
    periodSeconds > TRIAL_STRETCH_SECONDS
      ? `aselect='lt(mod(t,${periodSeconds}),${TRIAL_STRETCH_SECONDS})',asetpts=N/SR/TB,`
      : '';
  const split = `[0:a:0]${sample}${programme(plan)},asplit=${gains.length}${gains.map((_, i) => `[in${i}]`).join('')}`;
  // With `lastUnprocessed`, the last chain measures the (sampled) programme itself, for calibration.
  const chains = gains.map((gainDb, i) => {
    const level = lastUnprocessed && i === gains.length - 1 ? '' : `${levelChain({ ...plan, gainDb })},`;
    return `[in${i}]${level}ebur128@trial${i}=framelog=verbose[trial${i}]`;
  });
  return {
    input: [input],
    inputOptions: ['-nostdin', '-hide_banner', '-loglevel', 'info'],
    complexFilter: [split, ...chains].join(';'),
    outputs: gains.map((_, i) => ({ target: '-', options: ['-map', `[trial${i}]`, '-f', 'null'] })),
  };
}

/**
 * The broadcast rendition: the plan's gain and limiter, MP3 CBR 128 kbps mono 44.1 kHz, no metadata
 * carried over. The programme is also measured before encoding (what the encoder takes away is then
 * known). Optional intro and outro (already broadcast renditions) are joined on.
 */
export function renditionCommand(
  input: string,
  output: string,
  plan: RenderPlan,
  jingles: { intro?: string; outro?: string } = {},
): FfmpegCommand {
  const inputs = [input];
  let filter =
    `[0:a:0]${programme(plan)},${levelChain(plan)},asplit=2[main][pre];` +
    `[pre]ebur128=framelog=verbose,anullsink`;
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
          // LAME quality 7 of 0–9: on speech at 128 kbit/s mono it gave the same loudness and true peak
          // as 5, and encodes 30 minutes in 5.4 s instead of 9.4 s.
          '-compression_level',
          '7',
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
  // Outputs are always fresh temporary paths; fluent-ffmpeg adds -y when one output is a file (a
  // path or '-', not a protocol such as pipe:).
  if (command.outputs.some((o) => !/^[a-z]+:/.test(o.target))) args.push('-y');
  if (command.complexFilter) args.push('-filter_complex', command.complexFilter);
  for (const output of command.outputs) args.push(...output.options, output.target);
  return args;
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
