import {
  edgeSilence,
  lastErrorLine,
  parseChannelStats,
  parseLoudness,
  parseSummary,
  parseVolume,
} from './ffmpeg-output.js';

const EBUR128_LOG = `
[Parsed_ebur128_0 @ 0x55d] Summary:

  Integrated loudness:
    I:         -23.4 LUFS
    Threshold: -33.6 LUFS

  Loudness range:
    LRA:         6.1 LU
    Threshold:  -43.6 LUFS
    LRA low:   -27.0 LUFS
    LRA high:  -20.9 LUFS

  True peak:
    Peak:       -3.2 dBFS
`;

describe('parseLoudness', () => {
  it('reads integrated loudness, loudness range and true peak from the summary', () => {
    expect(parseLoudness(`size=N/A time=00:01:00.00\n${EBUR128_LOG}`)).toEqual({
      integratedLufs: -23.4,
      loudnessRangeLu: 6.1,
      truePeakDbtp: -3.2,
    });
  });

  it('reads -inf for digital silence and nothing when there is no summary', () => {
    expect(parseLoudness(EBUR128_LOG.replace('-3.2 dBFS', '-inf dBFS'))?.truePeakDbtp).toBe(-Infinity);
    expect(parseLoudness('Error while decoding stream')).toBeUndefined();
  });
});

describe('edgeSilence', () => {
  it('tells leading and trailing silence from silence in the middle', () => {
    const silences = [
      { start: 0, end: 3.02, duration: 3.02 },
      { start: 7, end: 10.5, duration: 3.5 },
      { start: 14.2, end: 17, duration: 2.8 },
    ];
    expect(edgeSilence(silences, 17)).toEqual({ leading: 3.02, trailing: 2.8 });
    expect(edgeSilence([{ start: 5, end: 8, duration: 3 }], 20)).toEqual({ leading: 0, trailing: 0 });
  });
});

describe('parseSummary', () => {
  it('reads a summary printed without true peak', () => {
    const summary = EBUR128_LOG.slice(0, EBUR128_LOG.indexOf('  True peak:'));
    expect(parseSummary(summary)).toEqual({ integratedLufs: -23.4, loudnessRangeLu: 6.1 });
    expect(parseSummary('no summary')).toBeUndefined();
  });

  it('reads the summary of a named instance among several', () => {
    const two =
      EBUR128_LOG.replace('[Parsed_ebur128_0 @ 0x55d]', '[ebur128@trial0 @ 0x1]') +
      EBUR128_LOG.replace('[Parsed_ebur128_0 @ 0x55d]', '[ebur128@trial1 @ 0x2]').replace(
        '-23.4 LUFS',
        '-14.9 LUFS',
      );
    expect(parseSummary(two, 'ebur128@trial0')?.integratedLufs).toBe(-23.4);
    expect(parseSummary(two, 'ebur128@trial1')?.integratedLufs).toBe(-14.9);
    expect(parseSummary(two, 'ebur128@trial2')).toBeUndefined();
  });
});

describe('parseChannelStats and parseVolume', () => {
  // As ffmpeg 5.1 prints them (abridged): a graph's first configuration prints zeros, then the real
  // figures; one channel clipped, one digitally silent.
  const log = [
    '[volumedetect@c0 @ 0x5] n_samples: 0',
    '[volumedetect@c0 @ 0x6] n_samples: 4000000',
    '[volumedetect@c0 @ 0x6] mean_volume: -11.4 dB',
    '[volumedetect@c0 @ 0x6] max_volume: 0.0 dB',
    '[volumedetect@c0 @ 0x6] histogram_0db: 120000',
    '[volumedetect@c0 @ 0x6] histogram_1db: 9000',
    '[volumedetect@c1 @ 0x7] n_samples: 4000000',
    '[volumedetect@c1 @ 0x7] mean_volume: -inf dB',
    '[volumedetect@c1 @ 0x7] max_volume: -inf dB',
    '[volumedetect@high @ 0x8] n_samples: 2000000',
    '[volumedetect@high @ 0x8] mean_volume: -54.5 dB',
    '[volumedetect@high @ 0x8] max_volume: -27.1 dB',
  ].join('\n');

  it('reads each channel in order, with the share of samples within 1 dB of full scale', () => {
    expect(parseChannelStats(log)).toEqual([
      { rmsDb: -11.4, peakDb: 0, fullScaleShare: 0.03 },
      { rmsDb: -Infinity, peakDb: -Infinity, fullScaleShare: 0 },
    ]);
  });

  it('reads the mean or maximum of the named volumedetect only', () => {
    expect(parseVolume(log, 'high', 'mean')).toBe(-54.5);
    expect(parseVolume(log, 'high', 'max')).toBe(-27.1);
    expect(parseVolume(log, 'other', 'mean')).toBeUndefined();
  });
});

describe('lastErrorLine', () => {
  it('returns the last meaningful line of the log', () => {
    expect(lastErrorLine('Input #0\nsize=N/A time=00:00:01\nConversion failed!\n')).toBe(
      'Conversion failed!',
    );
  });
});
