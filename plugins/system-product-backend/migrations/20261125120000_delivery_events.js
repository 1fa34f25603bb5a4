// @ts-check

/**
 * Delivery events that feed the SLOs: deployments, incidents, support
 * tickets, builds and custom measurements. The client's event id makes
 * ingestion idempotent. Durations are derived at ingestion into numeric
 * columns so the SLIs aggregate in SQL.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('delivery_events', table => {
    table.comment('Events pipelines and tools post to /events');
    table.string('event_id', 128).primary().comment("The client's id");
    table.string('entity_ref', 255).notNullable();
    table
      .string('type', 20)
      .notNullable()
      .comment('deployment | incident | ticket | build | custom');
    table.timestamp('occurred_at', { useTz: true }).notNullable();
    table.boolean('succeeded').nullable();
    table.string('environment', 64).nullable();
    table.string('name', 100).nullable().comment('custom measurement name');
    table.double('value').nullable().comment('custom measurement value');
    table
      .double('lead_seconds')
      .nullable()
      .comment('deployment: commit to deploy');
    table
      .double('detect_seconds')
      .nullable()
      .comment('incident: start to detection');
    table
      .double('restore_seconds')
      .nullable()
      .comment('incident: start to resolution');
    table
      .double('response_seconds')
      .nullable()
      .comment('ticket: opened to first response');
    table
      .double('resolve_seconds')
      .nullable()
      .comment('ticket: opened to resolution');
    table.double('duration_seconds').nullable().comment('build duration');
    table
      .string('caused_by', 128)
      .nullable()
      .comment('incident: event id of the deployment');
    table.text('payload').notNullable().comment('the event as posted, JSON');
    table.timestamp('received_at', { useTz: true }).notNullable();
    table.index(
      ['entity_ref', 'type', 'occurred_at'],
      'delivery_events_entity_type_time_idx',
    );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('delivery_events');
};
