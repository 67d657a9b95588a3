/**
 * How a recording is brought to the house loudness: pure decisions, no ffmpeg. The renderer
 * ({@link ./broadcast-renderer.ts}) measures, and asks these functions what to do next.
 *
 * Speech peaks sit 15–20 dB over its loudness (a mono downmix of a stereo voice 3 dB more), while the
 * house standard leaves 14.5 dB between −16 LUFS and a −1.5 dBTP ceiling. So most speech needs a
 * true-peak limiter, and a limiter takes loudness away: on espeak-ng's voice 0.3–0.7 LU for every dB
 * of gain that drives it. The make-up is found, not guessed: two short-cut trial passes (the real
 * gain and limiter, measured, without encoding) give the curve loudness(gain), the gain for the
 * target is read off it, and the encoded rendition is measured once more; only when that is still
 * off does one corrective pass follow, with the curve refined by what the rendition showed.
 */

export interface LoudnessTarget {
  integratedLufs: number;
  truePeakDbtp: number;
}

/** What one measurement pass found (ebur128 with true peak), on the programme as it will air. */
export interface Measured {
  integratedLufs: number;
  truePeakDbtp: number;
}

/**
 * The programme taken from a source before any gain: one channel or the mono downmix, and a slow
 * leveller when the recording's loudness range is wider than the house standard allows.
 */
export interface Programme {
  channel: number | null;
  /** Threshold (dBFS) of the leveller, at the source's own loudness; null: none. */
  levellerDbfs: number | null;
}

/** The rendition's processing: the programme, its gain, the limiter's ceiling. */
export interface RenderPlan extends Programme {
  gainDb: number;
  /** Ceiling of the true-peak limiter, or null when a linear gain keeps peaks under the ceiling. */
  limitDbtp: number | null;
}

/** The limiter sits this far under the house ceiling: MP3 decoding overshoots a little. */
export const LIMITER_MARGIN_DB = 0.4;
/**
 * MP3 at 128 kbit/s takes some loudness away (0.4 LU on espeak-ng's voice, 0 on a tone): aim this much
 * above the target before encoding; the rendition's own measurement corrects the rest.
 */
export const ENCODER_LOSS_LU = 0.3;
/** A rendition this close to the target is accepted; the promise is ±0.5 LU, measured by anyone. */
export const ACCEPT_LU = 0.4;
/** At most this many encodes of one file (the first and its corrections). */
export const MAX_RENDERS = 3;

/** One trial: the pre-encoding loudness at a gain, with the limiter at `limitDbtp`. */
export interface LevelPoint {
  gainDb: number;
  lufs: number;
}

/**
 * The programme's loudness as a function of gain, at one limiter ceiling. Below the point where
 * peaks reach the ceiling it is exact (input + gain); above it, it is read off measured points.
 * A limiter is scale-free: lowering its ceiling by d is the same as lowering the gain by d and
 * the output by d, so points measured at one ceiling serve for another.
 */
export class LevelCurve {
  private readonly points: { drive: number; rel: number }[] = [];

  constructor(private readonly input: Measured) {}

  /** Gain at which the input's true peak reaches `limitDbtp`: up to here nothing is limited. */
  linearUpTo(limitDbtp: number): number {
    return limitDbtp - this.input.truePeakDbtp;
  }

  add(point: LevelPoint, limitDbtp: number): void {
    this.points.push({ drive: point.gainDb - limitDbtp, rel: point.lufs - limitDbtp });
    this.points.sort((a, b) => a.drive - b.drive);
  }

  get limitedPoints(): number {
    return this.points.length;
  }

  /** The gain that gives `lufs` before encoding with the limiter at `limitDbtp`. */
  gainFor(lufs: number, limitDbtp: number): number {
    const linear = lufs - this.input.integratedLufs;
    if (linear <= this.linearUpTo(limitDbtp)) return linear;
    // The knee (where limiting starts) is a point of the curve too: drive d0, loudness exact.
    const kneeDrive = -this.input.truePeakDbtp;
    const known = [{ drive: kneeDrive, rel: this.input.integratedLufs + kneeDrive }, ...this.points];
    const want = lufs - limitDbtp;
    // The two measured points nearest the wanted loudness, in a curve that only rises.
    const sorted = known.filter((p) => p.drive >= kneeDrive).sort((a, b) => a.drive - b.drive);
    let lo = sorted[0];
    let hi = sorted[sorted.length - 1];
    for (let i = 0; i + 1 < sorted.length; i++)
      if (sorted[i + 1].rel >= want) {
        lo = sorted[i];
        hi = sorted[i + 1];
        break;
      }
    if (sorted.length >= 2 && want > hi.rel) [lo, hi] = sorted.slice(-2);
    const slope = hi.drive > lo.drive ? (hi.rel - lo.rel) / (hi.drive - lo.drive) : 0;
    // A limiter's curve flattens with drive; never trust a slope under 0.15 LU/dB (it would ask for
    // absurd gains from two noisy points) and never more than linear.
    const safeSlope = Math.min(1, Math.max(0.15, slope));
    return limitDbtp + hi.drive + (want - hi.rel) / safeSlope;
  }
}

/** The house standard's loudness range (DOMAIN.md): an interview with a quiet guest goes over it. */
export const LOUDNESS_RANGE_MAX_LU = 11;

/**
 * A leveller for a recording whose loudness range is over the house standard: it starts at the
 * recording's own loudness, so it only brings the louder voices down (the quiet ones are then lifted
 * with everything else). On a test interview with a guest 10 dB down: 12.7 LU → 8.9 LU.
 */
export function levellerFor(input: { integratedLufs: number; loudnessRangeLu: number }): number | null {
  return input.loudnessRangeLu > LOUDNESS_RANGE_MAX_LU ? Math.max(-60, input.integratedLufs) : null;
}

/**
 * The first plan: linear when peaks stay under the ceiling, else a limiter (its gain comes from
 * trials). `input` is the programme as measured (after the leveller, if any).
 */
export function firstPlan(input: Measured, target: LoudnessTarget, programme: Programme): RenderPlan {
  const limit = target.truePeakDbtp - LIMITER_MARGIN_DB;
  const gainDb = target.integratedLufs + ENCODER_LOSS_LU - input.integratedLufs;
  return { ...programme, gainDb, limitDbtp: input.truePeakDbtp + gainDb > limit ? limit : null };
}

/**
 * Gains for the two trial passes of a limited plan, bracketing the usual make-up: the limiter has to
 * take `excess` dB off the peaks, and speech needs roughly that much again as make-up.
 */
export function trialGains(input: Measured, plan: RenderPlan): [number, number] {
  const limit = plan.limitDbtp ?? 0;
  const excess = Math.max(0, input.truePeakDbtp + plan.gainDb - limit);
  return [plan.gainDb + 0.6 * excess + 0.5, plan.gainDb + 1.4 * excess + 2];
}

/** What a rendition's passes measured: the programme before encoding, and the encoded file. */
export interface RenditionLevels {
  /** The programme's loudness after gain and limiter, before encoding (jingles not included). */
  preEncodeLufs: number;
  /** The encoded rendition as anyone downloading it measures it (jingles included). */
  out: Measured;
}

export type Verdict = { done: true } | { done: false; next: RenderPlan | null; why: 'loudness' | 'peak' };

/**
 * After an encoded rendition was measured: accept it, or say what to render next (null: give up).
 * The rendition's own pre-encoding measurement is one more exact point of the curve, and the gap
 * between it and the encoded file is the encoder's (and the jingles') real effect on this file.
 */
export function judge(
  levels: RenditionLevels,
  plan: RenderPlan,
  curve: LevelCurve,
  target: LoudnessTarget,
  rendersDone: number,
): Verdict {
  const { out } = levels;
  const loudOk = Math.abs(out.integratedLufs - target.integratedLufs) <= ACCEPT_LU;
  const peakOk = out.truePeakDbtp <= target.truePeakDbtp;
  if (loudOk && peakOk) return { done: true };
  const why = peakOk ? 'loudness' : 'peak';
  if (rendersDone >= MAX_RENDERS) return { done: false, next: null, why };
  let limit = plan.limitDbtp ?? target.truePeakDbtp - LIMITER_MARGIN_DB;
  if (plan.limitDbtp !== null) curve.add({ gainDb: plan.gainDb, lufs: levels.preEncodeLufs }, plan.limitDbtp);
  if (!peakOk) limit -= out.truePeakDbtp - target.truePeakDbtp + 0.2;
  const aim = target.integratedLufs + (levels.preEncodeLufs - out.integratedLufs);
  const gainDb = curve.gainFor(aim, limit);
  const limited = plan.limitDbtp !== null || !peakOk || gainDb > curve.linearUpTo(limit);
  return { done: false, why, next: { ...plan, gainDb, limitDbtp: limited ? limit : null } };
}
