// @ts-check

/**
 * Rollups of SLIs over delivery events: for each entity and counting rule
 * (which events an SLO's indicator counts and which of them are good), the
 * events and matches per minute and per hour, kept in the transaction that
 * stores or changes an event. A series is filled from the stored events
 * once, when an SLO first needs it; `ready_at` is set when that is done.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('sli_rollup_series', table => {
    table.comment('Counting rules of SLIs whose counts are kept per bucket');
    table
      .string('series_id', 64)
      .primary()
      .comment('hash of the entity ref and the rule');
    table.string('entity_ref', 255).notNullable();
    table.string('event_type', 64).notNullable();
    table.text('rule').notNullable().comment('the counting rule, as JSON');
    table.timestamp('created_at', { useTz: true }).notNullable();
    table
      .timestamp('ready_at', { useTz: true })
      .nullable()
      .comment('when the backfill from stored events finished');
    table.index(['entity_ref', 'event_type'], 'sli_rollup_series_entity_idx');
  });
  await knex.schema.createTable('sli_rollup_buckets', table => {
    table.comment('Events and good events of a series per time bucket');
    table.string('series_id', 64).notNullable();
    table
      .integer('resolution_ms')
      .notNullable()
      .comment('bucket length: 60000 or 3600000');
    table
      .bigInteger('bucket_start')
      .notNullable()
      .comment('epoch milliseconds, a multiple of resolution_ms');
    table.bigInteger('total').notNullable();
    table.bigInteger('matched').notNullable();
    table.primary(['series_id', 'resolution_ms', 'bucket_start']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('sli_rollup_buckets');
  await knex.schema.dropTable('sli_rollup_series');
};
