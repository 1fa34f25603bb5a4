import {
  changeFailureRate,
  changeFailureRateBand,
  deploymentFrequencyBand,
  leadTimeBand,
  median,
  recoveryTimeBand,
} from './dora';

const HOUR = 3_600_000;

describe('DORA bands', () => {
  it('bands deployment frequency per day', () => {
    expect(deploymentFrequencyBand(3)).toBe('elite');
    expect(deploymentFrequencyBand(2 / 7)).toBe('high');
    expect(deploymentFrequencyBand(2 / 30)).toBe('medium');
    expect(deploymentFrequencyBand(0.01)).toBe('low');
    expect(deploymentFrequencyBand(null)).toBeNull();
  });

  it('bands lead time, failure rate and recovery time', () => {
    expect(leadTimeBand(5 * HOUR)).toBe('elite');
    expect(leadTimeBand(3 * 24 * HOUR)).toBe('high');
    expect(changeFailureRate(3, 40)).toBe(0.075);
    expect(changeFailureRateBand(0.075)).toBe('high');
    expect(changeFailureRate(0, 0)).toBeNull();
    expect(recoveryTimeBand(30 * 60_000)).toBe('elite');
    expect(recoveryTimeBand(8 * 24 * HOUR)).toBe('low');
  });

  it('takes medians of durations', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});
