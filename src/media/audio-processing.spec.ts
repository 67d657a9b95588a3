import { silenceWarnings } from './audio-processing.service.js';

describe('silenceWarnings', () => {
  it('warns about silence at both ends and long pauses inside, with their place', () => {
    const analysis = {
      leadingSilenceSeconds: 3,
      trailingSilenceSeconds: 2.5,
      silences: [
        { start: 0, end: 3, duration: 3 },
        { start: 83.4, end: 88.9, duration: 5.5 },
        { start: 117.5, end: 120, duration: 2.5 },
      ],
    };
    expect(silenceWarnings(analysis, 120)).toEqual([
      'Khoảng lặng 3.0 giây ở đầu bài.',
      'Khoảng lặng 2.5 giây ở cuối bài.',
      'Đoạn lặng dài 5.5 giây tại 1:23.',
    ]);
  });

  it('has nothing to say about audio without long silence', () => {
    expect(
      silenceWarnings({ leadingSilenceSeconds: 0, trailingSilenceSeconds: 0, silences: [] }, 60),
    ).toEqual([]);
  });
});
