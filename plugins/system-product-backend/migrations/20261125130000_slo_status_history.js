// @ts-check

/**
 * What each scheduled evaluation found, per SLO: the history behind trends and
 * the memory that makes alerts fire once per episode.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('slo_status_history', table => {
    table.increments('id');
    table.string('entity_ref', 255).notNullable();
    table.string('slo_name', 63).notNullable();
    table.timestamp('evaluated_at', { useTz: true }).notNullable();
    table.string('status', 20).notNullable();
    table.double('sli').nullable();
    table.double('remaining').nullable();
    table.index(
      ['entity_ref', 'slo_name', 'evaluated_at'],
      'slo_status_history_idx',
    );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('slo_status_history');
};
