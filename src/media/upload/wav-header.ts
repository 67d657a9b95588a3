/**
 * What the head of a RIFF/WAVE file says about its layout: the chunks it found, read from the first
 * bytes of the file (`head`) against the file's real size.
 */
interface WavLayout {
  /** Bytes of audio a second and bytes per sample frame, from the `fmt ` chunk (0 when unknown). */
  byteRate: number;
  blockAlign: number;
  /** The `data` chunk: where its samples start and how many bytes it declares. */
  data?: { start: number; declared: number };
  /** The chunk list ran past the end of the file before any `data` chunk: cut inside the header. */
  cutInHeader: boolean;
}

const RIFF = 'RIFF';
const WAVE = 'WAVE';

function layout(head: Buffer, fileSize: number): WavLayout | undefined {
  if (head.length < 4 || head.toString('ascii', 0, 4) !== RIFF) return undefined;
  const form = head.toString('ascii', 8, Math.min(12, head.length));
  // RIFF holds other forms too (AVI, WebP); a file cut before its form name could still be a WAV.
  if (form !== WAVE.slice(0, form.length)) return undefined;
  const found: WavLayout = { byteRate: 0, blockAlign: 0, cutInHeader: false };
  if (fileSize < 12) return { ...found, cutInHeader: true };
  let offset = 12;
  while (offset + 8 <= fileSize) {
    if (offset + 8 > head.length) return found; // beyond what was read: nothing to say
    const id = head.toString('ascii', offset, offset + 4);
    const size = head.readUInt32LE(offset + 4);
    if (id === 'fmt ' && offset + 24 <= head.length) {
      found.byteRate = head.readUInt32LE(offset + 16);
      found.blockAlign = head.readUInt16LE(offset + 20);
    }
    if (id === 'data') return { ...found, data: { start: offset + 8, declared: size } };
    offset += 8 + size + (size % 2); // chunks are padded to an even size
  }
  // Every WAV has a data chunk; the file ended before one began.
  return { ...found, cutInHeader: true };
}

/**
 * A WAV file says how many bytes of audio follow its header. When it claims more than the file holds,
 * the recording was cut short in transfer (ffprobe quietly shortens the duration to what is there).
 * Recorders that stream write 0 or 0xFFFFFFFF when they do not know yet; those are not lies.
 * `byteRate` (bytes a second) comes along when the header gives it, to say the lengths in seconds.
 */
export function wavHeaderLie(
  head: Buffer,
  fileSize: number,
): { declared: number; available: number; byteRate?: number } | undefined {
  const wav = layout(head, fileSize);
  if (!wav?.data) return undefined;
  const { declared, start } = wav.data;
  const available = fileSize - start;
  const unknown = declared === 0 || declared === 0xffffffff;
  if (unknown || declared <= available + 1) return undefined;
  return { declared, available, byteRate: wav.byteRate > 0 ? wav.byteRate : undefined };
}

/**
 * A WAV copied only in part, so that no audio is left: cut inside its header (`in-header`), or a
 * header with no samples after it (`header-only`), whatever length the header declares. ffprobe calls
 * the first "not audio" and finds an empty stream in the second; the reporter needs to hear "cut off".
 */
export function wavCutOff(head: Buffer, fileSize: number): 'in-header' | 'header-only' | undefined {
  const wav = layout(head, fileSize);
  if (!wav) return undefined;
  if (wav.cutInHeader) return 'in-header';
  if (wav.data && fileSize - wav.data.start < Math.max(1, wav.blockAlign)) return 'header-only';
  return undefined;
}
