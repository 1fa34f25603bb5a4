// @ts-check

/**
 * The latest evaluation of each SLO, whole, as the SLO routes serve it: made
 * by the scheduled job, after writes that change an SLO's events, and on the
 * first read of a new or changed SLO. `definition_key` is a digest of the
 * definition evaluated, so an SLO whose definition changed is evaluated again
 * instead of served from the old one. Starts empty: every SLO is evaluated
 * once on its first read or by the next scheduled run.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('slo_evaluations', table => {
    table.comment('The latest evaluation of each SLO, as the routes serve it');
    table.string('entity_ref', 255).notNullable();
    table.string('slo_name', 63).notNullable();
    table.string('definition_key', 64).notNullable();
    table.timestamp('evaluated_at', { useTz: true }).notNullable();
    table.text('evaluation').notNullable();
    table.primary(['entity_ref', 'slo_name']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('slo_evaluations');
};
