import { TestDatabases } from '@backstage/backend-test-utils';
import { testDatabaseIds } from '@internal/system-product-test-utils';
import { Knex } from 'knex';
import { toEventRow } from '../services/EventService';
import { EventPartitions } from './EventPartitions';
import { EventRow, EventStore } from './EventStore';
import { migrateClient } from './migrations';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: testDatabaseIds() });

describe.each(databases.eachSupportedId())('EventStore on %s', databaseId => {
  it('stores large batches in chunks, once per event id, with derived durations', async () => {
    const knex = await databases.init(databaseId);
    await migrateClient(knex);
    const store = new EventStore(knex);
    const rows = Array.from(
      { length: 450 },
      (_, i) =>
        toEventRow(
          {
            id: `d-${i}`,
            entityRef: 'system:default/ci-cd-pipeline',
            type: 'deployment',
            commitSha: 'abc',
            commitTime: '2026-11-20T10:00:00Z',
            deployTime: '2026-11-20T11:00:00Z',
            environment: 'production',
            succeeded: i % 10 !== 0,
            // For a moment prompt only: never stored.
            actor: 'user:default/jane',
          },
          new Date(),
        ) as EventRow,
    );
    const first = await store.insert(rows);
    expect(first.inserted).toBe(450);
    expect(first.stored.map(r => r.event_id).sort()).toEqual(
      rows.map(r => r.event_id).sort(),
    );
    await expect(store.insert(rows.slice(0, 10))).resolves.toEqual({
      inserted: 0,
      stored: [],
    });
    const payloads = await knex('delivery_events').pluck('payload');
    expect(payloads.filter(p => p.includes('jane'))).toEqual([]);
    const [{ n }] = await knex('delivery_events').count({ n: '*' });
    expect(Number(n)).toBe(450);

    const [stats] = await knex('delivery_events')
      .where({ entity_ref: 'system:default/ci-cd-pipeline' })
      .select(
        knex.raw('avg(lead_seconds) as lead'),
        knex.raw('sum(case when succeeded then 0 else 1 end) as failed'),
      );
    expect(Number(stats.lead)).toBe(3600);
    expect(Number(stats.failed)).toBe(45);
  });

  it('keeps event ids per entity: one id may belong to two entities, once each', async () => {
    const knex = await databases.init(databaseId);
    await migrateClient(knex);
    const store = new EventStore(knex);
    const row = (entityRef: string) =>
      toEventRow(
        {
          id: 'github:acme/shop:workflow_run:7:1',
          entityRef,
          type: 'build',
          finished: '2026-11-20T11:00:00Z',
          durationSeconds: 60,
          succeeded: true,
        },
        new Date(),
      ) as EventRow;
    const rows = [row('system:default/shop'), row('system:default/pipeline')];
    await expect(store.insert(rows)).resolves.toMatchObject({ inserted: 2 });
    await expect(store.insert(rows)).resolves.toMatchObject({ inserted: 0 });
  });

  const build = (id: string, finished: string, durationSeconds = 60) =>
    toEventRow(
      {
        id,
        entityRef: 'system:default/shop',
        type: 'build',
        finished,
        durationSeconds,
        succeeded: true,
      },
      new Date('2026-12-04T12:00:00Z'),
    ) as EventRow;
  const stored = (knex: Knex) =>
    knex('delivery_events')
      .orderBy('event_id')
      .select('event_id', 'occurred_at', 'duration_seconds')
      .then(rows =>
        rows.map(r => [
          r.event_id,
          new Date(r.occurred_at).toISOString(),
          Number(r.duration_seconds),
        ]),
      );

  it('keeps the first time of an id sent again with another time, in one batch, later or concurrently', async () => {
    const knex = await databases.init(databaseId);
    await migrateClient(knex);
    const store = new EventStore(knex);
    await expect(
      store.insert([
        build('a', '2026-10-10T10:00:00Z', 60),
        build('a', '2026-11-10T10:00:00Z', 61),
        build('b', '2026-11-10T10:00:00Z', 62),
      ]),
    ).resolves.toMatchObject({ inserted: 2 });
    await expect(
      store.insert([
        build('a', '2026-12-10T10:00:00Z', 63),
        build('b', '2026-09-10T10:00:00Z', 64),
        build('c', '2031-01-01T00:00:00Z', 65),
      ]),
    ).resolves.toMatchObject({ inserted: 1 });
    // The same ids, at other times, from two batches at once: once each.
    const results = await Promise.all(
      ['2026-08-01T00:00:00Z', '2026-12-24T00:00:00Z'].map(at =>
        store.insert(
          ['c', 'd', 'e', 'f'].map(id =>
            build(id, at, at.startsWith('2026-08') ? 1 : 2),
          ),
        ),
      ),
    );
    expect(results.map(r => r.inserted).sort()).toEqual([0, 3]);
    const rows = await stored(knex);
    expect(rows.slice(0, 3)).toEqual([
      ['a', '2026-10-10T10:00:00.000Z', 60],
      ['b', '2026-11-10T10:00:00.000Z', 62],
      ['c', '2031-01-01T00:00:00.000Z', 65],
    ]);
    // d, e and f all of one batch.
    expect(rows.slice(3).map(r => r[0])).toEqual(['d', 'e', 'f']);
    expect(new Set(rows.slice(3).map(r => r[2])).size).toBe(1);
    // PostgreSQL: each id once in delivery_event_ids, with its event's time.
    const ids =
      knex.client.config.client === 'pg'
        ? (
            await knex('delivery_event_ids')
              .orderBy('event_id')
              .select('event_id', 'occurred_at')
          ).map(r => [r.event_id, new Date(r.occurred_at).toISOString()])
        : rows.map(r => [r[0], r[1]]);
    expect(ids).toEqual(rows.map(r => [r[0], r[1]]));
  });

  it("moves an event a tool reports again with another month's time", async () => {
    const knex = await databases.init(databaseId);
    await migrateClient(knex);
    // October's and November's partitions on PostgreSQL; nothing on SQLite.
    await new EventPartitions(knex).maintain({
      now: new Date('2026-10-15T00:00:00Z'),
    });
    const store = new EventStore(knex);
    const record = (row: EventRow) =>
      store.record({
        scope: 'github:acme/shop',
        rows: [row],
        commits: [],
        merge: fresh => fresh,
      });
    const where = async () => {
      if (knex.client.config.client !== 'pg') return [];
      const { rows } = await knex.raw(
        `select e.tableoid::regclass::text as partition, i.occurred_at
         from delivery_events e join delivery_event_ids i using (entity_ref, event_id)`,
      );
      return rows;
    };
    const pg = knex.client.config.client === 'pg';
    await expect(
      record(build('run-7', '2026-10-31T23:30:00Z', 60)),
    ).resolves.toMatchObject({ stored: 1, duplicates: 0 });
    expect(await where()).toEqual(
      pg
        ? [
            {
              partition: 'delivery_events_p202610',
              occurred_at: new Date('2026-10-31T23:30:00Z'),
            },
          ]
        : [],
    );
    await expect(
      record(build('run-7', '2026-11-01T00:30:00Z', 90)),
    ).resolves.toMatchObject({ stored: 1, duplicates: 0 });
    await expect(
      record(build('run-7', '2026-11-01T00:30:00Z', 90)),
    ).resolves.toEqual({ stored: 0, duplicates: 1, written: [] });
    expect(await stored(knex)).toEqual([
      ['run-7', '2026-11-01T00:30:00.000Z', 90],
    ]);
    expect(await where()).toEqual(
      pg
        ? [
            {
              partition: 'delivery_events_p202611',
              occurred_at: new Date('2026-11-01T00:30:00Z'),
            },
          ]
        : [],
    );
  });
});
