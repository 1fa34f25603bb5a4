// @ts-check

// Quoted as it is into DDL: no quote in it.
const TABLE_COMMENT = 'Events pipelines and tools post to /events';

/** The indexes of delivery_events besides its primary key, as of now. */
const INDEXES = [
  {
    name: 'delivery_events_entity_type_time_idx',
    columns: ['entity_ref', 'type', 'occurred_at'],
  },
  { name: 'delivery_events_caused_by_idx', columns: ['caused_by'] },
  {
    name: 'delivery_events_commit_idx',
    columns: ['commit_scope', 'commit_sha'],
  },
];

/** Months made ahead of now, besides the current one. */
const AHEAD = 3;

/**
 * On PostgreSQL, delivery events are kept in month partitions (declarative
 * partitioning by range of `occurred_at`, UTC months, `delivery_events_p202611`)
 * with a DEFAULT partition (`delivery_events_default`) for any time no month
 * partition was made for, so that retention drops whole months instead of
 * deleting rows. A partitioned table's unique keys include the partition
 * key: the primary key becomes (entity_ref, event_id, occurred_at), and
 * `delivery_event_ids` keeps each (entity_ref, event_id) once, with the time
 * of its event, for ingestion's idempotency.
 *
 * Partitions are made for every month that holds events, up to three months
 * after now, and for every month from now to then; the backend makes the
 * following ones ahead of time and moves events that landed in the default
 * partition into the month partition it makes for them. The stored events
 * are moved into the partitioned table; its columns, comments and indexes
 * are those of the plain table.
 *
 * SQLite keeps one plain table: nothing changes there.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  if (!isPg(knex)) return;
  await knex.raw(
    'alter table delivery_events rename to delivery_events_unpartitioned',
  );
  // The names go to the new table: the old one keeps its rows until copied.
  await knex.raw(
    'alter table delivery_events_unpartitioned drop constraint delivery_events_pkey',
  );
  for (const index of INDEXES) {
    await knex.raw('drop index ??', [index.name]);
  }
  await knex.raw(`
    create table delivery_events (
      like delivery_events_unpartitioned
      including comments including defaults including constraints including storage
    ) partition by range (occurred_at)`);
  await knex.raw(`comment on table delivery_events is '${TABLE_COMMENT}'`);
  await knex.raw(
    'create table delivery_events_default partition of delivery_events default',
  );
  const held = await knex('delivery_events_unpartitioned')
    .distinct(
      knex.raw(
        "(extract(year from occurred_at at time zone 'UTC') * 12 + extract(month from occurred_at at time zone 'UTC') - 1)::int as month",
      ),
    )
    .then(rows => rows.map(r => Number(r.month)));
  for (const month of monthsToMake(held, new Date())) {
    // DDL takes no bound values: the bounds are ISO text, quoted.
    await knex.raw(
      `create table ?? partition of delivery_events for values from ('${monthStart(
        month,
      ).toISOString()}') to ('${monthStart(month + 1).toISOString()}')`,
      [partitionName(month)],
    );
  }
  await knex.raw(
    'insert into delivery_events select * from delivery_events_unpartitioned',
  );
  await knex.raw(
    'alter table delivery_events add constraint delivery_events_pkey primary key (entity_ref, event_id, occurred_at)',
  );
  for (const index of INDEXES) {
    await createIndex(knex, index);
  }

  await knex.schema.createTable('delivery_event_ids', table => {
    table.comment(
      'Each (entity ref, event id) of delivery_events once: what makes ingestion idempotent on a partitioned table',
    );
    table.string('entity_ref', 255).notNullable();
    table.string('event_id', 128).notNullable();
    table
      .timestamp('occurred_at', { useTz: true })
      .notNullable()
      .comment("the event's occurred_at: which partition holds it");
  });
  await knex.raw(`
    insert into delivery_event_ids (entity_ref, event_id, occurred_at)
    select entity_ref, event_id, occurred_at from delivery_events_unpartitioned`);
  await knex.schema.alterTable('delivery_event_ids', table => {
    table.primary(['entity_ref', 'event_id']);
  });
  await knex.schema.dropTable('delivery_events_unpartitioned');
  await knex.raw('analyze delivery_events');
  await knex.raw('analyze delivery_event_ids');
};

/**
 * Back to one plain table with the primary key (entity_ref, event_id). Month
 * partitions that retention detached and had not dropped yet go too.
 *
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  if (!isPg(knex)) return;
  await knex.raw(
    'alter table delivery_events rename to delivery_events_partitioned',
  );
  await knex.raw(
    'alter table delivery_events_partitioned drop constraint delivery_events_pkey',
  );
  for (const index of INDEXES) {
    await knex.raw('drop index ??', [index.name]);
  }
  await knex.raw(`
    create table delivery_events (
      like delivery_events_partitioned
      including comments including defaults including constraints including storage
    )`);
  await knex.raw(`comment on table delivery_events is '${TABLE_COMMENT}'`);
  await knex.raw(
    'alter table delivery_events add constraint delivery_events_pkey primary key (entity_ref, event_id)',
  );
  // delivery_event_ids kept each pair once; a row stored around it (straight
  // into a partition) may not repeat one.
  await knex.raw(`
    insert into delivery_events select * from delivery_events_partitioned
    on conflict (entity_ref, event_id) do nothing`);
  for (const index of INDEXES) {
    await createIndex(knex, index);
  }
  await knex.schema.dropTable('delivery_events_partitioned');
  await knex.schema.dropTable('delivery_event_ids');
  const retired = await knex('pg_tables')
    .where('schemaname', knex.raw('current_schema()'))
    .andWhere('tablename', 'like', 'delivery\\_events\\_retired\\_%')
    .pluck('tablename');
  for (const table of retired) await knex.schema.dropTable(table);
  await knex.raw('analyze delivery_events');
};

/**
 * @param {import('knex').Knex} knex
 * @param {{ name: string, columns: string[] }} index
 */
async function createIndex(knex, index) {
  await knex.raw(
    `create index ?? on delivery_events (${index.columns
      .map(() => '??')
      .join(', ')})`,
    [index.name, ...index.columns],
  );
}

/**
 * The months (year × 12 + month index, UTC) to make partitions for: every
 * month that holds events up to AHEAD months after now's, and every month
 * from now's to then. Other months' events stay in the default partition,
 * as do those of years without four digits (no month name for them).
 *
 * @param {number[]} held
 * @param {Date} now
 * @returns {number[]}
 */
function monthsToMake(held, now) {
  const current = now.getUTCFullYear() * 12 + now.getUTCMonth();
  const months = new Set(held.filter(m => m <= current + AHEAD));
  for (let m = current; m <= current + AHEAD; m++) months.add(m);
  return [...months]
    .filter(m => m >= 1000 * 12 && m < 10000 * 12)
    .sort((a, b) => a - b);
}

/** @param {number} month */
function monthStart(month) {
  return new Date(Date.UTC(Math.floor(month / 12), month % 12, 1));
}

/** @param {number} month */
function partitionName(month) {
  const year = Math.floor(month / 12);
  return `delivery_events_p${year}${String((month % 12) + 1).padStart(2, '0')}`;
}

/** @param {import('knex').Knex} knex */
function isPg(knex) {
  return knex.client.config.client === 'pg';
}
