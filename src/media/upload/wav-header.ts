/**
 * A WAV file says how many bytes of audio follow its header. When it claims more than the file holds,
 * the recording was cut short in transfer (ffprobe quietly shortens the duration to what is there).
 * Recorders that stream write 0 or 0xFFFFFFFF when they do not know yet; those are not lies.
 */
export function wavHeaderLie(
  head: Buffer,
  fileSize: number,
): { declared: number; available: number } | undefined {
  if (head.length < 12 || head.toString('ascii', 0, 4) !== 'RIFF' || head.toString('ascii', 8, 12) !== 'WAVE')
    return undefined;
  let offset = 12;
  while (offset + 8 <= head.length) {
    const id = head.toString('ascii', offset, offset + 4);
    const size = head.readUInt32LE(offset + 4);
    if (id === 'data') {
      const available = fileSize - (offset + 8);
      const unknown = size === 0 || size === 0xffffffff;
      return !unknown && size > available + 1 ? { declared: size, available } : undefined;
    }
    offset += 8 + size + (size % 2); // chunks are padded to an even size
  }
  return undefined;
}
