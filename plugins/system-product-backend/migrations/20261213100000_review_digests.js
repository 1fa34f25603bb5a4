// @ts-check

/**
 * Review digests: per system product, a regular review (weekly or monthly,
 * as its owner chooses in `review_settings`) of what changed in the period
 * before it, kept whole as it was assembled (`review_digests.digest`, JSON),
 * so a past review reads as it did then.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('review_settings', table => {
    table.string('entity_ref', 255).primary();
    table.string('cadence', 16).notNullable().comment('off, weekly or monthly');
    table.string('updated_by', 255).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
  });
  await knex.schema.createTable('review_digests', table => {
    table.comment('Past reviews of a system product, as assembled');
    table.string('id', 64).primary();
    table.string('entity_ref', 255).notNullable();
    table.string('cadence', 16).notNullable();
    table.timestamp('period_from', { useTz: true }).notNullable();
    table.timestamp('period_to', { useTz: true }).notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.text('digest').notNullable();
    // One review of a period: two replicas at once make one.
    table.unique(['entity_ref', 'cadence', 'period_to']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('review_digests');
  await knex.schema.dropTable('review_settings');
};
