// @ts-check

/**
 * Canvases: one row per entity with its current content and version, plus one
 * revision row per accepted write (who, when, which sections changed).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('canvases', table => {
    table.comment('The current System Transformation Canvas of each entity');
    table.string('entity_ref', 255).primary().notNullable();
    table.integer('version').notNullable();
    table.text('content').notNullable().comment('CanvasContent as JSON');
    table.string('updated_by', 255).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
  });
  await knex.schema.createTable('canvas_revisions', table => {
    table.comment('Every accepted canvas write, newest version last');
    table.increments('id');
    table.string('entity_ref', 255).notNullable();
    table.integer('version').notNullable();
    table.text('content').notNullable();
    table
      .text('changed_sections')
      .notNullable()
      .comment('JSON array of section ids');
    table.string('changed_by', 255).notNullable();
    table.timestamp('changed_at', { useTz: true }).notNullable();
    table.unique(['entity_ref', 'version']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('canvas_revisions');
  await knex.schema.dropTable('canvases');
};
