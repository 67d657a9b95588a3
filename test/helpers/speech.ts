import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ffmpegPath, measure, probe } from './audio.js';

/*
 * Real speech for ingest tests: espeak-ng's Vietnamese voices reading a short reportage of the column
 * "Hoa giữa đời thường", assembled with pauses, mastered quiet (about −28 LUFS, so normalising has
 * work to do) and delivered the ways reporters deliver (DOMAIN.md, "Audio for loudspeakers").
 * Speech, unlike a tone, has peaks 15–20 dB above its loudness: that is what the pipeline must survive.
 */

const run = promisify(execFile);

/** One sentence: what is said, by which espeak-ng voice, how fast and high, and the pause after it. */
interface Utterance {
  text: string;
  /** espeak-ng voice, with an optional variant: `vi`, `vi-vn-x-south+f3`… */
  voice: string;
  /** Words per minute. */
  speed: number;
  /** 0–99, espeak-ng's default 50. */
  pitch: number;
  pauseAfter: number;
  /** Level of this speaker against the others (the interview's quiet guest). */
  gainDb?: number;
}

/** Where every mastered speech file sits before it is delivered in a format. */
export const SPEECH_LOUDNESS_LUFS = -28;
/** Silence before the first word: short enough not to count as leading silence. */
const LEAD_IN_SECONDS = 0.3;
const RATE = 48000;

const REPORTAGE: Utterance[] = [
  {
    text: 'Chuyên mục Hoa giữa đời thường kính chào quý vị.',
    voice: 'vi',
    speed: 155,
    pitch: 50,
    pauseAfter: 0.8,
  },
  {
    text: 'Ở xã Phước Hội, chị em phụ nữ thu gom phế liệu, bán lấy tiền tặng học bổng cho học sinh nghèo.',
    voice: 'vi-vn-x-south+f3',
    speed: 140,
    pitch: 60,
    pauseAfter: 1.2,
  },
  {
    text: 'Mô hình tiếp sức đến trường đã trao hàng trăm suất học bổng.',
    voice: 'vi-vn-x-central',
    speed: 165,
    pitch: 45,
    pauseAfter: 0.6,
  },
  {
    text: 'Tại Long Mỹ và Láng Dài, bà con trồng hoa làm đẹp các tuyến đường.',
    voice: 'vi+f2',
    speed: 130,
    pitch: 70,
    pauseAfter: 1.5,
  },
  {
    text: 'Những bông hoa giữa đời thường ấy đang lan tỏa khắp huyện Đất Đỏ.',
    voice: 'vi-vn-x-south',
    speed: 175,
    pitch: 40,
    pauseAfter: 0.5,
  },
];

/** The reporter at full voice, the guest 10 dB lower (a mic pointed at the wrong person). */
const QUIET_GUEST_DB = -10;
const INTERVIEW: Utterance[] = [
  {
    text: 'Thưa chị, vì sao chị nghĩ ra việc thu gom phế liệu để tặng học bổng?',
    voice: 'vi',
    speed: 150,
    pitch: 45,
    pauseAfter: 0.7,
  },
  {
    text: 'Tôi thấy nhiều em học sinh ở Phước Hội nhà nghèo, nên rủ chị em trong hội cùng làm.',
    voice: 'vi-vn-x-south+f3',
    speed: 130,
    pitch: 65,
    pauseAfter: 0.9,
    gainDb: QUIET_GUEST_DB,
  },
  {
    text: 'Mỗi năm hội trao được bao nhiêu suất học bổng?',
    voice: 'vi',
    speed: 150,
    pitch: 45,
    pauseAfter: 0.6,
  },
  {
    text: 'Năm rồi hội trao được ba mươi suất, mỗi suất năm trăm nghìn đồng.',
    voice: 'vi-vn-x-south+f3',
    speed: 130,
    pitch: 65,
    pauseAfter: 1.0,
    gainDb: QUIET_GUEST_DB,
  },
  {
    text: 'Xin cảm ơn chị và chúc hội phụ nữ xã Long Mỹ thêm nhiều việc tốt.',
    voice: 'vi',
    speed: 150,
    pitch: 45,
    pauseAfter: 0.5,
  },
];

/** Long enough for any silence detector (the service's looks for 2 s), in the middle of speech. */
export const LONG_PAUSE_SECONDS = 5;
const WITH_LONG_PAUSE: Utterance[] = [
  REPORTAGE[0],
  { ...REPORTAGE[1], pauseAfter: LONG_PAUSE_SECONDS },
  REPORTAGE[2],
  REPORTAGE[4],
];

/** The music bed sits this far under the voice, and runs through the pauses. */
const MUSIC_BED_UNDER_DB = 18;

/** Every delivery of the speech material, by key; the label is what a test reports. */
export const SPEECH_FILES = {
  wav48k: 'WAV 48 kHz stereo 16-bit',
  wav44k: 'WAV 44.1 kHz stereo 16-bit',
  narrowband: 'WAV 8 kHz narrowband (300–3400 Hz)',
  wav96k: 'WAV 96 kHz stereo 32-bit float',
  mp3: 'MP3 VBR with Vietnamese ID3 tags and cover art',
  m4a: 'AAC in M4A',
  webm: 'Opus in WebM (browser recording)',
  flac: 'FLAC',
  video: 'MP4 video with an AAC track',
  phone: 'mono phone recording, 16 kHz',
  deadChannel: 'stereo WAV with a dead right channel',
  quiet: 'very quiet WAV (−30 dB)',
  clipped: 'clipped hot WAV (+20 dB)',
  interview: 'interview, the guest 10 dB quieter',
  musicBed: 'speech over a music bed',
  longPause: `speech with a ${LONG_PAUSE_SECONDS} s pause in the middle`,
} as const;
export type SpeechFile = keyof typeof SPEECH_FILES;

async function ffmpeg(args: string[]): Promise<void> {
  await run(await ffmpegPath(), ['-y', '-nostdin', '-v', 'error', ...args]);
}

/** One sentence as a 22.05 kHz mono WAV. `-a 60` keeps espeak-ng's own peaks off full scale. */
async function say(path: string, u: Utterance): Promise<string> {
  await run('espeak-ng', [
    '-v',
    u.voice,
    '-s',
    String(u.speed),
    '-p',
    String(u.pitch),
    '-a',
    '60',
    '-w',
    path,
    u.text,
  ]);
  return path;
}

/**
 * The sentences one after another with their pauses, as a 48 kHz stereo float WAV (both channels
 * the same, as a mono mic recorded in stereo), brought to `lufs` by a plain gain: no limiter, no
 * compressor, so the speech keeps its peaks.
 */
async function assemble(dir: string, name: string, lines: Utterance[], lufs = SPEECH_LOUDNESS_LUFS) {
  const sentences = await Promise.all(lines.map((u, i) => say(join(dir, `${name}-${i}.wav`), u)));
  const chain = lines
    .map(
      (u, i) =>
        `[${i}:a]aresample=${RATE},aformat=sample_fmts=flt:channel_layouts=mono,` +
        `volume=${u.gainDb ?? 0}dB,apad=pad_dur=${u.pauseAfter}[s${i}]`,
    )
    .join(';');
  const joined = lines.map((_, i) => `[s${i}]`).join('');
  const raw = join(dir, `${name}-raw.wav`);
  await ffmpeg([
    ...sentences.flatMap((s) => ['-i', s]),
    '-filter_complex',
    `${chain};${joined}concat=n=${lines.length}:v=0:a=1,adelay=delays=${LEAD_IN_SECONDS * 1000}:all=1,` +
      'pan=stereo|c0=c0|c1=c0[out]',
    '-map',
    '[out]',
    '-c:a',
    'pcm_f32le',
    raw,
  ]);
  return master(raw, join(dir, `${name}-master.wav`), lufs);
}

/** A copy of `input` whose integrated loudness is `lufs`, by measuring once and applying the gain. */
async function master(input: string, output: string, lufs: number): Promise<string> {
  const { lufs: measured } = await measure(input);
  await ffmpeg(['-i', input, '-af', `volume=${(lufs - measured).toFixed(2)}dB`, '-c:a', 'pcm_f32le', output]);
  return output;
}

/**
 * A chord of sines and a triangle with a tremolo, under the speech at −18 LU, for the speech's whole
 * length (pauses included), mixed without amix's automatic scaling and mastered again.
 */
async function withMusicBed(dir: string, speech: string): Promise<string> {
  const { duration } = await probe(speech);
  const chord =
    "aevalsrc='0.10*sin(2*PI*110*t)+0.20*sin(2*PI*220*t)+0.15*sin(2*PI*261.63*t)" +
    `+0.15*2/PI*asin(sin(2*PI*329.63*t))':s=${RATE}:c=stereo:d=${duration.toFixed(3)},tremolo=f=4:d=0.4`;
  const rawBed = join(dir, 'bed-raw.wav');
  await ffmpeg(['-f', 'lavfi', '-i', chord, '-c:a', 'pcm_f32le', rawBed]);
  const bed = await master(rawBed, join(dir, 'bed.wav'), SPEECH_LOUDNESS_LUFS - MUSIC_BED_UNDER_DB);
  const mixed = join(dir, 'music-bed-raw.wav');
  await ffmpeg([
    '-i',
    speech,
    '-i',
    bed,
    '-filter_complex',
    '[0:a][1:a]amix=inputs=2:duration=first:normalize=0[out]',
    '-map',
    '[out]',
    '-c:a',
    'pcm_f32le',
    mixed,
  ]);
  return master(mixed, join(dir, 'music-bed-master.wav'), SPEECH_LOUDNESS_LUFS);
}

/** A small cover picture, for the MP3's attached picture. */
async function cover(dir: string): Promise<string> {
  const path = join(dir, 'cover.png');
  await ffmpeg(['-f', 'lavfi', '-i', 'testsrc=size=200x200:rate=1', '-frames:v', '1', path]);
  return path;
}

async function hasEncoder(name: string): Promise<boolean> {
  const { stdout } = await run(await ffmpegPath(), ['-hide_banner', '-encoders']);
  return new RegExp(`^\\s*A\\S*\\s+${name}\\s`, 'm').test(stdout);
}

/** A phone's own format when this ffmpeg can write AMR-WB; otherwise what a phone app records today. */
async function phoneRecording(dir: string, speech: string): Promise<string> {
  const mono16k = ['-i', speech, '-ac', '1', '-ar', '16000'];
  for (const encoder of ['libvo_amrwbenc', 'libopencore_amrwb']) {
    if (!(await hasEncoder(encoder))) continue;
    const path = join(dir, 'phone.amr');
    await ffmpeg([...mono16k, '-c:a', encoder, '-b:a', '23.85k', path]);
    return path;
  }
  const path = join(dir, 'phone.m4a');
  await ffmpeg([...mono16k, '-c:a', 'aac', '-b:a', '32k', path]);
  return path;
}

const TAGS = [
  '-metadata',
  'title=Phụ nữ Phước Hội thu gom phế liệu tặng học bổng',
  '-metadata',
  'artist=Trung tâm Văn hóa – Thông tin và Thể thao huyện Đất Đỏ',
  '-metadata',
  'album=Hoa giữa đời thường',
  '-metadata',
  'comment=Phóng sự thử nghiệm, giọng đọc tổng hợp',
];

/** `speech` encoded by ffmpeg with `options` into `dir/name`. */
async function encode(dir: string, name: string, speech: string, options: string[]): Promise<string> {
  const path = join(dir, name);
  await ffmpeg(['-i', speech, ...options, path]);
  return path;
}

/**
 * Writes every delivery in SPEECH_FILES into `dir` (a few seconds: espeak-ng is fast and every file is
 * under 30 s) and returns them as [label, path] pairs in SPEECH_FILES order.
 */
export async function writeSpeechFiles(dir: string): Promise<[label: string, path: string][]> {
  const [speech, interview, longPause, picture] = await Promise.all([
    assemble(dir, 'reportage', REPORTAGE),
    assemble(dir, 'interview', INTERVIEW),
    assemble(dir, 'long-pause', WITH_LONG_PAUSE),
    cover(dir),
  ]);
  const { duration } = await probe(speech);
  if (duration < 20 || duration > 30) throw new Error(`speech material is ${duration} s, wanted 20–30 s`);
  const s16 = ['-c:a', 'pcm_s16le'];

  const files: Record<SpeechFile, Promise<string>> = {
    wav48k: encode(dir, 'studio-48k.wav', speech, s16),
    wav44k: encode(dir, 'studio-44k1.wav', speech, ['-ar', '44100', ...s16]),
    // A telephone line: 300–3400 Hz, twice filtered for a steeper edge, 8 kHz, one channel.
    narrowband: encode(dir, 'narrowband-8k.wav', speech, [
      '-af',
      'highpass=f=300,highpass=f=300,lowpass=f=3400,lowpass=f=3400',
      '-ac',
      '1',
      '-ar',
      '8000',
      ...s16,
    ]),
    wav96k: encode(dir, 'studio-96k-float.wav', speech, ['-ar', '96000', '-c:a', 'pcm_f32le']),
    mp3: encode(dir, 'phong-su.mp3', speech, [
      '-i',
      picture,
      '-map',
      '0:a',
      '-map',
      '1:v',
      '-c:a',
      'libmp3lame',
      '-q:a',
      '4',
      '-c:v',
      'copy',
      '-disposition:v',
      'attached_pic',
      '-metadata:s:v',
      'title=Ảnh bìa',
      '-metadata:s:v',
      'comment=Cover (front)',
      '-id3v2_version',
      '3',
      ...TAGS,
    ]),
    m4a: encode(dir, 'phong-su.m4a', speech, ['-c:a', 'aac', '-b:a', '128k', ...TAGS]),
    webm: encode(dir, 'browser.webm', speech, ['-ac', '1', '-c:a', 'libopus', '-b:a', '48k']),
    flac: encode(dir, 'phong-su.flac', speech, ['-c:a', 'flac', '-sample_fmt', 's16']),
    video: (async () => {
      const path = join(dir, 'clip.mp4');
      const { duration: seconds } = await probe(speech);
      await ffmpeg([
        '-f',
        'lavfi',
        '-i',
        `testsrc=size=320x240:rate=25:duration=${seconds.toFixed(3)}`,
        '-i',
        speech,
        '-map',
        '0:v',
        '-map',
        '1:a',
        '-c:v',
        'libx264',
        '-preset',
        'ultrafast',
        '-pix_fmt',
        'yuv420p',
        '-c:a',
        'aac',
        '-b:a',
        '128k',
        '-shortest',
        path,
      ]);
      return path;
    })(),
    phone: phoneRecording(dir, speech),
    // Left speech, right digital zero: a mono mic plugged into one side of a stereo recorder.
    deadChannel: encode(dir, 'dead-right.wav', speech, ['-af', 'pan=stereo|c0=c0|c1=0*c1', ...s16]),
    quiet: encode(dir, 'quiet.wav', speech, ['-af', 'volume=-30dB', ...s16]),
    // 16-bit integers cannot hold what is over full scale: the peaks are cut flat.
    clipped: encode(dir, 'clipped.wav', speech, ['-af', 'volume=20dB', ...s16]),
    interview: encode(dir, 'interview.wav', interview, s16),
    musicBed: withMusicBed(dir, speech).then((mixed) => encode(dir, 'music-bed-48k.wav', mixed, s16)),
    longPause: encode(dir, 'long-pause.wav', longPause, s16),
  };
  const keys = Object.keys(SPEECH_FILES) as SpeechFile[];
  const paths = await Promise.all(keys.map((key) => files[key]));
  return keys.map((key, i) => [SPEECH_FILES[key], paths[i]]);
}
