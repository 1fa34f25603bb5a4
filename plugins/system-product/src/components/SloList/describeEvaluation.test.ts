import {
  SloDefinition,
  SloEvaluation,
} from '@system-product/backstage-plugin-common';
import {
  describeAsOf,
  describeCounted,
  describeEvaluatedWindow,
  describeFreshness,
  describeBudget,
  describeOutcome,
  describeSpan,
  formatAmount,
  latestBurn,
  statusLabel,
} from './describeEvaluation';
import { describeObjective } from './describeSlo';

const deploymentSuccess: SloDefinition = {
  name: 'deployment-success',
  displayName: 'Deployment success',
  description: '',
  service: 'ci-cd-pipeline',
  budgetingMethod: 'Occurrences',
  window: { duration: { amount: 28, unit: 'd' }, isRolling: true },
  objectives: [{ target: 0.99 }],
  indicator: {
    name: 'deployment-success',
    ratio: {
      good: {
        type: 'system-product',
        spec: { event: 'deployment', measure: 'deployment-success' },
      },
      total: {
        type: 'system-product',
        spec: { event: 'deployment', measure: 'count' },
      },
    },
  },
};

const availability = (
  budgetingMethod: 'Timeslices' | 'RatioTimeslices',
  amount: number,
): SloDefinition => ({
  ...deploymentSuccess,
  budgetingMethod,
  objectives: [
    {
      target: 0.999,
      timeSliceTarget: 0.95,
      timeSliceWindow: { amount, unit: 'm' },
    },
  ],
});

describe('describeCounted', () => {
  it('counts events in the unit of the indicator: deployments', () => {
    expect(
      describeCounted(deploymentSuccess, deploymentSuccess.objectives[0], {
        unit: 'events',
        bad: 3,
        total: 200,
        // 1 − 0.99 is a hair above 0.01 in floating point.
        allowed: 200 * (1 - 0.99),
      }),
    ).toBe('3 bad of 200 deployments, 2 allowed');
  });

  it('counts the events of a source it does not know as events, and one of them in the singular', () => {
    const prometheus: SloDefinition = {
      ...deploymentSuccess,
      indicator: {
        name: 'availability',
        ratio: {
          good: { type: 'prometheus', spec: { query: 'up' } },
          total: { type: 'prometheus', spec: { query: 'count' } },
        },
      },
    };
    expect(
      describeCounted(prometheus, prometheus.objectives[0], {
        unit: 'events',
        bad: 0,
        total: 1,
        allowed: 0.01,
      }),
    ).toBe('0 bad of 1 event, 0.01 allowed');
  });

  it('counts Timeslices in slices named after the slice window', () => {
    const perMinute = availability('Timeslices', 1);
    expect(
      describeCounted(perMinute, perMinute.objectives[0], {
        unit: 'slices',
        bad: 12,
        total: 40_320,
        allowed: 40.32,
      }),
    ).toBe('12 bad minutes of 40\u202f320, 40.3 allowed');
    const fiveMinutes = availability('Timeslices', 5);
    expect(
      describeCounted(
        fiveMinutes,
        fiveMinutes.objectives[0],
        { unit: 'slices', bad: 1, total: 4_032, allowed: 8.064 },
        true,
      ),
    ).toBe('1 bad 5-minute slice of 4\u202f032 elapsed, 8.1 allowed');
  });

  it('counts RatioTimeslices as the shortfall summed over the slices with data', () => {
    const ratio = availability('RatioTimeslices', 1);
    expect(
      describeCounted(ratio, ratio.objectives[0], {
        unit: 'slices',
        bad: 1.25,
        total: 1_440,
        allowed: 1.44,
      }),
    ).toBe(
      'shortfall of 1.3 minutes over 1\u202f440 minutes with data, 1.4 allowed',
    );
  });
});

describe('formatAmount', () => {
  it('groups thousands, keeps one decimal, and two significant digits below 1', () => {
    expect(formatAmount(1_234_567)).toBe('1\u202f234\u202f567');
    expect(formatAmount(40.32)).toBe('40.3');
    expect(formatAmount(0.0504)).toBe('0.05');
    expect(formatAmount(0)).toBe('0');
  });
});

describe('describeSpan', () => {
  it('humanises the alert windows of a 28-day SLO (the 30-day windows scaled by 28/30)', () => {
    const scale = 28 / 30;
    expect(describeSpan(3_600_000 * scale)).toBe('56 min');
    expect(describeSpan(300_000 * scale)).toBe('4.7 min');
    expect(describeSpan(6 * 3_600_000 * scale)).toBe('5.6 h');
    expect(describeSpan(72 * 3_600_000 * scale)).toBe('2.8 d');
    expect(describeSpan(30_000)).toBe('30 s');
  });
});

describe('describeEvaluatedWindow', () => {
  const monthly: SloDefinition = {
    ...deploymentSuccess,
    window: {
      duration: { amount: 1, unit: 'M' },
      isRolling: false,
      calendar: { startTime: '2026-01-01 00:00:00', timeZone: 'Europe/Berlin' },
    },
  };
  const november: Pick<SloEvaluation, 'window' | 'evaluatedAt'> = {
    window: {
      from: '2026-10-31T23:00:00.000Z',
      to: '2026-11-30T23:00:00.000Z',
    },
    evaluatedAt: '2026-11-25T11:00:00.000Z',
  };

  it('shows a calendar window in its time zone, and up to when one in progress was measured', () => {
    expect(describeEvaluatedWindow(monthly, november)).toBe(
      'Nov 1, 2026, 12:00 AM to Dec 1, 2026, 12:00 AM (Europe/Berlin), measured up to Nov 25, 2026, 12:00 PM',
    );
  });

  it('says nothing of progress once a calendar window has ended', () => {
    expect(
      describeEvaluatedWindow(monthly, {
        ...november,
        evaluatedAt: '2026-12-02T09:00:00.000Z',
      }),
    ).toBe('Nov 1, 2026, 12:00 AM to Dec 1, 2026, 12:00 AM (Europe/Berlin)');
  });

  it("shows a rolling window's start and end with the reader's time zone", () => {
    expect(
      describeEvaluatedWindow(deploymentSuccess, {
        window: {
          from: '2026-10-28T12:00:00.000Z',
          to: '2026-11-25T12:00:00.000Z',
        },
      }),
    ).toMatch(/^Oct 2\d, 2026, .+ to Nov 2\d, 2026, .+ \S+$/);
  });
});

describe('statusLabel', () => {
  it('says when a met SLO has no budget left', () => {
    expect(statusLabel({ status: 'met', budgetUsedUp: true })).toBe(
      'Met, budget used up',
    );
    expect(statusLabel({ status: 'at-risk' })).toBe('At risk');
  });

  it('says "Backfilling", not "No data", while the rollup is being filled', () => {
    expect(statusLabel({ status: 'no-data', backfilling: true })).toBe(
      'Backfilling',
    );
    expect(statusLabel({ status: 'no-data' })).toBe('No data');
  });
});

describe('describeAsOf', () => {
  it('shows the time of a figure of today in the zone, and how long ago it was', () => {
    // 13:02 UTC is 14:02 in Berlin (CET, UTC+1, in November).
    expect(
      describeAsOf(
        '2026-11-25T13:02:00.000Z',
        new Date('2026-11-25T13:05:00.000Z'),
        'Europe/Berlin',
      ),
    ).toBe('as of 2:02 PM (3 minutes ago)');
  });

  it("adds the day when it is not today's there, so the zone decides", () => {
    const at = '2026-11-24T23:30:00.000Z';
    const now = new Date('2026-11-25T00:10:00.000Z');
    // In UTC yesterday at 23:30; in Berlin today at 00:30, now being 01:10.
    expect(describeAsOf(at, now, 'UTC')).toBe(
      'as of Nov 24, 11:30 PM (40 minutes ago)',
    );
    expect(describeAsOf(at, now, 'Europe/Berlin')).toBe(
      'as of 12:30 AM (40 minutes ago)',
    );
    // 9.5 hours old is "9 hours ago", in whole units.
    expect(
      describeAsOf(
        '2026-11-24T22:30:00.000Z',
        new Date('2026-11-25T08:00:00.000Z'),
        'UTC',
      ),
    ).toBe('as of Nov 24, 10:30 PM (9 hours ago)');
  });

  it("adds the year when it is not this year's", () => {
    expect(
      describeAsOf(
        '2025-12-31T12:00:00.000Z',
        new Date('2026-01-02T12:00:00.000Z'),
        'UTC',
      ),
    ).toBe('as of Dec 31, 2025, 12:00 PM (2 days ago)');
  });

  it('says "just now" under a minute, and for an instant ahead of a clock that is behind', () => {
    const now = new Date('2026-11-25T13:05:00.000Z');
    expect(describeAsOf('2026-11-25T13:04:30.000Z', now, 'UTC')).toBe(
      'as of 1:04 PM (just now)',
    );
    expect(describeAsOf('2026-11-25T13:05:10.000Z', now, 'UTC')).toBe(
      'as of 1:05 PM (just now)',
    );
  });
});

describe('describeFreshness', () => {
  const now = new Date('2026-11-25T13:05:00.000Z');

  it('says how old the figures are, or that a backfilling SLO is being computed', () => {
    expect(
      describeFreshness(
        { evaluatedAt: '2026-11-25T13:02:00.000Z' },
        now,
        'UTC',
      ),
    ).toBe('as of 1:02 PM (3 minutes ago)');
    // A backfilling evaluation's instant is when that was said, not figures.
    expect(
      describeFreshness(
        { evaluatedAt: '2026-11-25T13:02:00.000Z', backfilling: true },
        now,
        'UTC',
      ),
    ).toBe('computing from the stored events');
    expect(describeFreshness({}, now, 'UTC')).toBeUndefined();
  });
});

describe('the figures in plain words', () => {
  const leadTime: SloDefinition = {
    ...deploymentSuccess,
    indicator: {
      name: 'lead',
      threshold: {
        type: 'system-product',
        spec: { event: 'deployment', measure: 'lead-time-seconds' },
      },
    },
    objectives: [{ target: 0.95, op: 'lte', value: 86_400 }],
  };

  it('says how many events were good and what made them good', () => {
    // 4 of 80 late: 76 made it, 95%.
    expect(
      describeOutcome(
        leadTime,
        leadTime.objectives[0],
        { unit: 'events', bad: 4, total: 80, allowed: 4 },
        76 / 80,
      ),
    ).toBe('76 of 80 deployments reached production within a day (95%)');
    expect(describeObjective(leadTime)).toBe(
      '95% of deployments reach production within a day',
    );
    expect(
      describeObjective({
        ...leadTime,
        objectives: [{ target: 0.9, op: 'lte', value: 14_400 }],
      }),
    ).toBe('90% of deployments reach production within 4 hours');
    expect(describeObjective(deploymentSuccess)).toBe(
      '99% of deployments succeed',
    );
  });

  it('says what is left of the budget, or how many times over it is spent', () => {
    const counted = { unit: 'events' as const, bad: 2, total: 80, allowed: 4 };
    // 1 − 2 / 4 = 0.5 left.
    expect(describeBudget(0.5, counted)).toBe(
      '50% of the budget left (2 bad, 4 allowed)',
    );
    expect(describeBudget(0)).toBe('Budget used up');
    // 20 bad where 4 are allowed: 1 − 20 / 4 = −4, five budgets spent.
    expect(describeBudget(-4)).toBe('Budget overspent 5×');
    expect(describeBudget(null)).toBe('No budget figures yet');
  });

  it('takes the burn of the shortest window with data, or says why there is none', () => {
    const rate = (longBurn: number | null, shortBurn: number | null) => ({
      severity: 'page' as const,
      longWindowMs: 3_600_000,
      shortWindowMs: 300_000,
      factor: 14.4,
      longBurn,
      shortBurn,
      firing: false,
    });
    expect(latestBurn({ burnRates: [rate(2, 0)] })).toEqual({
      burn: 0,
      windowMs: 300_000,
    });
    expect(latestBurn({ burnRates: [rate(2, null)] })).toEqual({
      burn: 2,
      windowMs: 3_600_000,
    });
    expect(latestBurn({ burnRates: [rate(null, null)] })).toEqual({
      why: 'no events in the last 1 h',
    });
    expect(latestBurn({ burnRates: [rate(null, null)] }, 'slices')).toEqual({
      why: 'no data in the last 1 h',
    });
    expect(latestBurn({ burnRates: [rate(null, null)] }, 'events', 1)).toEqual({
      why: 'no budget to burn (target 100%)',
    });
    expect(
      latestBurn({ burnRates: [], reason: 'no events in the window' }),
    ).toEqual({ why: 'no events in the window' });
  });
});
