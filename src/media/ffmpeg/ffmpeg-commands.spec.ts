import {
  analysisCommand,
  decodeCheckCommand,
  gainPlan,
  measureCommand,
  renditionCommand,
  toArgs,
} from './ffmpeg-commands.js';
import { toFluent } from './ffmpeg-runner.js';

const MONO = 'aresample=44100,aformat=sample_fmts=fltp:channel_layouts=mono';

describe('ffmpeg commands', () => {
  const HEAD = ['-nostdin', '-hide_banner', '-loglevel', 'info'];
  const MP3 = [
    '-map',
    '[out]',
    '-map_metadata',
    '-1',
    '-c:a',
    'libmp3lame',
    '-compression_level',
    '5',
    '-b:a',
    '128k',
    '-ar',
    '44100',
    '-ac',
    '1',
    '-flush_packets',
    '0',
    '-f',
    'mp3',
  ];

  it('analyses loudness, silence and the waveform in one decoding pass', () => {
    const filter =
      `[0:a:0]${MONO},asplit=2[measure][wave];` +
      '[measure]ebur128=peak=true:framelog=verbose,silencedetect=noise=-50dB:duration=2[measured];' +
      '[wave]aresample=8000,aformat=sample_fmts=s16:channel_layouts=mono[envelope]';
    expect(toArgs(analysisCommand('in.wav', 'env.pcm'))).toEqual([
      ...HEAD,
      '-i',
      'in.wav',
      '-y',
      '-filter_complex',
      filter,
      '-map',
      '[measured]',
      '-f',
      'null',
      '-',
      '-map',
      '[envelope]',
      '-f',
      's16le',
      'env.pcm',
    ]);
  });

  it('renders with a plain gain when the peak stays under the ceiling', () => {
    expect(toArgs(renditionCommand('in.wav', 'out.mp3', { gainDb: 4.25, limitDbtp: null }))).toEqual([
      ...HEAD,
      '-i',
      'in.wav',
      '-y',
      '-filter_complex',
      `[0:a:0]${MONO},volume=4.25dB[out]`,
      ...MP3,
      'out.mp3',
    ]);
  });

  it('adds an oversampled limiter only when the gain would clip, and joins jingles', () => {
    const args = toArgs(
      renditionCommand(
        'in.wav',
        'out.mp3',
        { gainDb: 9, limitDbtp: -2.5 },
        { intro: 'intro.mp3', outro: 'outro.mp3' },
      ),
    );
    expect(args.slice(4, 11)).toEqual(['-i', 'in.wav', '-i', 'intro.mp3', '-i', 'outro.mp3', '-y']);
    expect(args[12]).toBe(
      `[0:a:0]${MONO},volume=9.00dB,aresample=176400,alimiter=limit=0.7499:attack=5:release=50:level=false,aresample=44100[main];` +
        `[1:a:0]${MONO}[intro];[2:a:0]${MONO}[outro];[intro][main][outro]concat=n=3:v=0:a=1[out]`,
    );
  });

  it('measures a rendition and checks that a file decodes to the end', () => {
    expect(toArgs(measureCommand('out.mp3'))).toEqual([
      ...HEAD,
      '-i',
      'out.mp3',
      '-y',
      '-filter_complex',
      '[0:a:0]ebur128=peak=true:framelog=verbose[measured]',
      '-map',
      '[measured]',
      '-f',
      'null',
      '-',
    ]);
    expect(toArgs(decodeCheckCommand('x.m4a'))).toEqual([
      '-nostdin',
      '-hide_banner',
      '-loglevel',
      'error',
      '-stats',
      '-i',
      'x.m4a',
      '-y',
      '-map',
      '0:a:0',
      '-f',
      'null',
      '-',
    ]);
  });

  it.each([
    ['analysis', analysisCommand('a.wav', 'b.pcm')],
    ['rendition', renditionCommand('a.wav', 'b.mp3', { gainDb: -3, limitDbtp: -2.5 }, { intro: 'i.mp3' })],
    ['measure', measureCommand('b.mp3')],
    ['decode check', decodeCheckCommand('a.wav')],
  ])('runs the %s command through fluent-ffmpeg with exactly these arguments', (_name, command) => {
    const fluent = toFluent(command, '/usr/bin/ffmpeg') as unknown as { _getArguments(): string[] };
    expect(fluent._getArguments()).toEqual(toArgs(command));
  });
});

describe('gainPlan', () => {
  const house = { integratedLufs: -16, truePeakDbtp: -1.5 };

  it.each([
    ['a quiet recording with headroom', { integratedLufs: -26, truePeakDbtp: -14 }, 10, null],
    ['a loud recording', { integratedLufs: -10, truePeakDbtp: -0.2 }, -6, null],
    ['a quiet recording with sharp peaks', { integratedLufs: -24, truePeakDbtp: -4 }, 8, -2.5],
    ['one already at the target', { integratedLufs: -16, truePeakDbtp: -3 }, 0, null],
  ])('plans %s', (_name, measured, gainDb, limitDbtp) => {
    expect(gainPlan(measured, house)).toEqual({ gainDb, limitDbtp });
  });
});
