import { isClipped, isNarrowband, liveChannel, silenceWarnings, sourceWarnings } from './source-check.js';

const speech = { rmsDb: -29.2, peakDb: -8.6, fullScaleShare: 0 };
const dead = { rmsDb: -Infinity, peakDb: -Infinity, fullScaleShare: 0 };
const facts = {
  channels: [speech, speech],
  usedChannel: null,
  durationSeconds: 90,
  integratedLufs: -26.2,
  truePeakDbtp: -5.6,
  highBandDb: -56.3,
  gainDb: 10.2,
};

describe('liveChannel', () => {
  it.each([
    ['a stereo recording', [speech, speech], null],
    ['a recording whose right side is dead', [speech, dead], 0],
    ['one whose left side only hums 40 dB down', [{ ...speech, rmsDb: -69 }, speech], 1],
    ['a mono recording', [speech], null],
    ['a fully silent file', [dead, dead], null],
  ])('for %s is %p', (_name, channels, expected) => {
    expect(liveChannel(channels)).toBe(expected);
  });
});

describe('sourceWarnings', () => {
  it('has nothing to say about an ordinary recording', () => {
    expect(sourceWarnings(facts)).toEqual([]);
  });

  it('names the dead channel', () => {
    const [warning] = sourceWarnings({ ...facts, channels: [speech, dead], usedChannel: 0 });
    expect(warning).toContain('chỉ có tiếng ở kênh trái');
    expect(warning).toContain('kênh phải im lặng');
  });

  it('tells a quiet recording what to do next time', () => {
    expect(sourceWarnings({ ...facts, integratedLufs: -56, highBandDb: -86, gainDb: 40 })).toEqual([
      expect.stringContaining('rất nhỏ tiếng: phải tăng thêm 40 dB'),
    ]);
  });

  it('recognises a clipped recording by the share of its samples at full scale', () => {
    const clipped = {
      ...facts,
      channels: [{ rmsDb: -11.4, peakDb: 0, fullScaleShare: 0.031 }],
      highBandDb: -36,
      integratedLufs: -8.4,
    };
    expect(isClipped(clipped)).toBe(true);
    expect(sourceWarnings({ ...clipped, gainDb: -7.6 })).toEqual([expect.stringContaining('méo')]);
    // Speech that touches full scale on a few samples is not clipped.
    expect(isClipped({ channels: [{ rmsDb: -18.6, peakDb: 0, fullScaleShare: 0.00002 }] })).toBe(false);
  });

  it('tells a telephone-band recording from wideband speech', () => {
    expect(isNarrowband({ integratedLufs: -19.1, highBandDb: -69.2 })).toBe(true);
    expect(isNarrowband({ integratedLufs: -19, highBandDb: -48.6 })).toBe(false);
    expect(sourceWarnings({ ...facts, integratedLufs: -19.1, highBandDb: -69.2, gainDb: 3 })).toEqual([
      expect.stringContaining('điện thoại'),
    ]);
  });
});

describe('silenceWarnings', () => {
  it('warns about silence at both ends and long pauses inside, with their place and a decimal comma', () => {
    const analysis = {
      leadingSilenceSeconds: 3,
      trailingSilenceSeconds: 2.5,
      silences: [
        { start: 0, end: 3, duration: 3 },
        { start: 83.4, end: 88.9, duration: 5.5 },
        { start: 117.5, end: 120, duration: 2.5 },
      ],
    };
    expect(silenceWarnings(analysis, 120)).toEqual([
      'Khoảng lặng 3,0 giây ở đầu bài (không bị cắt).',
      'Khoảng lặng 2,5 giây ở cuối bài (không bị cắt).',
      'Đoạn lặng dài 5,5 giây tại phút 1:23.',
    ]);
  });

  it('has nothing to say about audio without long silence', () => {
    expect(
      silenceWarnings({ leadingSilenceSeconds: 0, trailingSilenceSeconds: 0, silences: [] }, 60),
    ).toEqual([]);
  });
});
