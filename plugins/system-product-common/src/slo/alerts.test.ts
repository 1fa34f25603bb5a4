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

  it('pages only when both windows burn fast', () => {
    const rules = burnRateRules(30 * DAY);
    const burning = (long: number | null, short: number | null) =>
      rules.map(rule => ({ rule, longBurn: long, shortBurn: short }));
    expect(sloStatus({ remaining: 0.8, rules: burning(20, 20) }).status).toBe(
      'breaching',
    );
    // The short window has recovered: the incident is over, no page.
    expect(sloStatus({ remaining: 0.8, rules: burning(20, 0.5) }).status).toBe(
      'healthy',
    );
    expect(sloStatus({ remaining: 0.8, rules: burning(2, 2) }).status).toBe(
      'at-risk',
    );
  });

  it('calls a spent budget breaching, a low one at risk, and no traffic no data', () => {
    expect(sloStatus({ remaining: 0, rules: [] }).status).toBe('breaching');
    expect(sloStatus({ remaining: 0.2, rules: [] }).status).toBe('at-risk');
    expect(sloStatus({ remaining: 0.9, rules: [] }).status).toBe('healthy');
    expect(sloStatus({ remaining: null, rules: [] }).status).toBe('no-data');
  });
});
