import { burnRateRules, sloStatus } from './alerts';

const DAY = 86_400_000;

describe('multi-window multi-burn-rate alerts', () => {
  it('uses 1h/5m at 14.4x, 6h/30m at 6x and 3d/6h at 1x for 30 days', () => {
    expect(
      burnRateRules(30 * DAY).map(r => [
        r.severity,
        r.longWindowMs / 3_600_000,
        r.shortWindowMs / 60_000,
        r.factor,
      ]),
    ).toEqual([
      ['page', 1, 5, 14.4],
      ['page', 6, 30, 6],
      ['ticket', 72, 360, 1],
    ]);
  });

  it('scales the windows for other periods and keeps the factors', () => {
    const [fast] = burnRateRules(7 * DAY);
    expect(fast.longWindowMs).toBe(Math.round((3_600_000 * 7) / 30));
    expect(fast.factor).toBe(14.4);
  });

  it('fires a rule only when both of its windows burn faster than its factor', () => {
    const rules = burnRateRules(30 * DAY);
    const burning = (long: number | null, short: number | null) =>
      rules.map(rule => ({ rule, longBurn: long, shortBurn: short }));
    // SLI 0.998 against 0.99: met, 80% of the budget left.
    const met = { sli: 0.998, target: 0.99, remaining: 0.8 };
    const fast = sloStatus({ ...met, rules: burning(20, 20) });
    expect(fast.status).toBe('at-risk');
    expect(fast.firing.map(r => r.factor)).toEqual([14.4, 6, 1]);
    // The short window has recovered: the incident is over, nothing fires.
    expect(sloStatus({ ...met, rules: burning(20, 0.5) })).toEqual({
      status: 'met',
      firing: [],
      budgetUsedUp: false,
    });
    // 2× burns past the 1× ticket rule only.
    expect(
      sloStatus({ ...met, rules: burning(2, 2) }).firing.map(r => r.severity),
    ).toEqual(['ticket']);
  });

  it('names the status after the objective: met at the objective even with no budget left, breached below it', () => {
    // 95 of 100 against 0.95: exactly at the objective is met, budget used up.
    expect(
      sloStatus({ sli: 95 / 100, target: 0.95, remaining: 0, rules: [] }),
    ).toEqual({ status: 'met', firing: [], budgetUsedUp: true });
    // 1 − 5/100 is 0.95 up to floating point: still met.
    expect(
      sloStatus({ sli: 1 - 5 / 100, target: 0.95, remaining: 0, rules: [] })
        .status,
    ).toBe('met');
    expect(
      sloStatus({ sli: 0.94, target: 0.95, remaining: -0.2, rules: [] }).status,
    ).toBe('breached');
    expect(
      sloStatus({ sli: null, target: 0.95, remaining: null, rules: [] }).status,
    ).toBe('no-data');
  });

  it("is at risk when the slowest rule's burn spends the rest of the budget before the window ends", () => {
    const base = { sli: 0.996, target: 0.99, remaining: 0.4, rules: [] };
    // Calendar month, 10 of 30 days left, burning 0.9×: 0.9 × 10/30 = 0.3 of
    // the budget goes by the end, 0.4 is left: met.
    const periodMs = 30 * DAY;
    expect(
      sloStatus({
        ...base,
        exhaustion: { burn: 0.9, timeLeftMs: 10 * DAY, periodMs },
      }).status,
    ).toBe('met');
    // Burning 1.5×: 1.5 × 10/30 = 0.5 ≥ 0.4: at risk.
    expect(
      sloStatus({
        ...base,
        exhaustion: { burn: 1.5, timeLeftMs: 10 * DAY, periodMs },
      }).status,
    ).toBe('at-risk');
  });
});
