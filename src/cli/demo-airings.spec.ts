import { mulberry32 } from '../common/random.js';
import { demoHistory, HISTORY_FROM, HISTORY_REPORTAGES, HISTORY_TO } from './demo-airings.js';

const history = () => demoHistory({ featured: 32, communeOf: (i) => i % 8, communes: 8 });

describe('demo history: five years of the column', () => {
  it('is the same on every run', () => {
    expect(history()).toEqual(history());
    const a = mulberry32(1);
    const b = mulberry32(1);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });

  it('airs 189 reportages first, once each, on their own commune, all within the five years', () => {
    const items = history();
    expect(items).toHaveLength(HISTORY_REPORTAGES);
    for (const item of items) {
      const [first, ...reAirs] = item.airings;
      expect(first).toMatchObject({ isReair: false, result: 'aired', communeIndex: item.exemplarIndex % 8 });
      expect(reAirs.every((r) => r.isReair && r.communeIndex !== first.communeIndex)).toBe(true);
      expect(item.recordedOn < first.startsAt.slice(0, 10)).toBe(true);
    }
    const all = items.flatMap((i) => i.airings);
    // 1 July 2017 00:00 local is 30 June 17:00 UTC; 30 June 2022 24:00 local is 17:00 UTC that day.
    expect(HISTORY_FROM).toBe('2017-07-01');
    expect(all.every((a) => a.startsAt >= '2017-06-30 17:00' && a.startsAt < `${HISTORY_TO} 17:00`)).toBe(
      true,
    );
    expect(all.every((a) => a.seconds >= 180 && a.seconds <= 420)).toBe(true);
    expect(new Set(items.map((i) => i.exemplarIndex)).size).toBe(32);
  });

  it('re-airs some, a few of them missed or cut short', () => {
    const reAirs = history().flatMap((i) => i.airings.filter((a) => a.isReair));
    expect(reAirs.length).toBeGreaterThan(100);
    expect(reAirs.some((a) => a.result === 'missed' && a.playedSeconds === 0)).toBe(true);
    expect(reAirs.some((a) => a.result === 'partial' && a.playedSeconds < a.seconds)).toBe(true);
  });
});
