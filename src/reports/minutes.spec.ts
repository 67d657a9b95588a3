import { minutesThatAddUp } from './minutes.js';

describe('minutes that add up', () => {
  it('shares the rounded total out so that the rows add up to it', () => {
    // Each 10 s is 0,1667 min: rounded on their own, three rows read 0,2 each (0,6) under a total of 0,5.
    const minutes = minutesThatAddUp([10, 10, 10], 30);
    expect(minutes.reduce((a, b) => a + b, 0)).toBeCloseTo(0.5, 10);
    expect(minutes).toEqual([0.2, 0.2, 0.1]);
  });

  it('keeps exact values exact and rows without airings at zero', () => {
    expect(minutesThatAddUp([300, 0, 1200], 1500)).toEqual([5, 0, 20]);
  });

  it('moves no row by more than its own rounding', () => {
    const seconds = [7954.2, 5490.4, 6061.1, 17926.9, 21372.3, 19823.7, 10133.8, 10116.4, 8717.9];
    const total = seconds.reduce((a, b) => a + b, 0);
    const minutes = minutesThatAddUp(seconds, total);
    minutes.forEach((m, i) => expect(Math.abs(m - seconds[i] / 60)).toBeLessThan(0.1));
    expect(Math.round(minutes.reduce((a, b) => a + b, 0) * 10)).toBe(Math.round(total / 6));
  });
});
