import { formatMinutes } from './durations';

describe('formatMinutes', () => {
  it.each([
    [0, '0 min'],
    [25, '25 min'],
    [59, '59 min'],
    [59.6, '1 h'],
    [60, '1 h'],
    [90, '1.5 h'],
    [100, '1.7 h'],
    [120, '2 h'],
    [1_380, '23 h'],
    [1_439, '1 d'],
    [1_440, '1 d'],
    [2_160, '1.5 d'],
    [2_880, '2 d'],
    [525_600, '365 d'],
  ])('says %d minutes is %s', (minutes, text) => {
    expect(formatMinutes(minutes)).toBe(text);
  });
});
