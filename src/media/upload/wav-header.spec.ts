import { wavCutOff, wavHeaderLie } from './wav-header.js';

function wav(dataBytes: number, declared = dataBytes, extraChunk = false): Buffer {
  const fmt = Buffer.alloc(24);
  fmt.write('fmt ', 0, 'ascii');
  fmt.writeUInt32LE(16, 4);
  const list = extraChunk
    ? Buffer.concat([Buffer.from('LIST'), Buffer.from([3, 0, 0, 0]), Buffer.from('abc\0')])
    : Buffer.alloc(0);
  const head = Buffer.alloc(8);
  head.write('data', 0, 'ascii');
  head.writeUInt32LE(declared, 4);
  const riff = Buffer.alloc(12);
  riff.write('RIFF', 0, 'ascii');
  riff.write('WAVE', 8, 'ascii');
  return Buffer.concat([riff, fmt, list, head, Buffer.alloc(dataBytes)]);
}

describe('wavHeaderLie', () => {
  it('accepts a WAV whose data is as long as its header says', () => {
    const file = wav(1000);
    expect(wavHeaderLie(file, file.length)).toBeUndefined();
  });

  it('catches a WAV cut short after its header was written', () => {
    const file = wav(400, 1000, true);
    expect(wavHeaderLie(file, file.length)).toEqual({ declared: 1000, available: 400 });
  });

  it.each([0, 0xffffffff])('lets a streaming recorder’s unknown size (%d) pass', (declared) => {
    const file = wav(400, declared);
    expect(wavHeaderLie(file, file.length)).toBeUndefined();
  });

  it('ignores files that are not WAV', () => {
    expect(wavHeaderLie(Buffer.from('ID3\x04\x00 not a wav'), 100)).toBeUndefined();
  });

  it('gives the byte rate along when the header has one, to speak in seconds', () => {
    const file = pcmWav(400, 88200 * 4);
    expect(wavHeaderLie(file, file.length)).toEqual({ declared: 88200 * 4, available: 400, byteRate: 88200 });
  });
});

/** A canonical 44-byte PCM header (mono, 44.1 kHz, 16 bit) and `dataBytes` of samples. */
function pcmWav(dataBytes: number, declared = dataBytes): Buffer {
  const head = Buffer.alloc(44);
  head.write('RIFFxxxxWAVEfmt ', 0, 'ascii');
  head.writeUInt32LE(16, 16);
  head.writeUInt16LE(1, 20);
  head.writeUInt16LE(1, 22);
  head.writeUInt32LE(44100, 24);
  head.writeUInt32LE(88200, 28);
  head.writeUInt16LE(2, 32);
  head.writeUInt16LE(16, 34);
  head.write('data', 36, 'ascii');
  head.writeUInt32LE(declared, 40);
  return Buffer.concat([head, Buffer.alloc(dataBytes)]);
}

describe('wavCutOff', () => {
  it.each([
    ['a bare 44-byte header', pcmWav(0), 'header-only'],
    ['a header declaring 4 s with nothing after it', pcmWav(0, 88200 * 4), 'header-only'],
    ['one byte, less than a sample frame', pcmWav(1), 'header-only'],
    ['30 bytes: cut inside the fmt chunk', pcmWav(1000).subarray(0, 30), 'in-header'],
    ['40 bytes: cut inside the data chunk’s own header', pcmWav(1000).subarray(0, 40), 'in-header'],
    ['10 bytes: cut before the form name ends', pcmWav(1000).subarray(0, 10), 'in-header'],
    [
      'a header with a LIST chunk, cut before the data chunk',
      wav(1000, 1000, true).subarray(0, 44),
      'in-header',
    ],
  ])('recognises %s', (_name, file, expected) => {
    expect(wavCutOff(file, file.length)).toBe(expected);
  });

  it.each([
    ['a whole WAV', pcmWav(1000)],
    ['a WAV cut in its samples (the length check’s case)', pcmWav(400, 1000)],
    ['a streaming recorder’s WAV of unknown length', pcmWav(1000, 0xffffffff)],
    ['an AVI (RIFF, but not WAVE)', Buffer.from('RIFF\x10\x00\x00\x00AVI LIST')],
    ['an MP3', Buffer.from('ID3\x04\x00 not a wav')],
  ])('leaves %s alone', (_name, file) => {
    expect(wavCutOff(file, file.length)).toBeUndefined();
  });

  it('says nothing when the data chunk lies beyond the bytes it was given', () => {
    const file = wav(1000, 1000, true);
    expect(wavCutOff(file.subarray(0, 40), file.length)).toBeUndefined();
  });
});
