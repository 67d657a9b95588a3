import { edgeSilence, lastErrorLine, parseLoudness, parseSilences, peakEnvelope } from './ffmpeg-output.js';

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

describe('parseSilences and edgeSilence', () => {
  const log = [
    '[silencedetect @ 0x1] silence_start: -0.01',
    '[silencedetect @ 0x1] silence_end: 3.02 | silence_duration: 3.03',
    '[silencedetect @ 0x1] silence_start: 7',
    '[silencedetect @ 0x1] silence_end: 10.5 | silence_duration: 3.5',
    '[silencedetect @ 0x1] silence_start: 14.2',
  ].join('\n');

  it('pairs starts with ends and closes a silence still open at the end', () => {
    expect(parseSilences(log, 17)).toEqual([
      { start: 0, end: 3.02, duration: 3.02 },
      { start: 7, end: 10.5, duration: 3.5 },
      { start: 14.2, end: 17, duration: 2.8 },
    ]);
  });

  it('tells leading and trailing silence from silence in the middle', () => {
    expect(edgeSilence(parseSilences(log, 17), 17)).toEqual({ leading: 3.02, trailing: 2.8 });
    expect(edgeSilence([{ start: 5, end: 8, duration: 3 }], 20)).toEqual({ leading: 0, trailing: 0 });
  });
});

describe('peakEnvelope', () => {
  it('keeps the largest absolute sample of each window, scaled to 0–1', () => {
    const pcm = Buffer.alloc(2 * 8);
    [0, 16384, -32768, 100, 0, 0, -8192, 0].forEach((v, i) => pcm.writeInt16LE(v, i * 2));
    expect(peakEnvelope(pcm, 4, 1)).toEqual([1, 0.25]);
  });

  it('reads PCM that starts at an odd byte offset, ignoring a trailing odd byte', () => {
    const backing = Buffer.alloc(1 + 2 * 4 + 1);
    const pcm = backing.subarray(1);
    [100, -16384, 3276, 0].forEach((v, i) => pcm.writeInt16LE(v, i * 2));
    expect(peakEnvelope(pcm, 2, 1)).toEqual([0.5, 0.1]);
  });
});

describe('lastErrorLine', () => {
  it('returns the last meaningful line of the log', () => {
    expect(lastErrorLine('Input #0\nsize=N/A time=00:00:01\nConversion failed!\n')).toBe(
      'Conversion failed!',
    );
  });
});
