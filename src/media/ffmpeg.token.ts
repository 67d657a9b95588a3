/** Injection token of the located ffmpeg/ffprobe binaries (or the Error that says why there are none). */
export const FFMPEG = Symbol('FFMPEG');
