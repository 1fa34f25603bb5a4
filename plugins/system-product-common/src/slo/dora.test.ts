import {
  changeFailureRateBand,
  deploymentFrequency,
  doraFigure,
  doraRate,
  isDoraPeriodDays,
  leadTimeBand,
  median,
  recoveryTimeBand,
} from './dora';

const HOUR = 3600;
const DAY = 24 * HOUR;

/** One deploy day per entry of `days` (whole days back from the period's end), `n` deployments each. */
const on = (days: number[], n = 1) =>
  days.map(day => ({ day, deployments: n }));

describe('deployment frequency as a cadence', () => {
  it('rates 30 deployments on one day of 30 days monthly, not daily', () => {
    // weeks = ceil(30/7) = 5, one with a deployment (1/5 < 3/4);
    // months = ceil(30/30) = 1, one with a deployment (1/1 ≥ 3/4) → monthly
    expect(deploymentFrequency(on([12], 30), 30)).toEqual({
      cadence: 'monthly',
      band: 'medium',
      sampleSize: 30,
      deployDays: 1,
      weeks: 5,
      weeksWithDeployments: 1,
      months: 1,
      monthsWithDeployments: 1,
      medianDeployDaysPerWeek: 0, // median of [1, 0, 0, 0, 0]
      medianDeploymentsPerDeployDay: 30,
    });
  });

  it('rates several deployments on every working day on demand, one a day daily', () => {
    // days 0-4, 7-11, 14-18, 21-25 and 28: weekdays of 4 full weeks + day 28
    const weekdays = [0, 1, 2, 3, 4, 7, 8, 9, 10, 11, 14, 15, 16, 17, 18];
    const all = [...weekdays, 21, 22, 23, 24, 25, 28];
    // deploy days per week: [5, 5, 5, 5, 1], median 5 ≥ 5
    expect(deploymentFrequency(on(all, 3), 30)).toMatchObject({
      cadence: 'on-demand',
      band: 'elite',
      sampleSize: 63, // 21 days × 3
      medianDeployDaysPerWeek: 5,
    });
    expect(deploymentFrequency(on(all, 1), 30)).toMatchObject({
      cadence: 'daily',
      band: 'high',
      medianDeploymentsPerDeployDay: 1,
    });
  });

  it('needs a deployment in 3/4 of the weeks for weekly', () => {
    // 30 days: weeks 0..4; deployments in weeks 0, 1, 2, 3 → 4/5 = 0.8 ≥ 0.75
    expect(deploymentFrequency(on([1, 8, 15, 22]), 30).cadence).toBe('weekly');
    // every other week: weeks 0, 2, 4 → 3/5 = 0.6 < 0.75 → monthly
    expect(deploymentFrequency(on([1, 15, 29]), 30).cadence).toBe('monthly');
  });

  it('rates 90 days with deployments in two of three months fewer than monthly', () => {
    // months = ceil(90/30) = 3; deployments in months 0 and 2: 2/3 < 3/4
    expect(deploymentFrequency(on([5, 70]), 90)).toMatchObject({
      cadence: 'fewer-than-monthly',
      band: 'low',
      weeks: 13, // ceil(90/7)
      months: 3,
      monthsWithDeployments: 2,
    });
    // one in each month: 3/3 → monthly
    expect(deploymentFrequency(on([5, 40, 70]), 90).cadence).toBe('monthly');
  });

  it('rates one deployment in 7 days weekly and none not at all', () => {
    expect(deploymentFrequency(on([3]), 7)).toMatchObject({
      cadence: 'weekly',
      band: 'high',
      weeks: 1,
      months: 1,
    });
    expect(deploymentFrequency([], 365)).toMatchObject({
      cadence: null,
      band: null,
      sampleSize: 0,
      weeks: 53, // ceil(365/7)
      months: 13, // ceil(365/30)
      medianDeploymentsPerDeployDay: null,
    });
  });
});

describe('DORA 2024 bands', () => {
  it('bands lead time by day, week and month', () => {
    expect(leadTimeBand(5 * HOUR)).toBe('elite');
    expect(leadTimeBand(DAY)).toBe('high');
    expect(leadTimeBand(3 * DAY)).toBe('high');
    expect(leadTimeBand(7 * DAY)).toBe('medium');
    expect(leadTimeBand(45 * DAY)).toBe('low');
  });

  it('bands a change fail rate by the nearest cluster: elite 5%, medium 10%, high 20%, low 40%', () => {
    expect(changeFailureRateBand(0)).toBe('elite');
    expect(changeFailureRateBand(0.07)).toBe('elite');
    expect(changeFailureRateBand(0.1)).toBe('medium');
    expect(changeFailureRateBand(0.2)).toBe('high');
    expect(changeFailureRateBand(0.3)).toBe('low');
  });

  it('bands recovery time by hour, day and week', () => {
    expect(recoveryTimeBand(30 * 60)).toBe('elite');
    expect(recoveryTimeBand(2 * HOUR)).toBe('high');
    expect(recoveryTimeBand(3 * DAY)).toBe('medium');
    expect(recoveryTimeBand(8 * DAY)).toBe('low');
  });

  it('gives no band below five samples, and no value without one', () => {
    expect(doraFigure(600, 4, recoveryTimeBand)).toEqual({
      value: 600,
      sampleSize: 4,
      band: null,
    });
    expect(doraFigure(600, 5, recoveryTimeBand).band).toBe('elite');
    expect(doraFigure(600, 5).band).toBeNull();
    expect(doraRate(0, 0, changeFailureRateBand)).toEqual({
      value: null,
      sampleSize: 0,
      band: null,
      count: 0,
    });
    // 3 of 40 = 0.075 → not below 7.5%: medium
    expect(doraRate(3, 40, changeFailureRateBand)).toEqual({
      value: 0.075,
      sampleSize: 40,
      band: 'medium',
      count: 3,
    });
  });

  it('takes medians and knows the periods', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
    expect(isDoraPeriodDays(90)).toBe(true);
    expect(isDoraPeriodDays(28)).toBe(false);
  });
});
