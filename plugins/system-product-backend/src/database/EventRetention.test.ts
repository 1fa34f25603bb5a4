import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import {
  SloDefinition,
  SloEvaluation,
  measuredObjectives,
} from '@system-product/backstage-plugin-common';
import { testDatabaseIds } from '@internal/system-product-test-utils';
import { Knex } from 'knex';
import { readEventRetentionDays } from '../config';
import { toEventRow } from '../services/EventService';
import { EventSliSource } from '../slo/EventSliSource';
import { SliSourceRegistry } from '../slo/SliSourceRegistry';
import { counterFor, resolveSli } from '../slo/counterFor';
import { evaluateSlo } from '../slo/evaluateSlo';
import { EventCountStore } from './EventCountStore';
import { EventPartitions } from './EventPartitions';
import { EventRetention, retentionBoundary } from './EventRetention';
import { EventRow, EventStore } from './EventStore';
import { SliRollupStore } from './SliRollupStore';
import { migrateClient } from './migrations';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: testDatabaseIds() });
const ref = 'system:default/ci-cd-pipeline';
const now = new Date('2026-12-04T12:00:00Z');

describe('retentionBoundary', () => {
  it('is the start of the UTC month that holds now minus the days', () => {
    // 60 days before 4 December noon: 5 October.
    expect(retentionBoundary(now, 60)).toEqual(
      new Date('2026-10-01T00:00:00Z'),
    );
    // 65 days: 30 September.
    expect(retentionBoundary(now, 65)).toEqual(
      new Date('2026-09-01T00:00:00Z'),
    );
    expect(retentionBoundary(new Date('2026-12-01T00:30:00Z'), 1)).toEqual(
      new Date('2026-11-01T00:00:00Z'),
    );
    expect(retentionBoundary(new Date('2027-01-15T00:00:00Z'), 365)).toEqual(
      new Date('2026-01-01T00:00:00Z'),
    );
  });
});

describe('systemProduct.events.retentionDays', () => {
  const read = (events?: object) =>
    readEventRetentionDays(
      mockServices.rootConfig({
        data: { systemProduct: events ? { events } : {} },
      }),
    );

  it('keeps every event unless set', () => {
    expect(read()).toBeUndefined();
    expect(read({})).toBeUndefined();
    expect(read({ retentionDays: 30 })).toBe(30);
    expect(read({ retentionDays: '45' })).toBe(45);
  });

  it.each([0, -5, 1.5, 'thirty', true])('refuses %p at start-up', days => {
    expect(() => read({ retentionDays: days })).toThrow(
      `systemProduct.events.retentionDays must be a whole number of days, at least 1 (or unset to keep every event), got ${JSON.stringify(
        days,
      )}`,
    );
  });
});

function deployment(id: string, at: string, succeeded: boolean): EventRow {
  return toEventRow(
    {
      id,
      entityRef: ref,
      type: 'deployment',
      commitTime: new Date(Date.parse(at) - 3_600_000).toISOString(),
      deployTime: at,
      environment: 'production',
      succeeded,
    },
    now,
  ) as EventRow;
}

const slo: SloDefinition = {
  name: 'success',
  displayName: 'Success',
  description: '',
  service: 'ci-cd-pipeline',
  budgetingMethod: 'Occurrences',
  window: { duration: { amount: 90, unit: 'd' }, isRolling: true },
  objectives: [{ target: 0.9 }],
  indicator: {
    name: 'success',
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

describe.each(databases.eachSupportedId())('retention on %s', databaseId => {
  let knex: Knex;
  let rollups: SliRollupStore;
  let raw: EventSliSource;
  let rolled: EventSliSource;

  const registryOf = (builtIn: EventSliSource) => {
    const registry = new SliSourceRegistry();
    registry.add(builtIn);
    return registry;
  };
  const evaluate = (via: EventSliSource, at: Date) =>
    evaluateSlo(
      measured => counterFor(measured, registryOf(via)),
      ref,
      slo,
      at,
    );
  /** Both paths, which must agree in every figure. */
  const evaluateBoth = async (at: Date) => {
    const [a, b] = await Promise.all([evaluate(rolled, at), evaluate(raw, at)]);
    expect(Object.fromEntries(figures(a))).toEqual(
      Object.fromEntries(figures(b)),
    );
    return a;
  };
  const eventIds = async () =>
    (await knex('delivery_events').orderBy('event_id').pluck('event_id')).map(
      String,
    );

  it('deletes the events, rollup buckets and commits before the month boundary, and both paths still agree', async () => {
    knex = await databases.init(databaseId);
    await migrateClient(knex);
    const pg = knex.client.config.client === 'pg';
    rollups = new SliRollupStore(knex);
    const store = new EventStore(knex, rollups);
    const partitions = new EventPartitions(knex);
    const counts = new EventCountStore(knex);
    raw = new EventSliSource(counts, { minResponses: 3 });
    rolled = new EventSliSource(counts, { minResponses: 3, rollups });

    await store.insert([
      deployment('aug-1', '2026-08-10T10:00:00Z', true),
      deployment('aug-2', '2026-08-20T10:00:00Z', false),
      deployment('sep-1', '2026-09-10T10:00:00Z', true),
      deployment('sep-last', '2026-09-30T23:59:59.999Z', false),
      deployment('oct-first', '2026-10-01T00:00:00.000Z', true),
      deployment('oct', '2026-10-15T10:00:00Z', false),
      deployment('nov-1', '2026-11-03T10:00:00Z', true),
      deployment('nov-2', '2026-11-20T10:00:00Z', true),
      deployment('dec', '2026-12-01T10:00:00Z', true),
      deployment('future', '2031-06-10T10:00:00Z', true),
    ]);
    // PostgreSQL: August to November get their partitions from the default
    // one; an event of 2025 stored afterwards waits there, as does 2031's.
    await partitions.maintain({ now });
    await store.insert([deployment('ancient', '2025-05-05T10:00:00Z', true)]);
    const inDefault = pg
      ? (
          await knex.raw(
            'select event_id from delivery_events_default order by event_id',
          )
        ).rows.map((r: any) => r.event_id)
      : undefined;
    expect(inDefault).toEqual(pg ? ['ancient', 'future'] : undefined);
    for (const measured of measuredObjectives(slo)) {
      const resolved = resolveSli(measured, registryOf(rolled));
      if (typeof resolved === 'string') throw new Error(resolved);
      await rolled.keepRollup(ref, resolved.sli);
    }
    await knex('delivery_commits').insert([
      {
        scope: 'github:acme/shop',
        sha: 'a'.repeat(40),
        committed_at: new Date('2026-09-15T00:00:00Z'),
        received_at: now,
      },
      {
        scope: 'github:acme/shop',
        sha: 'b'.repeat(40),
        committed_at: new Date('2026-10-02T00:00:00Z'),
        received_at: now,
      },
    ]);

    // 90 days back from 4 December noon: from 5 September noon.
    const before = await evaluateBoth(now);
    expect(before.total).toBe(7);
    expect(before.counted?.bad).toBe(2);

    const series = Number(
      (await knex('sli_rollup_series').count({ n: '*' }))[0].n,
    );
    expect(series).toBeGreaterThan(0);
    const run = await new EventRetention(knex, partitions, rollups).run(
      60,
      now,
    );
    expect(run).toEqual({
      before: new Date('2026-10-01T00:00:00Z'),
      partitions: pg
        ? ['delivery_events_p202608', 'delivery_events_p202609']
        : [],
      events: 5,
      // Each event went with its minute's and its hour's bucket of each series.
      buckets: 5 * 2 * series,
      commits: 1,
    });

    expect(await eventIds()).toEqual([
      'dec',
      'future',
      'nov-1',
      'nov-2',
      'oct',
      'oct-first',
    ]);
    const [{ n: older }] = await knex('sli_rollup_buckets')
      .where('bucket_start', '<', Date.parse('2026-10-01T00:00:00Z'))
      .count({ n: '*' });
    expect(Number(older)).toBe(0);
    const [{ n: kept }] = await knex('sli_rollup_buckets')
      .where('bucket_start', '>=', Date.parse('2026-10-01T00:00:00Z'))
      .count({ n: '*' });
    expect(Number(kept)).toBe(6 * 2 * series);
    expect(await knex('delivery_commits').pluck('sha')).toEqual([
      'b'.repeat(40),
    ]);
    // PostgreSQL: the ids went with their events, and August's and
    // September's partitions are gone, detached ones too.
    const ids = pg
      ? await knex('delivery_event_ids').orderBy('event_id').pluck('event_id')
      : await eventIds();
    expect(ids).toEqual(await eventIds());
    const tables: string[] = pg
      ? (
          await knex.raw(
            `select tablename from pg_tables
             where tablename like 'delivery\\_event%' order by tablename`,
          )
        ).rows.map((r: any) => r.tablename)
      : [];
    expect(tables.filter(t => /p20260[89]$/.test(t))).toEqual([]);
    const partitioned = [
      'delivery_event_ids',
      'delivery_events_default',
      'delivery_events_p202610',
      'delivery_events_p202611',
    ];
    expect(partitioned.filter(t => !tables.includes(t))).toEqual(
      pg ? [] : partitioned,
    );

    // The window reaches back before the boundary: only what is kept counts,
    // from the rollups as from the events.
    const after = await evaluateBoth(now);
    expect(after.total).toBe(5);
    expect(after.counted?.bad).toBe(1);
    const inNovember = await evaluateBoth(new Date('2026-11-25T00:00:00Z'));
    expect(inNovember.total).toBe(4);

    // A deleted event sent again is stored again, and counted again.
    await expect(
      store.insert([deployment('sep-1', '2026-09-10T10:00:00Z', true)]),
    ).resolves.toMatchObject({ inserted: 1 });
    expect((await evaluateBoth(now)).total).toBe(6);

    // Nothing more to delete the next day.
    const again = await new EventRetention(knex, partitions, rollups).run(
      60,
      new Date('2026-12-05T12:00:00Z'),
    );
    expect(again).toEqual({
      before: new Date('2026-10-01T00:00:00Z'),
      partitions: [],
      events: 1,
      buckets: 2 * series,
      commits: 0,
    });
  });
});
