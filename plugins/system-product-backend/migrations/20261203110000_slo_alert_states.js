// @ts-check

/**
 * The state of each burn-rate condition of an SLO's OpenSLO alert policies,
 * kept by the scheduled evaluation: since when the condition has held (it
 * fires once it has held for its alertAfter) and whether it is firing, so a
 * resolution is noticed and each episode notifies once.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('slo_alert_states', table => {
    table.string('entity_ref', 255).notNullable();
    table.string('slo_name', 63).notNullable();
    table.string('policy', 255).notNullable();
    table.string('condition', 255).notNullable();
    table.timestamp('holding_since', { useTz: true }).nullable();
    table.boolean('firing').notNullable().defaultTo(false);
    table.primary(['entity_ref', 'slo_name', 'policy', 'condition']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('slo_alert_states');
};
