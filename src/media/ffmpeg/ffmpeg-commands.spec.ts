import {
  analysisCommand,
  decodeCheckCommand,
  trialCommand,
  trialPeriod,
  measureCommand,
  renditionCommand,
  toArgs,
} from './ffmpeg-commands.js';
import { toFluent } from './ffmpeg-runner.js';

const MONO = 'aresample=44100,aformat=sample_fmts=fltp:channel_layouts=mono';
const DOWNMIX = { channel: null, levellerDbfs: null };

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
    '7',
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

  it('analyses each channel, loudness, true peak, the high band and the waveform in one decoding pass', () => {
    const filter =
      '[0:a:0]asplit=3[raw0][raw1][prog];' +
      '[raw0]pan=mono|c0=c0,volumedetect@c0,anullsink;[raw1]pan=mono|c0=c1,volumedetect@c1,anullsink;' +
      `[prog]${MONO},asplit=4[measure][peak][wave][high];` +
      '[measure]ebur128=framelog=verbose,anullsink;' +
      '[peak]volume=-12dB,aresample=176400,volumedetect@truepeak,anullsink;' +
      '[high]highpass=f=7000,highpass=f=7000,volumedetect@high,anullsink;' +
      '[wave]aresample=8000,aformat=sample_fmts=flt:channel_layouts=mono[envelope]';
    expect(toArgs(analysisCommand('in.wav', DOWNMIX, 2))).toEqual([
      ...HEAD,
      '-i',
      'in.wav',
      '-filter_complex',
      filter,
      '-map',
      '[envelope]',
      '-f',
      'f32le',
      'pipe:1',
    ]);
    expect(toArgs(analysisCommand('in.wav', DOWNMIX, 1))[7]).toMatch(
      /^\[0:a:0\]asplit=2\[raw0\]\[prog\];\[raw0\]volumedetect@c0,anullsink;/,
    );
  });

  it('takes the live channel alone, and levels a programme whose loudness range is too wide', () => {
    expect(toArgs(analysisCommand('in.wav', { channel: 1, levellerDbfs: null }, 2))[7]).toContain(
      `[prog]pan=mono|c0=c1,${MONO},asplit=4`,
    );
    expect(toArgs(analysisCommand('in.wav', { channel: null, levellerDbfs: -27 }, 1))[7]).toContain(
      `[prog]${MONO},acompressor=threshold=0.04467:ratio=2:attack=200:release=1000:detection=rms,asplit=4`,
    );
  });

  it('runs trials of several gains in one process, on a sample of a long recording', () => {
    const plan = { channel: 0, levellerDbfs: null, gainDb: 0, limitDbtp: -1.9 };
    const limiter = 'aresample=88200,alimiter=limit=0.8035:attack=5:release=50:level=false,aresample=44100';
    expect(toArgs(trialCommand('in.wav', plan, [6, 12.5], 60))).toEqual([
      ...HEAD,
      '-i',
      'in.wav',
      '-y',
      '-filter_complex',
      `[0:a:0]aselect='lt(mod(t,60),10)',asetpts=N/SR/TB,pan=mono|c0=c0,${MONO},asplit=2[in0][in1];` +
        `[in0]volume=6.00dB,${limiter},ebur128@trial0=framelog=verbose[trial0];` +
        `[in1]volume=12.50dB,${limiter},ebur128@trial1=framelog=verbose[trial1]`,
      '-map',
      '[trial0]',
      '-f',
      'null',
      '-',
      '-map',
      '[trial1]',
      '-f',
      'null',
      '-',
    ]);
    // A short recording is tried whole; the last chain may measure the programme untouched.
    expect(toArgs(trialCommand('in.wav', plan, [6, 0], 10, true))[8]).toBe(
      `[0:a:0]pan=mono|c0=c0,${MONO},asplit=2[in0][in1];` +
        `[in0]volume=6.00dB,${limiter},ebur128@trial0=framelog=verbose[trial0];` +
        '[in1]ebur128@trial1=framelog=verbose[trial1]',
    );
    expect(trialPeriod(120)).toBe(10);
    expect(trialPeriod(1800)).toBe(60);
  });

  it('renders with a plain gain when the peak stays under the ceiling, measuring before encoding', () => {
    expect(
      toArgs(renditionCommand('in.wav', 'out.mp3', { ...DOWNMIX, gainDb: 4.25, limitDbtp: null })),
    ).toEqual([
      ...HEAD,
      '-i',
      'in.wav',
      '-y',
      '-filter_complex',
      `[0:a:0]${MONO},volume=4.25dB,asplit=2[out][pre];[pre]ebur128=framelog=verbose,anullsink`,
      ...MP3,
      'out.mp3',
    ]);
  });

  it('adds an oversampled limiter when planned, and joins jingles', () => {
    const args = toArgs(
      renditionCommand(
        'in.wav',
        'out.mp3',
        { ...DOWNMIX, gainDb: 9, limitDbtp: -2.5 },
        { intro: 'intro.mp3', outro: 'outro.mp3' },
      ),
    );
    expect(args.slice(4, 11)).toEqual(['-i', 'in.wav', '-i', 'intro.mp3', '-i', 'outro.mp3', '-y']);
    expect(args[12]).toBe(
      `[0:a:0]${MONO},volume=9.00dB,aresample=88200,alimiter=limit=0.7499:attack=5:release=50:level=false,aresample=44100,` +
        'asplit=2[main][pre];[pre]ebur128=framelog=verbose,anullsink;' +
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
    ['analysis', analysisCommand('a.wav', DOWNMIX, 2)],
    ['trial', trialCommand('a.wav', { ...DOWNMIX, gainDb: 0, limitDbtp: -1.9 }, [3, 9], 60)],
    [
      'rendition',
      renditionCommand(
        'a.wav',
        'b.mp3',
        { channel: 1, levellerDbfs: -27, gainDb: -3, limitDbtp: -2.5 },
        { intro: 'i.mp3' },
      ),
    ],
    ['measure', measureCommand('b.mp3')],
    ['decode check', decodeCheckCommand('a.wav')],
  ])('runs the %s command through fluent-ffmpeg with exactly these arguments', (_name, command) => {
    const fluent = toFluent(command, '/usr/bin/ffmpeg') as unknown as { _getArguments(): string[] };
    expect(fluent._getArguments()).toEqual(toArgs(command));
  });
});
