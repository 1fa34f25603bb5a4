// @ts-check

/**
 * The pipeline a build or deployment ran in, so that an SLO can be about one
 * pipeline (OpenSLO metric source `filter: { pipeline: docs }`).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('delivery_events', table => {
    table.string('pipeline', 100).nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('delivery_events', table => {
    table.dropColumn('pipeline');
  });
};
