import { testDatabaseIds } from '@internal/system-product-test-utils';
/*
 * Worked examples: every expected figure is written out from the formula by
 * hand (in the comment beside it), never computed with the code under test.
 * Each runs on SQLite and PostgreSQL through the built-in event source,
 * counting raw events and counting from rollups (half the events there when
 * the rollup is filled, half stored after, kept by ingestion): both must
 * give the hand-computed figures.
 */
import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import {
  SloDefinition,
  SloEvaluation,
  measuredObjectives,
} from '@system-product/backstage-plugin-common';
import { EventCountStore } from '../database/EventCountStore';
import { EventRow, EventStore } from '../database/EventStore';
import { SliRollupStore } from '../database/SliRollupStore';
import { migrateClient } from '../database/migrations';
import { toEventRow } from '../services/EventService';
import { EventSliSource } from './EventSliSource';
import { SliSourceRegistry } from './SliSourceRegistry';
import { counterFor, resolveSli } from './counterFor';
import { evaluateSlo } from './evaluateSlo';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: testDatabaseIds() });
const ref = 'system:default/ci-cd-pipeline';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const source = (measure: string) => ({
  type: 'system-product',
  spec: { event: 'deployment', measure },
});
const successRatio = {
  name: 'success',
  ratio: { good: source('deployment-success'), total: source('count') },
};
const leadWithinDay = {
  name: 'lead',
  threshold: source('lead-time-seconds'),
};

let seq = 0;
/** A production deployment at `at`, 1 hour after its commit. */
function deployment(at: Date, succeeded = true, leadHours = 1): EventRow {
  seq += 1;
  return toEventRow(
    {
      id: `w-${seq}`,
      entityRef: ref,
      type: 'deployment',
      commitSha: 'abc',
      commitTime: new Date(at.getTime() - leadHours * HOUR).toISOString(),
      deployTime: at.toISOString(),
      environment: 'production',
      succeeded,
    },
    at,
  ) as EventRow;
}

const slo = (overrides: Partial<SloDefinition>): SloDefinition => ({
  name: 'worked',
  displayName: 'Worked example',
  description: '',
  service: 'ci-cd-pipeline',
  budgetingMethod: 'Occurrences',
  window: { duration: { amount: 28, unit: 'd' }, isRolling: true },
  objectives: [{ target: 0.99 }],
  indicator: successRatio,
  ...overrides,
});
const minutely = { amount: 1, unit: 'm' as const };
const hourly = { amount: 1, unit: 'h' as const };
const burns = (e: SloEvaluation) =>
  e.burnRates.map(b => [b.longBurn, b.shortBurn, b.firing]);

const paths = databases.eachSupportedId().flatMap(([id]) => [
  [id, 'raw events'],
  [id, 'rollups'],
]) as Array<[TestDatabaseId, 'raw events' | 'rollups']>;

describe.each(paths)(
  'worked examples on %s, counting %s',
  (databaseId, path) => {
    async function evaluate(
      rows: EventRow[],
      definition: SloDefinition,
      now: Date,
    ) {
      const knex = await databases.init(databaseId);
      await migrateClient(knex);
      // The built-in source, registered as the backend registers it.
      const registry = new SliSourceRegistry();
      const counts = new EventCountStore(knex);
      if (path === 'raw events') {
        await new EventStore(knex).insert(rows);
        registry.add(new EventSliSource(counts, { minResponses: 3 }));
        return evaluateSlo(
          measured => counterFor(measured, registry),
          ref,
          definition,
          now,
        );
      }
      const rollups = new SliRollupStore(knex);
      const events = new EventStore(knex, rollups);
      const builtIn = new EventSliSource(counts, { minResponses: 3, rollups });
      registry.add(builtIn);
      const half = Math.floor(rows.length / 2);
      await events.insert(rows.slice(0, half));
      for (const measured of measuredObjectives(definition)) {
        const resolved = resolveSli(measured, registry);
        if (typeof resolved === 'string') throw new Error(resolved);
        await builtIn.keepRollup(ref, resolved.sli);
      }
      await events.insert(rows.slice(half));
      return evaluateSlo(
        measured => counterFor(measured, registry),
        ref,
        definition,
        now,
      );
    }

    describe('Timeslices, 28-day rolling window of 1-minute slices, 99.9%', () => {
      const now = new Date('2026-11-25T12:00:00Z');
      const minute = (ago: number) =>
        // The middle of the minute `ago` minutes before now.
        new Date(now.getTime() - (ago - 0.5) * MINUTE);
      const timeslicesSlo = slo({
        budgetingMethod: 'Timeslices',
        objectives: [
          { target: 0.999, timeSliceTarget: 0.9, timeSliceWindow: minutely },
        ],
      });

      it('does not page on a minute whose events are mostly good: the slice is good, the burn is 0', async () => {
        // One minute, 20 deployments, 1 failed: the slice's ratio is
        // 19/20 = 0.95 ≥ 0.9, a good slice. Per event it would have been
        // (1/20) / 0.001 = 50×, a page.
        const rows = [
          deployment(minute(2), false),
          ...Array.from({ length: 19 }, () => deployment(minute(2))),
        ];
        const result = await evaluate(rows, timeslicesSlo, now);
        // 40 320 slices (28 × 1440), none bad.
        expect(result.counted).toEqual({
          unit: 'slices',
          bad: 0,
          total: 40_320,
          allowed: expect.closeTo(40.32, 9),
        });
        expect(result.sli).toBe(1);
        expect(result.remaining).toBe(1);
        expect(burns(result)).toEqual([
          [0, 0, false],
          [0, 0, false],
          [0, 0, false],
        ]);
        expect(result.status).toBe('met');
      });

      it('pages on thirty bad minutes in an hour, however many good events that hour had', async () => {
        // Minutes 1–30 ago: one failed deployment each (ratio 0 < 0.9: bad).
        // 45 minutes ago: 3000 good deployments in one (good) slice. Per
        // event the last hour burns (30 / 3030) / 0.001 = 9.9×: no page.
        const rows = [
          ...Array.from({ length: 30 }, (_, i) =>
            deployment(minute(i + 1), false),
          ),
          ...Array.from({ length: 3000 }, () => deployment(minute(45))),
        ];
        const result = await evaluate(rows, timeslicesSlo, now);
        // SLI = 1 − 30 / 40 320; allowed = 0.001 × 40 320 = 40.32;
        // remaining = 1 − 30 / 40.32.
        expect(result.sli).toBeCloseTo(1 - 30 / 40_320, 12);
        expect(result.remaining).toBeCloseTo(1 - 30 / 40.32, 9);
        // Windows scale by 28/30: 56 min / 4.67 min (5 slices);
        // 336 min / 28 min; 4032 min / 336 min. Burn = bad / (0.001 × n).
        expect(burns(result)).toEqual([
          [expect.closeTo(30 / 0.056, 6), expect.closeTo(5 / 0.005, 6), true],
          [expect.closeTo(30 / 0.336, 6), expect.closeTo(28 / 0.028, 6), true],
          [expect.closeTo(30 / 4.032, 6), expect.closeTo(30 / 0.336, 6), true],
        ]);
        // 0.999256 ≥ 0.999: the objective is met, but burning fast.
        expect(result.status).toBe('at-risk');
      });

      it('counts a 99.99% target in slices: 2 bad minutes of 4.032 allowed', async () => {
        const rows = [
          deployment(minute(100), false),
          deployment(minute(5000), false),
        ];
        const result = await evaluate(
          rows,
          slo({
            budgetingMethod: 'Timeslices',
            objectives: [
              {
                target: 0.9999,
                timeSliceTarget: 0.9,
                timeSliceWindow: minutely,
              },
            ],
          }),
          now,
        );
        // allowed = 0.0001 × 40 320 = 4.032; remaining = 1 − 2 / 4.032
        expect(result.counted?.allowed).toBeCloseTo(4.032, 9);
        expect(result.remaining).toBeCloseTo(1 - 2 / 4.032, 9);
        expect(result.sli).toBeCloseTo(1 - 2 / 40_320, 12);
        // The minute 100 ago is inside the ticket rule's 4032 and 336
        // minutes: 1 / (0.0001 × 4032) = 2.48× and 1 / (0.0001 × 336) =
        // 29.8×, both above 1×: met, but at risk.
        expect(result.burnRates[2]).toMatchObject({
          longBurn: expect.closeTo(1 / 0.4032, 9),
          shortBurn: expect.closeTo(1 / 0.0336, 9),
          firing: true,
        });
        expect(result.status).toBe('at-risk');
      });
    });

    describe('a calendar window in progress', () => {
      // A UTC calendar day of hourly slices at noon: 12 of 24 slices elapsed.
      const now = new Date('2026-06-10T12:00:00Z');
      const day = slo({
        budgetingMethod: 'Timeslices',
        window: {
          duration: { amount: 1, unit: 'd' },
          isRolling: false,
          calendar: { startTime: '2026-01-01 00:00:00', timeZone: 'UTC' },
        },
        objectives: [
          { target: 0.9, timeSliceTarget: 1, timeSliceWindow: hourly },
        ],
      });

      it('measures the SLI over the elapsed slices and the budget over the whole day', async () => {
        const result = await evaluate(
          [deployment(new Date('2026-06-10T03:30:00Z'), false)],
          day,
          now,
        );
        expect(result.window).toEqual({
          from: '2026-06-10T00:00:00.000Z',
          to: '2026-06-11T00:00:00.000Z',
        });
        // SLI = 1 − 1/12 (not 1 − 1/24: the afternoon has not happened);
        // allowed = 0.1 × 24 = 2.4; remaining = 1 − 1/2.4.
        expect(result.sli).toBeCloseTo(1 - 1 / 12, 12);
        expect(result.counted).toEqual({
          unit: 'slices',
          bad: 1,
          total: 12,
          allowed: expect.closeTo(2.4, 9),
        });
        expect(result.remaining).toBeCloseTo(1 - 1 / 2.4, 9);
        expect(result.status).toBe('met');
      });

      it('is breached once the elapsed part is below the objective, with budget still left for the day', async () => {
        const result = await evaluate(
          [
            deployment(new Date('2026-06-10T03:30:00Z'), false),
            deployment(new Date('2026-06-10T11:30:00Z'), false),
          ],
          day,
          now,
        );
        // SLI = 1 − 2/12 = 0.8333 < 0.9; remaining = 1 − 2/2.4 = 1/6.
        expect(result.sli).toBeCloseTo(1 - 2 / 12, 12);
        expect(result.remaining).toBeCloseTo(1 / 6, 9);
        expect(result.status).toBe('breached');
      });

      it('counts a Europe/Berlin day of 23 hourly slices on the day clocks go forward', async () => {
        const berlin = slo({
          ...day,
          window: {
            duration: { amount: 1, unit: 'd' },
            isRolling: false,
            calendar: {
              startTime: '2026-01-01 00:00:00',
              timeZone: 'Europe/Berlin',
            },
          },
        });
        // 29 March 2026 in Berlin: 23:00 UTC on the 28th to 22:00 UTC on the
        // 29th, 23 hours. One bad hour; at 21:30 UTC 23 slices have begun.
        const result = await evaluate(
          [
            deployment(new Date('2026-03-29T05:30:00Z'), false),
            // 22:30 UTC on the 28th is the Berlin day before: not counted.
            deployment(new Date('2026-03-28T22:30:00Z'), false),
          ],
          berlin,
          new Date('2026-03-29T21:30:00Z'),
        );
        expect(result.window).toEqual({
          from: '2026-03-28T23:00:00.000Z',
          to: '2026-03-29T22:00:00.000Z',
        });
        // allowed = 0.1 × 23 = 2.3; SLI = 1 − 1/23; remaining = 1 − 1/2.3.
        expect(result.counted).toEqual({
          unit: 'slices',
          bad: 1,
          total: 23,
          allowed: expect.closeTo(2.3, 9),
        });
        expect(result.sli).toBeCloseTo(1 - 1 / 23, 12);
        expect(result.remaining).toBeCloseTo(1 - 1 / 2.3, 9);
      });

      it('puts events on the right side of an America/New_York month boundary', async () => {
        const month = slo({
          window: {
            duration: { amount: 1, unit: 'M' },
            isRolling: false,
            calendar: {
              startTime: '2026-01-01 00:00:00',
              timeZone: 'America/New_York',
            },
          },
        });
        const result = await evaluate(
          [
            // 23:30 EST on 28 February: February's.
            deployment(new Date('2026-03-01T04:30:00Z'), false),
            // 00:30 EST on 1 March: March's.
            deployment(new Date('2026-03-01T05:30:00Z'), true),
          ],
          month,
          new Date('2026-03-20T00:00:00Z'),
        );
        expect(result.window.from).toBe('2026-03-01T05:00:00.000Z');
        expect(result.total).toBe(1);
        expect(result.sli).toBe(1);
      });
    });

    it('counts Occurrences in a calendar month: met with 70% of the budget left, but every rule fires', async () => {
      const now = new Date('2026-06-16T00:00:00Z');
      const ago = (ms: number) => new Date(now.getTime() - ms);
      const rows = [
        // Old and good: 1000 deployments on 2 June.
        ...Array.from({ length: 1000 }, () =>
          deployment(new Date('2026-06-02T12:00:00Z')),
        ),
        // Before the month: not counted.
        deployment(new Date('2026-05-31T12:00:00Z'), false),
        deployment(ago(48 * HOUR), false),
        deployment(ago(4 * HOUR), true),
        deployment(ago(4 * HOUR), false),
        deployment(ago(3 * MINUTE), true),
        deployment(ago(3 * MINUTE), false),
      ];
      const result = await evaluate(
        rows,
        slo({
          window: {
            duration: { amount: 1, unit: 'M' },
            isRolling: false,
            calendar: { startTime: '2026-01-01 00:00:00', timeZone: 'UTC' },
          },
        }),
        now,
      );
      expect(result.window).toEqual({
        from: '2026-06-01T00:00:00.000Z',
        to: '2026-07-01T00:00:00.000Z',
      });
      // 1005 events, 3 bad: SLI 1002/1005; allowed 0.01 × 1005 = 10.05;
      // remaining 1 − 3/10.05.
      expect(result.counted).toEqual({
        unit: 'events',
        bad: 3,
        total: 1005,
        allowed: expect.closeTo(10.05, 9),
      });
      expect(result.sli).toBeCloseTo(1002 / 1005, 12);
      expect(result.remaining).toBeCloseTo(1 - 3 / 10.05, 9);
      // June has 30 days: the rules at their 30-day lengths. Burn =
      // (bad / total) / 0.01 in each window:
      //   1 h and 5 min: 1 of 2 → 50;  6 h: 2 of 4 → 50, 30 min: 1 of 2 → 50;
      //   3 d: 3 of 5 → 60, 6 h: 2 of 4 → 50.
      expect(burns(result)).toEqual([
        [expect.closeTo(50, 9), expect.closeTo(50, 9), true],
        [expect.closeTo(50, 9), expect.closeTo(50, 9), true],
        [expect.closeTo(60, 9), expect.closeTo(50, 9), true],
      ]);
      expect(result.status).toBe('at-risk');
    });

    it('averages RatioTimeslices over the elapsed slices of a calendar day', async () => {
      const at = (time: string) => new Date(`2026-06-10T${time}Z`);
      const result = await evaluate(
        [
          // 02:00–03:00: 1 of 2; 05:00–06:00: 1 of 1; 11:00–12:00: 2 of 4.
          deployment(at('02:10:00'), true),
          deployment(at('02:20:00'), false),
          deployment(at('05:30:00'), true),
          deployment(at('11:05:00'), true),
          deployment(at('11:15:00'), true),
          deployment(at('11:25:00'), false),
          deployment(at('11:35:00'), false),
        ],
        slo({
          budgetingMethod: 'RatioTimeslices',
          window: {
            duration: { amount: 1, unit: 'd' },
            isRolling: false,
            calendar: { startTime: '2026-01-01 00:00:00', timeZone: 'UTC' },
          },
          objectives: [{ target: 0.8, timeSliceWindow: hourly }],
        }),
        at('12:00:00'),
      );
      // SLI (0.5 + 1 + 0.5) / 3 = 2/3 < 0.8: breached; remaining
      // 1 − (1/3) / 0.2 = −2/3; shortfalls 0.5 + 0 + 0.5 = 1 of 0.2 × 3 = 0.6.
      expect(result.sli).toBeCloseTo(2 / 3, 12);
      expect(result.remaining).toBeCloseTo(-2 / 3, 9);
      expect(result.counted).toEqual({
        unit: 'slices',
        bad: 1,
        total: 3,
        allowed: expect.closeTo(0.6, 9),
      });
      // A day scales the rules by 1/30: every window reaches back into the
      // slice 11:00–12:00 only (the ticket rule's 2.4 h covers 09:00–12:00,
      // where only that slice has data): (1 − 0.5) / 0.2 = 2.5 each; only
      // the 1× rule fires.
      expect(burns(result)).toEqual([
        [expect.closeTo(2.5, 9), expect.closeTo(2.5, 9), false],
        [expect.closeTo(2.5, 9), expect.closeTo(2.5, 9), false],
        [expect.closeTo(2.5, 9), expect.closeTo(2.5, 9), true],
      ]);
      expect(result.status).toBe('breached');
    });

    it('burns RatioTimeslices per slice: (1 − mean slice ratio of the window) / budget', async () => {
      const now = new Date('2026-11-25T12:00:00Z');
      const result = await evaluate(
        [
          // Slice [10:00, 11:00): 1 of 2 good, ratio 0.5.
          deployment(new Date('2026-11-25T10:54:00Z'), true),
          deployment(new Date('2026-11-25T10:48:00Z'), false),
          // 30 hours ago: ratio 1.
          deployment(new Date('2026-11-24T06:00:00Z'), true),
        ],
        slo({
          budgetingMethod: 'RatioTimeslices',
          window: { duration: { amount: 2, unit: 'd' }, isRolling: true },
          objectives: [{ target: 0.5, timeSliceWindow: hourly }],
        }),
        now,
      );
      // SLI = (0.5 + 1) / 2 = 0.75; remaining = 1 − 0.25 / 0.5 = 0.5.
      expect(result.sli).toBeCloseTo(0.75, 12);
      expect(result.remaining).toBeCloseTo(0.5, 9);
      // Windows scale by 2/30: the ticket rule's 72 h is 4.8 h, 5 slices
      // [07:00, 12:00) holding only the 0.5 slice: (1 − 0.5) / 0.5 = 1. The
      // page rule's 1 h is 4 min, the single slice [11:00, 12:00): no data.
      expect(result.burnRates[2].longBurn).toBeCloseTo(1, 9);
      expect(result.burnRates[0].longBurn).toBeNull();
    });

    describe('several objectives', () => {
      const now = new Date('2026-11-25T12:00:00Z');
      // 20 deployments in the window: 2 failed; 1 took 2 days from commit.
      const rows = () =>
        Array.from({ length: 20 }, (_, i) =>
          deployment(
            new Date(now.getTime() - (i + 1) * 5 * HOUR),
            i >= 2,
            i === 5 ? 48 : 1,
          ),
        );

      it('evaluates each objective with its displayName; the SLO shows the worst', async () => {
        const result = await evaluate(
          rows(),
          slo({
            objectives: [
              { displayName: 'Internal objective', target: 0.95 },
              { displayName: 'SLA', target: 0.9 },
            ],
          }),
          now,
        );
        // 18 of 20 good = 0.9. Internal (0.95): breached, remaining
        // 1 − 2 / (0.05 × 20) = −1. SLA (0.9): met exactly, remaining 0, and
        // its ticket rule fires: of the 13 deployments in 67.2 h, 2 failed,
        // (2/13) / 0.1 = 1.54×; in the last 5.6 h the one failed, 10×.
        expect(
          result.objectives?.map(o => [o.displayName, o.status, o.remaining]),
        ).toEqual([
          ['Internal objective', 'breached', expect.closeTo(-1, 9)],
          ['SLA', 'at-risk', expect.closeTo(0, 9)],
        ]);
        expect(result.objectives?.[1].burnRates[2]).toMatchObject({
          longBurn: expect.closeTo(2 / 13 / 0.1, 9),
          shortBurn: expect.closeTo(10, 9),
        });
        expect(result.objectives?.[1].budgetUsedUp).toBe(true);
        expect(result.status).toBe('breached');
        expect(result.sli).toBeCloseTo(0.9, 12);
      });

      it('combines a composite SLO by its weights', async () => {
        const result = await evaluate(
          rows(),
          slo({
            indicator: undefined,
            objectives: [
              {
                displayName: 'Lead time within a day',
                target: 0.9,
                op: 'lte',
                value: 86_400,
                indicator: leadWithinDay,
                compositeWeight: 3,
              },
              {
                displayName: 'Deployments succeed',
                target: 0.95,
                indicator: successRatio,
                compositeWeight: 1,
              },
            ],
          }),
          now,
        );
        // Lead: 19/20 = 0.95, remaining 1 − 1 / (0.1 × 20) = 0.5.
        // Success: 18/20 = 0.9, remaining 1 − 2 / (0.05 × 20) = −1.
        // Lead's ticket rule: 1 slow of 13 in 67.2 h, (1/13) / 0.1 = 0.77×.
        expect(result.objectives?.map(o => [o.sli, o.status])).toEqual([
          [expect.closeTo(0.95, 12), 'met'],
          [expect.closeTo(0.9, 12), 'breached'],
        ]);
        // Composite: remaining (3 × 0.5 + 1 × −1) / 4 = 0.125;
        // SLI (3 × 0.95 + 0.9) / 4 = 0.9375 against (3 × 0.9 + 0.95) / 4 = 0.9125.
        expect(result.remaining).toBeCloseTo(0.125, 9);
        expect(result.sli).toBeCloseTo(0.9375, 12);
        // Ticket rule, weighted: long (3 × 1/1.3 + 1 × (2/13) / 0.05) / 4;
        // short (3 × 0 + 1 × 1 / 0.05) / 4 = 5×. Both above 1×: at risk.
        expect(result.burnRates[2]).toMatchObject({
          longBurn: expect.closeTo((3 / 1.3 + 2 / 13 / 0.05) / 4, 9),
          shortBurn: expect.closeTo(5, 9),
          firing: true,
        });
        expect(result.status).toBe('at-risk');
      });
    });
  },
);

describe('Timeslices through a module source', () => {
  it('gets the same slice math as the built-in source: the source counts slices, the backend judges them', async () => {
    const registry = new SliSourceRegistry();
    const now = new Date('2026-11-25T12:00:00Z');
    registry.add({
      type: 'prometheus',
      count: async () => ({ good: 0, total: 0 }),
      // Two bad hours of a 1-day rolling window, the last one just now.
      countSlices: async ({ from, sliceMs }) => [
        { start: new Date(from.getTime() + 5 * sliceMs), good: 1, total: 4 },
        { start: new Date(from.getTime() + 23 * sliceMs), good: 0, total: 2 },
        { start: new Date(from.getTime() + 10 * sliceMs), good: 9, total: 9 },
      ],
    });
    const result = await evaluateSlo(
      measured => counterFor(measured, registry),
      ref,
      slo({
        budgetingMethod: 'Timeslices',
        window: { duration: { amount: 1, unit: 'd' }, isRolling: true },
        objectives: [
          { target: 0.9, timeSliceTarget: 0.5, timeSliceWindow: hourly },
        ],
        indicator: {
          name: 'availability',
          ratio: {
            good: { type: 'prometheus', spec: { query: 'good' } },
            total: { type: 'prometheus', spec: { query: 'total' } },
          },
        },
      }),
      now,
    );
    // 24 slices, 2 bad (1/4 and 0/2 below 0.5): SLI 22/24; allowed 2.4;
    // remaining 1 − 2/2.4.
    expect(result.sli).toBeCloseTo(22 / 24, 12);
    expect(result.remaining).toBeCloseTo(1 - 2 / 2.4, 9);
    // Ticket rule: 72 h × 1/30 = 2.4 h → 3 slices, 1 bad: 1 / (0.1 × 3).
    expect(result.burnRates[2].longBurn).toBeCloseTo(1 / 0.3, 9);
  });
});
