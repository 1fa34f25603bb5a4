import { TestDatabases } from '@backstage/backend-test-utils';
import { testDatabaseIds } from '@internal/system-product-test-utils';
import { toEventRow } from '../services/EventService';
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
          },
          new Date(),
        ) as EventRow,
    );
    await expect(store.insert(rows)).resolves.toEqual({ inserted: 450 });
    await expect(store.insert(rows.slice(0, 10))).resolves.toEqual({
      inserted: 0,
    });
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
    await expect(store.insert(rows)).resolves.toEqual({ inserted: 2 });
    await expect(store.insert(rows)).resolves.toEqual({ inserted: 0 });
  });
});
