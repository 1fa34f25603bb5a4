import { EventCountStore } from '../database/EventCountStore';
import { TestDatabases } from '@backstage/backend-test-utils';
import {
  SloDefinition,
  SloEvaluation,
  measuredObjectives,
} from '@system-product/backstage-plugin-common';
import {
  SliProblemQuery,
  SliRangesQuery,
  SliSource,
} from '@system-product/backstage-plugin-node';
import { Knex } from 'knex';
import { testDatabaseIds } from '@internal/system-product-test-utils';
import { EventRow, EventStore } from '../database/EventStore';
import { migrateClient } from '../database/migrations';
import { SurveyStore } from '../database/SurveyStore';
import { toEventRow } from '../services/EventService';
import { EventSliSource } from './EventSliSource';
import { SliSourceRegistry } from './SliSourceRegistry';
import { counterFor, problemOf as problemOfObjective } from './counterFor';
import { evaluateSlo as evaluateWith } from './evaluateSlo';

jest.setTimeout(60_000);

/** A registry holding `sources`, as the plugin's holds the built-in one and modules'. */
const registryOf = (...sources: SliSource[]) => {
  const registry = new SliSourceRegistry();
  registry.add(...sources);
  return registry;
};

/** Evaluates with the built-in source, registered as the backend registers it. */
const evaluateSlo = (
  source: EventSliSource,
  entityRef: string,
  slo: SloDefinition,
  at: Date,
): Promise<SloEvaluation> => {
  const registry = registryOf(source);
  return evaluateWith(
    measured => counterFor(measured, registry),
    entityRef,
    slo,
    at,
  );
};

const databases = TestDatabases.create({ ids: testDatabaseIds() });
const ref = 'system:default/ci-cd-pipeline';
const now = new Date('2026-11-25T12:00:00Z');
const HOUR = 3_600_000;

const source = (event: string, measure: string, filter?: object) => ({
  type: 'system-product',
  spec: { event, measure, ...(filter ? { filter } : {}) },
});

const leadTime: SloDefinition = {
  name: 'lead-time',
  displayName: 'Lead time',
  description: '',
  service: 'ci-cd-pipeline',
  budgetingMethod: 'Occurrences',
  window: { duration: { amount: 28, unit: 'd' }, isRolling: true },
  objectives: [{ target: 0.9, op: 'lte', value: 86_400 }],
  indicator: {
    name: 'lead',
    threshold: source('deployment', 'lead-time-seconds', {
      environment: 'production',
    }),
  },
};
const success: SloDefinition = {
  ...leadTime,
  name: 'success',
  objectives: [{ target: 0.99 }],
  indicator: {
    name: 'success',
    ratio: {
      good: source('deployment', 'deployment-success'),
      total: source('deployment', 'count'),
    },
  },
};

/** An open platform-pulse round of the entity with one answer per CSAT value. */
async function answerCsat(knex: Knex, values: number[]) {
  const surveys = new SurveyStore(knex);
  const template = (await surveys.getTemplate('platform-pulse'))!;
  const round = await surveys.createRound({
    entityRef: ref,
    template,
    title: 'pulse',
    opensAt: new Date(now.getTime() - 24 * HOUR),
    closesAt: new Date(now.getTime() + 24 * HOUR),
    targetGroups: [],
    createdBy: 'user:default/ada',
  });
  for (const [i, csat] of values.entries()) {
    await surveys.answer({
      roundId: round.id,
      respondentKey: `k${i}`,
      answer: { scored: { csat }, text: {} },
    });
  }
}

/** An SLO that 80% of CSAT answers are 4 or 5, optionally of one survey template. */
const csatSlo = (survey?: string): SloDefinition => ({
  ...leadTime,
  objectives: [{ target: 0.8, op: 'gte', value: 4 }],
  indicator: {
    name: 'csat',
    threshold: source('survey', 'csat', survey ? { survey } : undefined),
  },
});

function deployment(
  i: number,
  hoursAgo: number,
  leadHours: number,
  succeeded = true,
  environment = 'production',
) {
  const deployTime = new Date(now.getTime() - hoursAgo * HOUR);
  return toEventRow(
    {
      id: `d-${i}`,
      entityRef: ref,
      type: 'deployment',
      commitSha: 'abc',
      commitTime: new Date(
        deployTime.getTime() - leadHours * HOUR,
      ).toISOString(),
      deployTime: deployTime.toISOString(),
      environment,
      succeeded,
    },
    now,
  ) as EventRow;
}

describe.each(databases.eachSupportedId())('evaluateSlo on %s', databaseId => {
  async function setup(rows: EventRow[]) {
    const knex = await databases.init(databaseId);
    await migrateClient(knex);
    await new EventStore(knex).insert(rows);
    return {
      knex,
      source: new EventSliSource(new EventCountStore(knex), {
        minResponses: 3,
      }),
    };
  }

  it('counts threshold occurrences in SQL over the window and the filter', async () => {
    const { source: s } = await setup([
      ...Array.from({ length: 18 }, (_, i) => deployment(i, 48 + i, 5)), // fast
      deployment(100, 50, 30), // slow
      deployment(101, 60, 40), // slow
      deployment(102, 50, 40, true, 'staging'), // other environment
      deployment(103, 24 * 40, 40), // before the window
    ]);
    const result = await evaluateSlo(s, ref, leadTime, now);
    // 18 of 20 within a day: SLI 0.9, exactly at the objective: met, the
    // 10% budget (2 of 20) used up.
    expect(result.total).toBe(20);
    expect(result.sli).toBeCloseTo(0.9);
    expect(result.remaining).toBeCloseTo(0);
    expect(result.counted).toEqual({
      unit: 'events',
      bad: 2,
      total: 20,
      allowed: expect.closeTo(2, 9),
    });
    expect(result.status).toBe('met');
    expect(result.budgetUsedUp).toBe(true);
  });

  it('computes a success ratio, burn rates per alert window and the status', async () => {
    const rows = Array.from({ length: 200 }, (_, i) =>
      deployment(i, 10 + i, 1, i !== 0),
    );
    // Three failures in the last hour: a fast burn in both page windows.
    rows.push(
      deployment(900, 0.5, 1, false),
      deployment(901, 0.05, 1, false),
      deployment(902, 0.02, 1, true),
    );
    const { source: s } = await setup(rows);
    const result = await evaluateSlo(s, ref, success, now);
    expect(result.total).toBe(203);
    expect(result.sli).toBeCloseTo(200 / 203);
    const fast = result.burnRates[0];
    // The windows scale with the 28-day period: the "1 hour" window is 56 minutes.
    expect(fast.longWindowMs).toBe(Math.round((HOUR * 28) / 30));
    // last hour: 3 deployments, 2 failed: error ratio 2/3 against a 1% budget
    expect(fast.longBurn).toBeCloseTo(2 / 3 / 0.01);
    expect(fast.firing).toBe(true);
    // 200 of 203 good is below 99%: breached (and burning fast).
    expect(result.status).toBe('breached');
  });

  it('evaluates Timeslices and RatioTimeslices from per-slice counts', async () => {
    const rows = [
      deployment(1, 1.1, 1, true), // 10:54
      deployment(2, 1.2, 1, false), // 10:48, the same hourly slice: 1 of 2 good
      deployment(3, 30, 1, true),
    ];
    const { source: s } = await setup(rows);
    const hourly = { amount: 1, unit: 'h' as const };
    const sliced = await evaluateSlo(
      s,
      ref,
      {
        ...success,
        budgetingMethod: 'Timeslices',
        window: { duration: { amount: 2, unit: 'd' }, isRolling: true },
        objectives: [
          { target: 0.99, timeSliceTarget: 0.9, timeSliceWindow: hourly },
        ],
      },
      now,
    );
    // 48 hourly slices, one bad: 47/48; the budget allows 0.48 bad slices
    expect(sliced.sli).toBeCloseTo(47 / 48);
    expect(sliced.remaining).toBeCloseTo(1 - 1 / 0.48);
    const ratio = await evaluateSlo(
      s,
      ref,
      {
        ...success,
        budgetingMethod: 'RatioTimeslices',
        window: { duration: { amount: 2, unit: 'd' }, isRolling: true },
        objectives: [{ target: 0.5, timeSliceWindow: hourly }],
      },
      now,
    );
    // slices with data: 0.5 and 1, mean 0.75
    expect(ratio.sli).toBeCloseTo(0.75);
  });

  it('measures satisfaction from the kept survey counts', async () => {
    const { knex, source: s } = await setup([]);
    await answerCsat(knex, [5, 4, 2, 4]);
    const result = await evaluateSlo(s, ref, csatSlo(), now);
    expect(result.total).toBe(4);
    expect(result.sli).toBeCloseTo(0.75);
  });

  it('counts only the builds of the pipeline and the answers of the survey its filter names', async () => {
    const build = (i: number, pipeline: string | undefined, seconds: number) =>
      toEventRow(
        {
          id: `b-${i}`,
          entityRef: ref,
          type: 'build',
          finished: new Date(now.getTime() - (i + 1) * HOUR).toISOString(),
          durationSeconds: seconds,
          succeeded: true,
          ...(pipeline ? { pipeline } : {}),
        } as any,
        now,
      ) as EventRow;
    const { knex, source: s } = await setup([
      build(1, 'docs', 100),
      build(2, 'docs', 900),
      build(3, 'app', 100),
      build(4, undefined, 100),
    ]);
    const fast: SloDefinition = {
      ...leadTime,
      objectives: [{ target: 0.9, op: 'lte', value: 600 }],
      indicator: {
        name: 'docs-build',
        threshold: source('build', 'build-duration-seconds', {
          pipeline: 'docs',
        }),
      },
    };
    const docs = await evaluateSlo(s, ref, fast, now);
    expect(docs.total).toBe(2);
    expect(docs.sli).toBeCloseTo(0.5);

    await answerCsat(knex, [5, 5, 5]);
    const csat = (survey: string) => evaluateSlo(s, ref, csatSlo(survey), now);
    expect((await csat('platform-pulse')).total).toBe(3);
    expect((await csat('another-template')).total).toBe(0);
  });

  it('shows no satisfaction SLI from fewer than k answers', async () => {
    const { knex, source: s } = await setup([]);
    await answerCsat(knex, [5, 2]);
    const result = await evaluateSlo(s, ref, csatSlo(), now);
    expect(result).toMatchObject({
      status: 'no-data',
      sli: null,
      remaining: null,
      reason:
        'fewer than 3 survey answers in this range; survey figures show from 3 answers',
    });
  });

  it('says why an SLI cannot be measured, and calls no traffic no data', async () => {
    const { source: s } = await setup([]);
    const unsupported = await evaluateSlo(
      s,
      ref,
      {
        ...leadTime,
        indicator: {
          name: 'x',
          threshold: source('ticket', 'first-response-seconds', {
            pipeline: 'docs',
          }),
        },
      },
      now,
    );
    expect(unsupported.status).toBe('no-data');
    expect(unsupported.reason).toBe(
      'filter pipeline is not supported for ticket events (supported: none)',
    );
    const empty = await evaluateSlo(s, ref, leadTime, now);
    expect(empty).toMatchObject({
      status: 'no-data',
      sli: null,
      remaining: null,
      total: 0,
    });
    expect(JSON.stringify(empty)).not.toMatch(/NaN|Infinity/);
  });
});

describe("the built-in source, an SLI source like a module's", () => {
  // Nothing here is counted: an event store that is never asked.
  const builtIn = new EventSliSource({} as EventCountStore, {
    minResponses: 3,
  });
  const registry = registryOf(builtIn);
  const evaluate = (slo: SloDefinition) =>
    evaluateWith(measured => counterFor(measured, registry), ref, slo, now);

  it('says from the specs it is handed why an SLI cannot be measured, before counting', async () => {
    const raw: SloDefinition = {
      ...success,
      indicator: {
        name: 'raw',
        ratio: { raw: source('deployment', 'count'), rawType: 'success' },
      },
    };
    const noOp: SloDefinition = {
      ...leadTime,
      objectives: [{ target: 0.9 }],
    };
    const csatSlices: SloDefinition = {
      ...csatSlo(),
      budgetingMethod: 'Timeslices',
      objectives: [
        {
          target: 0.8,
          op: 'gte',
          value: 4,
          timeSliceTarget: 0.9,
          timeSliceWindow: { amount: 1, unit: 'd' },
        },
      ],
    };
    const cases: Array<[SloDefinition, string]> = [
      [
        raw,
        'system-product events are counted, not reported as a ratio: use good or bad over total instead of raw',
      ],
      [noOp, 'a threshold metric needs op and value'],
      [csatSlices, 'survey measures have no time slices; use Occurrences'],
    ];
    for (const [slo, reason] of cases) {
      expect(problemOfObjective(measuredObjectives(slo)[0], registry)).toBe(
        reason,
      );
      await expect(evaluate(slo)).resolves.toMatchObject({
        status: 'no-data',
        reason,
      });
    }
    expect(
      problemOfObjective(measuredObjectives(leadTime)[0], registry),
    ).toBeUndefined();
  });

  it('is the one source of type system-product: another is refused', () => {
    expect(builtIn.type).toBe('system-product');
    expect(() =>
      registry.add({ type: 'system-product', count: jest.fn() }),
    ).toThrow(
      "An SLI source for metric source type 'system-product' is already registered",
    );
  });
});

describe('SLI sources added by modules', () => {
  const prometheus: SloDefinition = {
    ...leadTime,
    objectives: [{ target: 0.99 }],
    indicator: {
      name: 'availability',
      ratio: {
        good: { type: 'prometheus', spec: { query: 'up' } },
        total: { type: 'prometheus', spec: { query: 'count(up)' } },
      },
    },
  };

  it('evaluates an SLO through the source registered for its metric source type', async () => {
    const registry = new SliSourceRegistry();
    const count = jest.fn(async () => ({ good: 995, total: 1000 }));
    registry.add({ type: 'prometheus', count });
    const result = await evaluateWith(
      measured => counterFor(measured, registry),
      ref,
      prometheus,
      now,
    );
    expect(result.sli).toBeCloseTo(0.995);
    expect(result.remaining).toBeCloseTo(0.5);
    // The source sees every part of the ratio, not only its total.
    expect(count).toHaveBeenCalledWith(
      expect.objectContaining({
        entityRef: ref,
        spec: { query: 'count(up)' },
        ratio: {
          good: { query: 'up' },
          bad: undefined,
          total: { query: 'count(up)' },
        },
      }),
    );
  });

  it("hands a threshold metric's source the objective's op and value", async () => {
    const registry = new SliSourceRegistry();
    const count = jest.fn(async () => ({ good: 9, total: 10 }));
    registry.add({ type: 'prometheus', count });
    const latency: SloDefinition = {
      ...leadTime,
      objectives: [{ target: 0.9, op: 'lte', value: 0.5 }],
      indicator: {
        name: 'latency',
        threshold: { type: 'prometheus', spec: { query: 'latency' } },
      },
    };
    const result = await evaluateWith(
      measured => counterFor(measured, registry),
      ref,
      latency,
      now,
    );
    expect(result).toMatchObject({ sli: 0.9, total: 10 });
    expect(count).toHaveBeenCalledWith(
      expect.objectContaining({
        spec: { query: 'latency' },
        threshold: { op: 'lte', value: 0.5 },
      }),
    );
    // A ratio metric's objective compares nothing: no threshold is passed.
    await evaluateWith(
      measured => counterFor(measured, registry),
      ref,
      prometheus,
      now,
    );
    expect(count).toHaveBeenLastCalledWith(
      expect.not.objectContaining({ threshold: expect.anything() }),
    );
  });

  it('shows what a source throws as the reason, for every budgeting method', async () => {
    const registry = new SliSourceRegistry();
    registry.add({
      type: 'prometheus',
      count: async () => {
        throw new Error('Prometheus main is unreachable: ECONNREFUSED');
      },
      countSlices: () => {
        throw new Error('Prometheus main answered bad_data: parse error');
      },
    });
    const evaluate = (slo: SloDefinition) =>
      evaluateWith(measured => counterFor(measured, registry), ref, slo, now);
    await expect(evaluate(prometheus)).resolves.toMatchObject({
      status: 'no-data',
      sli: null,
      remaining: null,
      total: 0,
      reason:
        'source unavailable: Prometheus main is unreachable: ECONNREFUSED',
    });
    for (const budgetingMethod of ['Timeslices', 'RatioTimeslices'] as const) {
      await expect(
        evaluate({
          ...prometheus,
          budgetingMethod,
          objectives: [
            {
              target: 0.99,
              timeSliceTarget: 0.9,
              timeSliceWindow: { amount: 5, unit: 'm' },
            },
          ],
        }),
      ).resolves.toMatchObject({
        status: 'no-data',
        sli: null,
        reason:
          'source unavailable: Prometheus main answered bad_data: parse error',
      });
    }
  });

  it('takes no counts that are not numbers, and keeps windows that failed out of the burn rates', async () => {
    const registry = new SliSourceRegistry();
    let calls = 0;
    registry.add({
      type: 'prometheus',
      // The SLO window is asked first; every alert window after it fails.
      count: async () => {
        calls += 1;
        if (calls === 1) return { good: 995, total: 1000 };
        throw new Error('timed out');
      },
    });
    const result = await evaluateWith(
      measured => counterFor(measured, registry),
      ref,
      prometheus,
      now,
    );
    expect(result.sli).toBeCloseTo(0.995);
    expect(result.burnRates.length).toBeGreaterThan(0);
    for (const burn of result.burnRates) {
      expect(burn).toMatchObject({ longBurn: null, shortBurn: null });
    }

    const nan = new SliSourceRegistry();
    nan.add({
      type: 'prometheus',
      count: async () => ({ good: NaN, total: 3 }),
    });
    const notANumber = await evaluateWith(
      measured => counterFor(measured, nan),
      ref,
      prometheus,
      now,
    );
    expect(notANumber).toMatchObject({
      status: 'no-data',
      reason:
        'the SLI source for prometheus returned counts that are not numbers',
    });
    expect(JSON.stringify(notANumber)).not.toMatch(/NaN|Infinity/);

    const nanSlices = new SliSourceRegistry();
    nanSlices.add({
      type: 'prometheus',
      count: async () => ({ good: 1, total: 1 }),
      countSlices: async ({ from }) => [
        { start: from, good: 1, total: 1 },
        { start: from, good: 1, total: Infinity },
      ],
    });
    const slices = await evaluateWith(
      measured => counterFor(measured, nanSlices),
      ref,
      {
        ...prometheus,
        budgetingMethod: 'RatioTimeslices',
        objectives: [
          { target: 0.99, timeSliceWindow: { amount: 5, unit: 'm' } },
        ],
      },
      now,
    );
    expect(slices).toMatchObject({
      status: 'no-data',
      reason:
        'the SLI source for prometheus returned slice counts that are not numbers',
    });
  });

  it('refuses a ratio whose parts come from different source types', () => {
    const registry = new SliSourceRegistry();
    registry.add({ type: 'prometheus', count: jest.fn() });
    const mixed: SloDefinition = {
      ...prometheus,
      indicator: {
        name: 'availability',
        ratio: {
          good: { type: 'datadog', spec: {} },
          total: { type: 'prometheus', spec: {} },
        },
      },
    };
    expect(counterFor(measuredObjectives(mixed)[0], registry)).toBe(
      'the parts of a ratio metric must come from one metric source type, not datadog, prometheus',
    );
  });

  it('counts every window of an objective in one countRanges call, with a reason per range', async () => {
    const count = jest.fn();
    // The SLO window, then the alert windows: the first cannot be counted.
    const answers = [{ good: 995, total: 1000 }, 'too few'];
    const countRanges = jest.fn(async ({ ranges }: SliRangesQuery) =>
      ranges.map((_, i) => answers[i] ?? { good: 10, total: 10 }),
    );
    const registry = registryOf({ type: 'prometheus', count, countRanges });
    const result = await evaluateWith(
      measured => counterFor(measured, registry),
      ref,
      prometheus,
      now,
    );
    expect(count).not.toHaveBeenCalled();
    expect(countRanges).toHaveBeenCalledTimes(1);
    const [query] = countRanges.mock.calls[0];
    expect(query).toMatchObject({
      entityRef: ref,
      spec: { query: 'count(up)' },
      ratio: { good: { query: 'up' }, total: { query: 'count(up)' } },
    });
    // The window and both windows of each of the three rules.
    expect(query.ranges).toHaveLength(7);
    expect(query.ranges[0]).toEqual({
      from: new Date(now.getTime() - 28 * 24 * HOUR),
      to: now,
    });
    expect(result.sli).toBeCloseTo(0.995);
    // The fast rule's long window had a reason, so no burn rate.
    expect(result.burnRates[0]).toMatchObject({ longBurn: null, shortBurn: 0 });

    const short = registryOf({
      type: 'prometheus',
      count,
      countRanges: async () => [{ good: 1, total: 1 }],
    });
    await expect(
      evaluateWith(
        measured => counterFor(measured, short),
        ref,
        prometheus,
        now,
      ),
    ).resolves.toMatchObject({
      status: 'no-data',
      reason: 'the SLI source for prometheus returned 1 counts for 7 ranges',
    });
  });

  it("gives the reason a source's problemOf finds, before anything is counted", async () => {
    const count = jest.fn(async () => ({ good: 1, total: 1 }));
    const countSlices = jest.fn(async () => []);
    const problemOf = jest.fn((query: SliProblemQuery) =>
      query.budgetingMethod === 'Occurrences'
        ? undefined
        : 'this source counts no slices of a ratio',
    );
    const registry = registryOf({
      type: 'prometheus',
      count,
      countSlices,
      problemOf,
    });
    const timeslices: SloDefinition = {
      ...prometheus,
      budgetingMethod: 'Timeslices',
      objectives: [
        {
          target: 0.99,
          timeSliceTarget: 0.9,
          timeSliceWindow: { amount: 5, unit: 'm' },
        },
      ],
    };
    await expect(
      evaluateWith(
        measured => counterFor(measured, registry),
        ref,
        timeslices,
        now,
      ),
    ).resolves.toMatchObject({
      status: 'no-data',
      reason: 'this source counts no slices of a ratio',
    });
    expect(countSlices).not.toHaveBeenCalled();
    expect(problemOf).toHaveBeenCalledWith({
      spec: { query: 'count(up)' },
      ratio: {
        good: { query: 'up' },
        bad: undefined,
        total: { query: 'count(up)' },
      },
      budgetingMethod: 'Timeslices',
    });
    expect(
      problemOfObjective(measuredObjectives(timeslices)[0], registry),
    ).toBe('this source counts no slices of a ratio');
    expect(
      problemOfObjective(measuredObjectives(prometheus)[0], registry),
    ).toBeUndefined();
    await expect(
      evaluateWith(
        measured => counterFor(measured, registry),
        ref,
        prometheus,
        now,
      ),
    ).resolves.toMatchObject({ sli: 1 });

    const throwing = registryOf({
      type: 'prometheus',
      count,
      problemOf: () => {
        throw new Error('no instance configured');
      },
    });
    expect(
      problemOfObjective(measuredObjectives(prometheus)[0], throwing),
    ).toBe('source unavailable: no instance configured');
  });

  it("hands a raw ratio's spec as raw, and as total for sources that read only total", async () => {
    const count = jest.fn(async () => ({ good: 1, total: 1 }));
    const registry = registryOf({ type: 'prometheus', count });
    await evaluateWith(
      measured => counterFor(measured, registry),
      ref,
      {
        ...prometheus,
        indicator: {
          name: 'availability',
          ratio: {
            raw: { type: 'prometheus', spec: { query: 'ratio' } },
            rawType: 'success',
          },
        },
      },
      now,
    );
    expect(count).toHaveBeenCalledWith(
      expect.objectContaining({
        spec: { query: 'ratio' },
        ratio: {
          good: undefined,
          bad: undefined,
          total: { query: 'ratio' },
          raw: { query: 'ratio' },
          rawType: 'success',
        },
      }),
    );
  });

  it('names the missing source instead of guessing', () => {
    expect(
      counterFor(measuredObjectives(prometheus)[0], new SliSourceRegistry()),
    ).toContain('no SLI source reads metric source type prometheus');
  });
});
