import fc from 'fast-check';
import { sloStatus, burnRateRules } from './alerts';
import { burnRate, occurrences, ratioTimeslices, timeslices } from './budget';
import { windowAt } from './windows';

/** Good and total of a window: 0 ≤ good ≤ total. */
const counts = fc
  .tuple(fc.nat({ max: 1_000_000 }), fc.nat({ max: 1_000_000 }))
  .map(([a, b]) => ({ good: Math.min(a, b), total: Math.max(a, b) }));
/** Any objective, 0 to 100%, the edges included. */
const target = fc.oneof(
  fc.constantFrom(0, 0.5, 0.9, 0.99, 0.999, 1),
  fc.double({ min: 0, max: 1, noNaN: true }),
);
const slices = fc.array(counts, { maxLength: 50 });

/** A remaining budget is a number no higher than 1, or null for no data. */
const isRemaining = (value: number | null) =>
  value === null || (Number.isFinite(value) && value <= 1);

describe('SLO math invariants', () => {
  it('occurrences: the remaining budget is never above 1 nor NaN, and the SLI is a share', () => {
    fc.assert(
      fc.property(counts, target, (c, t) => {
        const { sli, remaining } = occurrences(c, t);
        expect(isRemaining(remaining)).toBe(true);
        expect(sli === null || (sli >= 0 && sli <= 1)).toBe(true);
        expect(remaining === null).toBe(c.total === 0);
      }),
    );
  });

  it('occurrences: one more bad event never leaves more budget', () => {
    fc.assert(
      fc.property(counts, target, (c, t) => {
        const before = occurrences(c, t).remaining;
        // The same good events, one more in total: that one is bad.
        const after = occurrences({ good: c.good, total: c.total + 1 }, t)
          .remaining!;
        expect(before === null || after <= before).toBe(true);
        // A good event turned bad spends budget too.
        const turned = occurrences(
          { good: Math.max(0, c.good - 1), total: c.total },
          t,
        ).remaining;
        expect(before === null || turned! <= before).toBe(true);
      }),
    );
  });

  it('timeslices: never above 1 nor NaN, and one more bad slice never leaves more budget', () => {
    fc.assert(
      fc.property(
        slices,
        target,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.nat(),
        (s, t, sliceTarget, pick) => {
          const options = {
            target: t,
            timeSliceTarget: sliceTarget,
            windowSlices: Math.max(1, s.length),
          };
          const before = timeslices(s, options);
          expect(isRemaining(before.remaining)).toBe(true);
          expect(before.badSlices).toBeLessThanOrEqual(s.length);
          // Turn one slice with data into a slice of bad events only.
          const withData = s
            .map((x, i) => [x, i] as const)
            .filter(([x]) => x.total > 0);
          if (withData.length === 0) return;
          const [slice, index] = withData[pick % withData.length];
          const worse = s.map((x, i) =>
            i === index ? { good: 0, total: slice.total } : x,
          );
          const after = timeslices(worse, options);
          expect(after.remaining!).toBeLessThanOrEqual(before.remaining!);
        },
      ),
    );
  });

  it('ratio timeslices: never above 1 nor NaN, and fewer good events never leave more budget', () => {
    fc.assert(
      fc.property(slices, target, fc.nat(), (s, t, pick) => {
        const before = ratioTimeslices(s, t);
        expect(isRemaining(before.remaining)).toBe(true);
        const withData = s
          .map((x, i) => [x, i] as const)
          .filter(([x]) => x.good > 0);
        if (withData.length === 0) return;
        const [, index] = withData[pick % withData.length];
        const worse = s.map((x, i) =>
          i === index ? { good: x.good - 1, total: x.total } : x,
        );
        expect(ratioTimeslices(worse, t).remaining!).toBeLessThanOrEqual(
          before.remaining!,
        );
      }),
    );
  });

  it('burn rate: never negative nor NaN, and rises with bad events', () => {
    fc.assert(
      fc.property(counts, target, (c, t) => {
        const rate = burnRate(c, t);
        expect(rate === null || (rate >= 0 && !Number.isNaN(rate))).toBe(true);
        const worse = burnRate({ good: c.good, total: c.total + 1 }, t);
        expect(rate === null || worse === null || worse >= rate).toBe(true);
      }),
    );
  });

  it('status: a lower SLI (and so less budget) never makes an SLO healthier', () => {
    const rank = { 'no-data': -1, met: 0, 'at-risk': 1, breached: 2 };
    const objective = 0.99;
    // Occurrences: remaining = 1 − (1 − SLI) / (1 − objective).
    const remainingOf = (sli: number) => 1 - (1 - sli) / (1 - objective);
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.array(fc.option(fc.double({ min: 0, max: 100, noNaN: true })), {
          minLength: 6,
          maxLength: 6,
        }),
        (sli, spend, burns) => {
          const rules = burnRateRules(30 * 86_400_000).map((rule, i) => ({
            rule,
            longBurn: burns[2 * i],
            shortBurn: burns[2 * i + 1],
          }));
          const status = (value: number) =>
            sloStatus({
              sli: value,
              target: objective,
              remaining: remainingOf(value),
              rules,
              exhaustion: {
                burn: burns[4],
                timeLeftMs: 86_400_000,
                periodMs: 30 * 86_400_000,
              },
            }).status;
          const lower = sli - spend * sli;
          expect(rank[status(lower)]).toBeGreaterThanOrEqual(rank[status(sli)]);
        },
      ),
    );
  });

  it('windows: a window contains its evaluation moment and never ends before it starts', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2000-01-01T00:00:00Z'),
          max: new Date('2100-01-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom('m', 'h', 'd', 'w', 'M', 'Q', 'Y'),
        fc.boolean(),
        fc.constantFrom('UTC', 'Europe/Berlin', 'America/New_York'),
        fc.integer({ min: 28, max: 31 }),
        (now, amount, unit, isRolling, timeZone, day) => {
          // Calendar anchors on the 28th to 31st, in zones with DST.
          const { from, to } = windowAt(now, {
            duration: { amount, unit } as any,
            isRolling,
            calendar: { startTime: `2000-01-${day} 00:30:00`, timeZone },
          });
          expect(from.getTime()).toBeLessThan(to.getTime());
          expect(from.getTime()).toBeLessThanOrEqual(now.getTime());
          expect(now.getTime()).toBeLessThanOrEqual(to.getTime());
        },
      ),
    );
  });
});
