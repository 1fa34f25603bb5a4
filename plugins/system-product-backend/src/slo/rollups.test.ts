/*
 * The rollup path against the raw-event path: the same SLOs over the same
 * events, at instants on and off the minute grid, after events were stored,
 * changed by a tool's later report and stored concurrently with the
 * backfill. Every figure must agree to 1e-9.
 */
import { TestDatabases } from '@backstage/backend-test-utils';
import {
  MeasuredObjective,
  SloDefinition,
  SloEvaluation,
  measuredObjectives,
} from '@system-product/backstage-plugin-common';
import { testDatabaseIds } from '@internal/system-product-test-utils';
import { Knex } from 'knex';
import { EventCountStore } from '../database/EventCountStore';
import { EventRow, EventStore } from '../database/EventStore';
import { SliRollupStore } from '../database/SliRollupStore';
import { migrateClient } from '../database/migrations';
import { toEventRow } from '../services/EventService';
import { EventSliSource } from './EventSliSource';
import { SliSourceRegistry } from './SliSourceRegistry';
import { counterFor, resolveSli } from './counterFor';
import { evaluateSlo } from './evaluateSlo';
import { piecesOf, slicePiecesOf } from './rollupPieces';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: testDatabaseIds() });
const ref = 'system:default/ci-cd-pipeline';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const now = new Date('2026-11-25T12:00:00Z');

/** A small deterministic generator, so a failure can be run again. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function events(count: number, seed: number, entityRef = ref): EventRow[] {
  const next = random(seed);
  return Array.from({ length: count }, (_, i) => {
    // Over the last 30 days, to the millisecond; a few in the future.
    const at = new Date(
      now.getTime() - Math.floor(next() * 30 * DAY) + DAY / 10,
    );
    return toEventRow(
      {
        id: `r-${seed}-${i}`,
        entityRef,
        type: 'deployment',
        commitTime: new Date(at.getTime() - next() * 2 * DAY).toISOString(),
        deployTime: at.toISOString(),
        environment: next() < 0.8 ? 'production' : 'staging',
        succeeded: next() < 0.9,
      },
      at,
    ) as EventRow;
  });
}

const source = (measure: string, filter?: object) => ({
  type: 'system-product',
  spec: { event: 'deployment', measure, ...(filter && { filter }) },
});
const base: SloDefinition = {
  name: 'compare',
  displayName: 'Compare',
  description: '',
  service: 'ci-cd-pipeline',
  budgetingMethod: 'Occurrences',
  window: { duration: { amount: 28, unit: 'd' }, isRolling: true },
  objectives: [{ target: 0.9 }],
  indicator: {
    name: 'success',
    ratio: { good: source('deployment-success'), total: source('count') },
  },
};
const definitions: SloDefinition[] = [
  base,
  {
    ...base,
    name: 'bad-over-total-production',
    indicator: {
      name: 'failures',
      ratio: {
        bad: source('deployment-success', { environment: 'production' }),
        total: source('count', { environment: 'production' }),
      },
    },
  },
  {
    ...base,
    name: 'lead-within-a-day',
    objectives: [{ target: 0.5, op: 'lte', value: DAY / 1000 }],
    indicator: { name: 'lead', threshold: source('lead-time-seconds') },
  },
  {
    ...base,
    name: 'timeslices-minutes',
    budgetingMethod: 'Timeslices',
    window: { duration: { amount: 7, unit: 'd' }, isRolling: true },
    objectives: [
      {
        target: 0.95,
        timeSliceTarget: 0.9,
        timeSliceWindow: { amount: 5, unit: 'm' },
      },
    ],
  },
  {
    ...base,
    name: 'ratio-timeslices-days',
    budgetingMethod: 'RatioTimeslices',
    objectives: [{ target: 0.85, timeSliceWindow: { amount: 1, unit: 'd' } }],
  },
  {
    ...base,
    name: 'calendar-week-in-berlin',
    budgetingMethod: 'Timeslices',
    window: {
      duration: { amount: 1, unit: 'w' },
      isRolling: false,
      calendar: { startTime: '2026-11-02 00:00:00', timeZone: 'Europe/Berlin' },
    },
    objectives: [
      {
        target: 0.9,
        timeSliceTarget: 0.8,
        timeSliceWindow: { amount: 1, unit: 'h' },
      },
    ],
  },
];
const instants = [
  now,
  new Date(now.getTime() + 17_345),
  new Date(now.getTime() + 7 * MINUTE + 59_999),
  new Date(now.getTime() - 3 * HOUR - 1),
];

/** Every number of an evaluation, by its path in the object. */
function figures(e: SloEvaluation): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const walk = (value: unknown, path: string) => {
    if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`);
    } else out.set(path, value);
  };
  walk(e, '');
  return out;
}

function expectSame(rolled: SloEvaluation, raw: SloEvaluation) {
  const a = figures(rolled);
  const b = figures(raw);
  expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
  for (const [path, value] of b) {
    if (typeof value === 'number') {
      const diff = Math.abs((a.get(path) as number) - value);
      expect({ path, agrees: diff <= 1e-9 }).toEqual({ path, agrees: true });
    } else {
      expect({ path, value: a.get(path) }).toEqual({ path, value });
    }
  }
}

describe('rollup pieces', () => {
  it('splits a range into hours, minutes and raw edges that cover it exactly once', () => {
    const range = {
      from: new Date('2026-11-25T10:58:30.250Z'),
      to: new Date('2026-11-25T13:02:10Z'),
    };
    expect(piecesOf(range)).toEqual({
      spans: [
        {
          resolution: MINUTE,
          from: Date.parse('2026-11-25T10:59:00Z'),
          to: Date.parse('2026-11-25T11:00:00Z'),
        },
        {
          resolution: HOUR,
          from: Date.parse('2026-11-25T11:00:00Z'),
          to: Date.parse('2026-11-25T13:00:00Z'),
        },
        {
          resolution: MINUTE,
          from: Date.parse('2026-11-25T13:00:00Z'),
          to: Date.parse('2026-11-25T13:02:00Z'),
        },
      ],
      raw: [
        { from: range.from, to: new Date('2026-11-25T10:59:00Z') },
        { from: new Date('2026-11-25T13:02:00Z'), to: range.to },
      ],
    });
  });

  it('leaves a range within one minute to raw events', () => {
    const range = {
      from: new Date('2026-11-25T10:58:30Z'),
      to: new Date('2026-11-25T10:58:50Z'),
    };
    expect(piecesOf(range)).toEqual({ spans: [], raw: [range] });
  });

  it('counts slices of seconds, or from within a minute, from raw events only', () => {
    const to = new Date('2026-11-25T12:00:00Z');
    expect(slicePiecesOf(new Date('2026-11-25T11:00:00Z'), to, 30_000)).toBe(
      undefined,
    );
    expect(slicePiecesOf(new Date('2026-11-25T11:00:10Z'), to, MINUTE)).toBe(
      undefined,
    );
  });
});

describe.each(databases.eachSupportedId())('rollups on %s', databaseId => {
  let knex: Knex;
  let rollups: SliRollupStore;
  let store: EventStore;
  let raw: EventSliSource;
  let rolled: EventSliSource;

  beforeAll(async () => {
    knex = await databases.init(databaseId);
    await migrateClient(knex);
    rollups = new SliRollupStore(knex);
    store = new EventStore(knex, rollups);
    const counts = new EventCountStore(knex);
    raw = new EventSliSource(counts, { minResponses: 3 });
    rolled = new EventSliSource(counts, { minResponses: 3, rollups });
  });

  /** A registry holding the source, as the backend registers the built-in one. */
  const registryOf = (builtIn: EventSliSource) => {
    const registry = new SliSourceRegistry();
    registry.add(builtIn);
    return registry;
  };

  const evaluate = (
    via: EventSliSource,
    slo: SloDefinition,
    at: Date,
    entityRef = ref,
  ) => {
    const registry = registryOf(via);
    return evaluateSlo(
      measured => counterFor(measured, registry),
      entityRef,
      slo,
      at,
    );
  };

  /** Keeps the rollup of an objective's SLI, as `SloEvaluator.keepRollups` does. */
  const keepRollup = (entityRef: string, measured: MeasuredObjective) => {
    const resolved = resolveSli(measured, registryOf(rolled));
    if (typeof resolved === 'string') throw new Error(resolved);
    return rolled.keepRollup(entityRef, resolved.sli);
  };

  it('agrees with the raw events to 1e-9, for events stored before and after the backfill', async () => {
    await store.insert(events(1500, 1));
    for (const slo of definitions) {
      for (const measured of measuredObjectives(slo)) {
        await keepRollup(ref, measured);
      }
    }
    // After the backfill, ingestion keeps the buckets, also of a batch
    // that repeats ids it stored already.
    const later = events(1500, 2);
    await store.insert(later);
    await store.insert(later.slice(0, 100));
    for (const slo of definitions) {
      for (const at of instants) {
        const [a, b] = await Promise.all([
          evaluate(rolled, slo, at),
          evaluate(raw, slo, at),
        ]);
        expect(a.total).toBeGreaterThan(0);
        expectSame(a, b);
      }
    }
  });

  it('keeps an event a tool reports again with a new time and outcome in the bucket it moved to', async () => {
    const scope = 'github:acme/pipeline';
    const moved = 'system:default/moved';
    const first = {
      ...events(1, 3, moved)[0],
      event_id: 'moved',
      occurred_at: new Date(now.getTime() - 2 * HOUR),
      environment: 'production',
      succeeded: true,
    };
    const record = (row: EventRow) =>
      store.record({ scope, rows: [row], commits: [], merge: fresh => fresh });
    await record(first);
    for (const measured of measuredObjectives(base)) {
      await keepRollup(moved, measured);
    }
    const movedTo = new Date(now.getTime() - 5 * DAY - 30_000);
    await record({
      ...first,
      occurred_at: movedTo,
      succeeded: false,
      payload: '{"again":true}',
    });
    const bucketAt = async (t: number) =>
      knex('sli_rollup_buckets as b')
        .join('sli_rollup_series as s', 's.series_id', 'b.series_id')
        .where({ 's.entity_ref': moved, 'b.resolution_ms': MINUTE })
        .andWhere('b.bucket_start', Math.floor(t / MINUTE) * MINUTE)
        .select('b.total', 'b.matched');
    const left = await bucketAt(first.occurred_at.getTime());
    expect(left.map(b => [Number(b.total), Number(b.matched)])).toEqual([
      [0, 0],
    ]);
    const arrived = await bucketAt(movedTo.getTime());
    expect(arrived.map(b => [Number(b.total), Number(b.matched)])).toEqual([
      [1, 0],
    ]);
    for (const at of instants) {
      expectSame(
        await evaluate(rolled, base, at, moved),
        await evaluate(raw, base, at, moved),
      );
    }
  });

  it('counts every event once when batches are stored while a rollup is filled', async () => {
    const slo: SloDefinition = {
      ...base,
      name: 'concurrent',
      indicator: {
        name: 'staging',
        ratio: {
          good: source('deployment-success', { environment: 'staging' }),
          total: source('count', { environment: 'staging' }),
        },
      },
    };
    const other = 'system:default/busy';
    const batches = [4, 5, 6, 7].map(seed => events(400, seed, other));
    await Promise.all([
      ...batches.map(batch => store.insert(batch)),
      ...measuredObjectives(slo).map(m => keepRollup(other, m)),
    ]);
    for (const at of instants) {
      const a = await evaluate(rolled, slo, at, other);
      // By hand from the batches: the staging deployments in the window.
      const from = at.getTime() - 28 * DAY;
      const staged = batches
        .flat()
        .filter(
          e =>
            e.environment === 'staging' &&
            e.occurred_at.getTime() >= from &&
            e.occurred_at.getTime() < at.getTime(),
        );
      expect(a.total).toBe(staged.length);
      expect(a.counted?.bad).toBe(staged.filter(e => !e.succeeded).length);
      expectSame(a, await evaluate(raw, slo, at, other));
    }
  });
});
