// @ts-check

/**
 * The incident a deployment was made to remediate (the event id of the
 * incident), for DORA's deployment rework rate; and an index on the
 * deployment an incident names, for the change fail rate and the
 * failed-deployment recovery time, which look incidents up by it.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('delivery_events', table => {
    table
      .string('remediates', 128)
      .nullable()
      .comment('deployment: event id of the incident it remediates');
    table.index(['caused_by'], 'delivery_events_caused_by_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('delivery_events', table => {
    table.dropIndex(['caused_by'], 'delivery_events_caused_by_idx');
    table.dropColumn('remediates');
  });
};
