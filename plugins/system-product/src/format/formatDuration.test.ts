import { formatDuration } from './formatDuration';

describe('formatDuration', () => {
  it.each([
    [20, '1 min'],
    [350, '6 min'],
    [6_055, '1.7 h'],
    [43_675, '12.1 h'],
    [86_400, '1 day'],
    [200_000, '2.3 days'],
  ])('says %d seconds is %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});
