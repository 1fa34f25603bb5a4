import { TestDatabases } from '@backstage/backend-test-utils';
import { testDatabaseIds } from '@internal/system-product-test-utils';
import { Knex } from 'knex';
import { join } from 'node:path';
import { toEventRow } from '../services/EventService';
import { EventPartitions } from './EventPartitions';
import { EventRow, EventStore } from './EventStore';
import { migrateClient } from './migrations';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: testDatabaseIds() });
const directory = join(__dirname, '../../migrations');
const MIGRATION = '20261208100000_partitioned_events.js';
const ref = 'system:default/ci-cd-pipeline';

function deployment(id: string, at: string, entityRef = ref): EventRow {
  return toEventRow(
    {
      id,
      entityRef,
      type: 'deployment',
      commitTime: new Date(Date.parse(at) - 3_600_000).toISOString(),
      deployTime: at,
      environment: 'production',
      succeeded: true,
    },
    new Date('2026-12-04T12:00:00Z'),
  ) as EventRow;
}

/** The partition each event is stored in, by event id. */
async function partitionsOf(knex: Knex): Promise<Record<string, string>> {
  const { rows } = await knex.raw(
    'select event_id, tableoid::regclass::text as partition from delivery_events order by event_id',
  );
  return Object.fromEntries(
    rows.map((r: any) => [r.event_id, r.partition] as const),
  );
}

/** The partitions of delivery_events, by name. */
async function partitionNames(knex: Knex): Promise<string[]> {
  const { rows } = await knex.raw(
    `select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
     where i.inhparent = 'delivery_events'::regclass order by c.relname`,
  );
  return rows.map((r: any) => r.relname);
}

/** Every index of a table as its definition, with the table's name taken out. */
async function indexesOf(knex: Knex, table: string): Promise<string[]> {
  const { rows } = await knex.raw(
    `select pg_get_indexdef(x.indexrelid) as def from pg_index x
     where x.indrelid = ?::regclass order by 1`,
    [table],
  );
  return rows.map((r: any) =>
    String(r.def).replace(/ ON (ONLY )?\S+ USING /, ' ON <table> USING '),
  );
}

/** The table's comment and those of its columns. */
async function commentsOf(knex: Knex): Promise<Record<string, string | null>> {
  const { rows } = await knex.raw(
    `select a.attname as name, col_description(a.attrelid, a.attnum) as comment
     from pg_attribute a where a.attrelid = 'delivery_events'::regclass
       and a.attnum > 0 and not a.attisdropped
     union all
     select '(table)', obj_description('delivery_events'::regclass, 'pg_class')
     order by 1`,
  );
  return Object.fromEntries(rows.map((r: any) => [r.name, r.comment]));
}

const everyRow = (knex: Knex) =>
  knex('delivery_events').orderBy(['entity_ref', 'event_id']).select();

const postgresIds = databases
  .eachSupportedId()
  .filter(([id]) => id.startsWith('POSTGRES'));

if (postgresIds.length > 0) {
  describe.each(postgresIds)('event partitions on %s', databaseId => {
    // The migration makes its months from the clock: the date is fixed.
    beforeEach(() => {
      jest.useFakeTimers({
        now: new Date('2026-12-04T12:00:00Z'),
        advanceTimers: true,
        doNotFake: [
          'nextTick',
          'setImmediate',
          'clearImmediate',
          'setTimeout',
          'clearTimeout',
          'setInterval',
          'clearInterval',
          'queueMicrotask',
          'hrtime',
          'performance',
        ],
      });
    });
    afterEach(() => jest.useRealTimers());

    it('moves stored events into month partitions and the default one, and back to one table', async () => {
      const knex = await databases.init(databaseId);
      await migrateClient(knex);
      await knex.migrate.down({ directory, name: MIGRATION });
      const plainIndexes = await indexesOf(knex, 'delivery_events');
      const plainComments = await commentsOf(knex);
      const rows = [
        deployment('old', '2019-03-10T08:00:00Z'),
        deployment('sep-last', '2026-09-30T23:59:59.999Z'),
        deployment('oct-first', '2026-10-01T00:00:00.000Z'),
        deployment('oct', '2026-10-15T10:00:00Z'),
        deployment('oct', '2026-10-16T10:00:00Z', 'system:default/other'),
        deployment('nov', '2026-11-20T10:00:00Z'),
        deployment('dec', '2026-12-03T10:00:00Z'),
        deployment('after-horizon', '2027-04-01T00:00:00Z'),
        deployment('far-future', '2031-06-10T00:00:00Z'),
      ];
      await knex('delivery_events').insert(rows);
      const before = await everyRow(knex);
      expect(before).toHaveLength(9);

      await knex.migrate.up({ directory, name: MIGRATION });

      const { rows: kind } = await knex.raw(
        "select relkind from pg_class where oid = 'delivery_events'::regclass",
      );
      expect(kind[0].relkind).toBe('p');
      // Months holding events, and from December 2026 to three months after.
      expect(await partitionNames(knex)).toEqual([
        'delivery_events_default',
        'delivery_events_p201903',
        'delivery_events_p202609',
        'delivery_events_p202610',
        'delivery_events_p202611',
        'delivery_events_p202612',
        'delivery_events_p202701',
        'delivery_events_p202702',
        'delivery_events_p202703',
      ]);
      const { rows: placed } = await knex.raw(
        `select entity_ref, event_id, tableoid::regclass::text as partition
         from delivery_events order by entity_ref, event_id`,
      );
      expect(
        placed
          .map((r: any) => `${r.event_id} ${r.entity_ref} ${r.partition}`)
          .sort(),
      ).toEqual([
        `after-horizon ${ref} delivery_events_default`,
        `dec ${ref} delivery_events_p202612`,
        `far-future ${ref} delivery_events_default`,
        `nov ${ref} delivery_events_p202611`,
        `oct ${ref} delivery_events_p202610`,
        'oct system:default/other delivery_events_p202610',
        `oct-first ${ref} delivery_events_p202610`,
        `old ${ref} delivery_events_p201903`,
        `sep-last ${ref} delivery_events_p202609`,
      ]);
      expect(await everyRow(knex)).toEqual(before);
      const ids = await knex('delivery_event_ids')
        .orderBy(['entity_ref', 'event_id'])
        .select();
      expect(ids).toEqual(
        before.map(r => ({
          entity_ref: r.entity_ref,
          event_id: r.event_id,
          occurred_at: r.occurred_at,
        })),
      );
      // The same indexes, with occurred_at added to the primary key.
      expect(await indexesOf(knex, 'delivery_events')).toEqual([
        'CREATE INDEX delivery_events_caused_by_idx ON <table> USING btree (caused_by)',
        'CREATE INDEX delivery_events_commit_idx ON <table> USING btree (commit_scope, commit_sha)',
        'CREATE INDEX delivery_events_entity_type_time_idx ON <table> USING btree (entity_ref, type, occurred_at)',
        'CREATE UNIQUE INDEX delivery_events_pkey ON <table> USING btree (entity_ref, event_id, occurred_at)',
      ]);
      expect(plainIndexes).toEqual([
        'CREATE INDEX delivery_events_caused_by_idx ON <table> USING btree (caused_by)',
        'CREATE INDEX delivery_events_commit_idx ON <table> USING btree (commit_scope, commit_sha)',
        'CREATE INDEX delivery_events_entity_type_time_idx ON <table> USING btree (entity_ref, type, occurred_at)',
        'CREATE UNIQUE INDEX delivery_events_pkey ON <table> USING btree (entity_ref, event_id)',
      ]);
      for (const partition of [
        'delivery_events_p202610',
        'delivery_events_default',
      ]) {
        expect(await indexesOf(knex, partition)).toHaveLength(4);
      }
      expect(await commentsOf(knex)).toEqual(plainComments);
      expect(plainComments['(table)']).toBe(
        'Events pipelines and tools post to /events',
      );
      expect(plainComments.lead_seconds).toBe('deployment: commit to deploy');

      // An event stored now lands in its month; its id stays unique.
      const store = new EventStore(knex);
      await expect(
        store.insert([
          deployment('jan', '2027-01-05T00:00:00Z'),
          deployment('nov', '2027-01-05T00:00:00Z'),
        ]),
      ).resolves.toMatchObject({ inserted: 1 });
      expect((await partitionsOf(knex)).jan).toBe('delivery_events_p202701');

      await knex.migrate.down({ directory, name: MIGRATION });
      const { rows: plain } = await knex.raw(
        "select relkind from pg_class where oid = 'delivery_events'::regclass",
      );
      expect(plain[0].relkind).toBe('r');
      expect(await indexesOf(knex, 'delivery_events')).toEqual(plainIndexes);
      expect(await commentsOf(knex)).toEqual(plainComments);
      expect(await knex.schema.hasTable('delivery_event_ids')).toBe(false);
      const { rows: left } = await knex.raw(
        "select count(*)::int as n from pg_class where relname like 'delivery\\_events\\_%' and relkind in ('r', 'p')",
      );
      expect(left[0].n).toBe(0);
      const after = await everyRow(knex);
      expect(after.filter(r => r.event_id !== 'jan')).toEqual(before);
      expect(after).toHaveLength(10);

      // And up again, as an upgrade after the downgrade would.
      await migrateClient(knex);
      expect(await partitionNames(knex)).toContain('delivery_events_p202701');
      expect(await everyRow(knex)).toEqual(after);
    });

    it('keeps events of months without a partition in the default one until the maintenance makes theirs', async () => {
      const knex = await databases.init(databaseId);
      await migrateClient(knex);
      const store = new EventStore(knex);
      const partitions = new EventPartitions(knex);
      await store.insert([
        deployment('past', '2020-02-10T00:00:00Z'),
        deployment('long-ago', '2015-01-01T00:00:00Z'),
        deployment('soon', '2026-12-05T00:00:00Z'),
        deployment('future', '2031-06-10T00:00:00Z'),
      ]);
      expect(await partitionsOf(knex)).toEqual({
        future: 'delivery_events_default',
        'long-ago': 'delivery_events_default',
        past: 'delivery_events_default',
        soon: 'delivery_events_p202612',
      });

      // Not before 2016 (retention would delete it): only 2020's month.
      await expect(
        partitions.maintain({
          now: new Date('2026-12-04T12:00:00Z'),
          notBefore: new Date('2016-01-01T00:00:00Z'),
        }),
      ).resolves.toEqual({ made: ['delivery_events_p202002'], moved: 1 });
      expect(await partitionsOf(knex)).toEqual({
        future: 'delivery_events_default',
        'long-ago': 'delivery_events_default',
        past: 'delivery_events_p202002',
        soon: 'delivery_events_p202612',
      });

      // Months later: the months ahead are made, and June 2031's takes
      // its event out of the default partition.
      await expect(
        partitions.maintain({ now: new Date('2031-04-15T00:00:00Z') }),
      ).resolves.toEqual({
        made: [
          'delivery_events_p201501',
          'delivery_events_p203104',
          'delivery_events_p203105',
          'delivery_events_p203106',
          'delivery_events_p203107',
        ],
        moved: 2,
      });
      expect(await partitionsOf(knex)).toEqual({
        future: 'delivery_events_p203106',
        'long-ago': 'delivery_events_p201501',
        past: 'delivery_events_p202002',
        soon: 'delivery_events_p202612',
      });
      const { rows: left } = await knex.raw(
        'select count(*)::int as n from delivery_events_default',
      );
      expect(left[0].n).toBe(0);
      expect(await indexesOf(knex, 'delivery_events_p203106')).toHaveLength(4);
      await expect(
        partitions.maintain({ now: new Date('2031-04-15T00:00:00Z') }),
      ).resolves.toEqual({ made: [], moved: 0 });

      // Moved, still the same events: ids unchanged, a re-sent one stays out.
      await expect(
        store.insert([deployment('future', '2031-06-11T00:00:00Z')]),
      ).resolves.toMatchObject({ inserted: 0 });
      const ids = await knex('delivery_event_ids')
        .orderBy('event_id')
        .select('event_id', 'occurred_at');
      expect(ids).toEqual([
        { event_id: 'future', occurred_at: new Date('2031-06-10T00:00:00Z') },
        { event_id: 'long-ago', occurred_at: new Date('2015-01-01T00:00:00Z') },
        { event_id: 'past', occurred_at: new Date('2020-02-10T00:00:00Z') },
        { event_id: 'soon', occurred_at: new Date('2026-12-05T00:00:00Z') },
      ]);
    });

    it('makes each partition once when several replicas start at once', async () => {
      const knex = await databases.init(databaseId);
      await migrateClient(knex);
      const now = new Date('2027-06-20T00:00:00Z');
      const runs = await Promise.all(
        [1, 2, 3].map(() => new EventPartitions(knex).maintain({ now })),
      );
      expect(runs.flatMap(r => r.made).sort()).toEqual([
        'delivery_events_p202706',
        'delivery_events_p202707',
        'delivery_events_p202708',
        'delivery_events_p202709',
      ]);
    });
  });
}

describe('event partitions on SQLITE_3', () => {
  it('keeps one table: the maintenance has nothing to do', async () => {
    const knex = await databases.init('SQLITE_3');
    await migrateClient(knex);
    const store = new EventStore(knex);
    await store.insert([
      deployment('past', '2020-02-10T00:00:00Z'),
      deployment('future', '2031-06-10T00:00:00Z'),
    ]);
    await expect(
      new EventPartitions(knex).maintain({
        now: new Date('2026-12-04T12:00:00Z'),
      }),
    ).resolves.toEqual({ made: [], moved: 0 });
    const tables = await knex('sqlite_master')
      .where({ type: 'table' })
      .andWhere('name', 'like', 'delivery_event%')
      .pluck('name');
    expect(tables).toEqual(['delivery_events']);
    expect(await knex('delivery_events').count({ n: '*' })).toEqual([{ n: 2 }]);
  });
});
