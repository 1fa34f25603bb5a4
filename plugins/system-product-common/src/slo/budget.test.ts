import {
  burnRate,
  errorBudget,
  occurrences,
  ratioTimeslices,
  timeslices,
} from './budget';

describe('SLO budgets', () => {
  it('99.9% over 30 days of 1-minute slices allows 43.2 bad minutes', () => {
    const windowSlices = 30 * 24 * 60;
    const slices = Array.from({ length: windowSlices }, (_, i) =>
      // 20 bad minutes: their ratio is below the 95% slice target
      i < 20 ? { good: 90, total: 100 } : { good: 100, total: 100 },
    );
    const result = timeslices(slices, {
      target: 0.999,
      timeSliceTarget: 0.95,
      windowSlices,
    });
    expect(result.allowedBadSlices).toBeCloseTo(43.2);
    expect(result.badSlices).toBe(20);
    expect(result.remaining).toBeCloseTo(1 - 20 / 43.2);
    expect(result.sli).toBeCloseTo(1 - 20 / 43_200);
  });

  it('counts occurrences: 99% target, 10 000 events, 40 bad leaves 60% of the budget', () => {
    expect(occurrences({ good: 9_960, total: 10_000 }, 0.99)).toEqual({
      sli: 0.996,
      remaining: expect.closeTo(0.6, 10),
    });
  });

  it('reports zero traffic as no data, never NaN', () => {
    expect(occurrences({ good: 0, total: 0 }, 0.99)).toEqual({
      sli: null,
      remaining: null,
    });
    expect(ratioTimeslices([{ good: 0, total: 0 }], 0.99)).toEqual({
      sli: null,
      remaining: null,
    });
    expect(
      timeslices([], { target: 0.99, timeSliceTarget: 0.9, windowSlices: 10 })
        .sli,
    ).toBeNull();
    expect(burnRate({ good: 0, total: 0 }, 0.99)).toBeNull();
  });

  it('averages slice ratios for RatioTimeslices, skipping slices without data', () => {
    const result = ratioTimeslices(
      [
        { good: 99, total: 100 },
        { good: 0, total: 0 },
        { good: 97, total: 100 },
      ],
      0.95,
    );
    expect(result.sli).toBeCloseTo(0.98);
    expect(result.remaining).toBeCloseTo(1 - 0.02 / 0.05);
  });

  it('goes below zero once the budget is overspent and exhausts a 100% target on the first bad event', () => {
    expect(occurrences({ good: 90, total: 100 }, 0.99).remaining).toBeCloseTo(
      -9,
    );
    expect(occurrences({ good: 99, total: 100 }, 1)).toEqual({
      sli: 0.99,
      remaining: 0,
    });
    expect(occurrences({ good: 100, total: 100 }, 1).remaining).toBe(1);
  });

  it('burns at error ratio over budget', () => {
    expect(errorBudget(0.999)).toBeCloseTo(0.001);
    // 1.44% errors against a 0.1% budget: the fast-burn page threshold
    expect(burnRate({ good: 98_560, total: 100_000 }, 0.999)).toBeCloseTo(14.4);
  });
});
