import { wavHeaderLie } from './wav-header.js';

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
});
