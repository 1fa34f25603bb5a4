// @ts-check

/**
 * SLOs made in the portal, next to those of the entity's OpenSLO file. Each
 * is kept as its OpenSLO v1 document, so the parser and the export treat it
 * exactly like an SLO from a file.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('slo_definitions', table => {
    table.string('entity_ref', 255).notNullable();
    table.string('slo_name', 63).notNullable();
    table.text('document').notNullable();
    table.string('created_by', 255).notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.primary(['entity_ref', 'slo_name']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('slo_definitions');
};
