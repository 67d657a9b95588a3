import {
  firstPlan,
  judge,
  LevelCurve,
  levellerFor,
  LIMITER_MARGIN_DB,
  MAX_RENDERS,
  trialGains,
} from './loudness.js';

const house = { integratedLufs: -16, truePeakDbtp: -1.5 };
const limit = house.truePeakDbtp - LIMITER_MARGIN_DB;
const DOWNMIX = { channel: null, levellerDbfs: null };

describe('firstPlan', () => {
  it.each([
    ['a tone-like recording with headroom', { integratedLufs: -26, truePeakDbtp: -23 }, 10.3, null],
    ['a hot, clipped recording', { integratedLufs: -8, truePeakDbtp: 3 }, -7.7, null],
    [
      'speech, whose peaks stand 20 dB over its loudness',
      { integratedLufs: -26, truePeakDbtp: -6 },
      10.3,
      limit,
    ],
    ['a recording already at the target', { integratedLufs: -16, truePeakDbtp: -5 }, 0.3, null],
  ])('plans %s', (_name, measured, gainDb, limitDbtp) => {
    const plan = firstPlan(measured, house, DOWNMIX);
    expect(plan.gainDb).toBeCloseTo(gainDb, 5);
    expect(plan.limitDbtp).toBe(limitDbtp);
  });

  it('brackets the usual limiter make-up with its two trials', () => {
    const speech = { integratedLufs: -26, truePeakDbtp: -6 };
    const [low, high] = trialGains(speech, firstPlan(speech, house, DOWNMIX));
    expect(low).toBeGreaterThan(10.3);
    expect(high).toBeGreaterThan(low + 3);
  });
});

describe('levellerFor', () => {
  it('levels only a recording wider than the house loudness range, from its own loudness', () => {
    expect(levellerFor({ integratedLufs: -27, loudnessRangeLu: 12.7 })).toBe(-27);
    expect(levellerFor({ integratedLufs: -27, loudnessRangeLu: 7 })).toBeNull();
    expect(levellerFor({ integratedLufs: -75, loudnessRangeLu: 15 })).toBe(-60);
  });
});

describe('LevelCurve', () => {
  // A limiter's curve as measured on espeak-ng speech (-26.2 LUFS in, true peak -5.6 dBTP).
  const input = { integratedLufs: -26.2, truePeakDbtp: -5.6 };
  const measured = (c: LevelCurve) => {
    c.add({ gainDb: 15.1, lufs: -15.8 }, limit);
    c.add({ gainDb: 22, lufs: -13.9 }, limit);
    return c;
  };

  it('is exact and linear until the peaks reach the ceiling', () => {
    const curve = new LevelCurve(input);
    expect(curve.gainFor(-24, limit)).toBeCloseTo(2.2, 5);
  });

  it('reads the gain for a loudness between measured points', () => {
    const gain = measured(new LevelCurve(input)).gainFor(-15.7, limit);
    expect(gain).toBeGreaterThan(15.1);
    expect(gain).toBeLessThan(22);
  });

  it('interpolates between the knee and the first trial when the target lies below it', () => {
    const gain = measured(new LevelCurve(input)).gainFor(-16.5, limit);
    expect(gain).toBeGreaterThan(-5.6 * -1 + limit - 0.001); // past the knee
    expect(gain).toBeLessThan(15.1);
  });

  it('extrapolates past the last point with a slope it will not let fall to nothing', () => {
    const gain = measured(new LevelCurve(input)).gainFor(-12, limit);
    expect(gain).toBeGreaterThan(22);
    expect(gain).toBeLessThan(22 + (13.9 - 12) / 0.15 + 0.001);
  });

  it('serves a lower ceiling from points measured at another (a limiter is scale-free)', () => {
    const curve = measured(new LevelCurve(input));
    // L(g, ceiling - 1) = L(g + 1, ceiling) - 1
    expect(curve.gainFor(-15.7, limit - 1)).toBeCloseTo(curve.gainFor(-14.7, limit) - 1, 5);
  });
});

describe('judge', () => {
  const input = { integratedLufs: -26.2, truePeakDbtp: -5.6 };
  const plan = { ...DOWNMIX, gainDb: 15.45, limitDbtp: limit };

  it('accepts a rendition within 0.4 LU and under the ceiling', () => {
    const levels = { preEncodeLufs: -15.7, out: { integratedLufs: -16.2, truePeakDbtp: -2.1 } };
    expect(judge(levels, plan, new LevelCurve(input), house, 1)).toEqual({ done: true });
  });

  it('corrects by what the encoder took away, with a louder plan', () => {
    const levels = { preEncodeLufs: -16.5, out: { integratedLufs: -17.2, truePeakDbtp: -2.1 } };
    const verdict = judge(levels, plan, new LevelCurve(input), house, 1);
    expect(verdict).toMatchObject({ done: false, why: 'loudness' });
    if (verdict.done || !verdict.next) throw new Error('expected a next plan');
    expect(verdict.next.gainDb).toBeGreaterThan(plan.gainDb);
    expect(verdict.next.limitDbtp).toBe(limit);
  });

  it('lowers the limiter when the encoded peak went over the ceiling', () => {
    const levels = { preEncodeLufs: -15.7, out: { integratedLufs: -16, truePeakDbtp: -1.2 } };
    const verdict = judge(levels, plan, new LevelCurve(input), house, 1);
    if (verdict.done || !verdict.next) throw new Error('expected a next plan');
    expect(verdict.why).toBe('peak');
    expect(verdict.next.limitDbtp).toBeCloseTo(limit - 0.5, 5);
  });

  it('gives up after the last render', () => {
    const levels = { preEncodeLufs: -18, out: { integratedLufs: -18.5, truePeakDbtp: -2 } };
    expect(judge(levels, plan, new LevelCurve(input), house, MAX_RENDERS)).toEqual({
      done: false,
      next: null,
      why: 'loudness',
    });
  });
});
