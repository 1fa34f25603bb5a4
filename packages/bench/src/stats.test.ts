import { median, percentile } from './stats';

describe('stats', () => {
  it('takes the middle sample, or the mean of the two middle ones', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('reads percentiles by nearest rank', () => {
    const samples = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(samples, 0.5)).toBe(50);
    expect(percentile(samples, 0.99)).toBe(99);
    expect(percentile(samples, 1)).toBe(100);
    expect(percentile([7], 0.99)).toBe(7);
  });

  it('refuses to summarise no samples rather than print NaN', () => {
    expect(() => median([])).toThrow('median of no samples');
    expect(() => percentile([], 0.5)).toThrow('percentile of no samples');
  });
});
