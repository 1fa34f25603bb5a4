// @ts-check

/**
 * Moments a page of the portal triggers: a trigger of event type `page`
 * names the path (a prefix, whole segments) whose visit may prompt the
 * visitor. Page triggers of every entity are read on each visit, so they
 * have an index of their own.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('moment_triggers', table => {
    table
      .string('page_path', 255)
      .nullable()
      .comment('For event type page: the path whose visits prompt');
    table.index(['event_type', 'created_at'], 'moment_triggers_type_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex('moment_triggers').where({ event_type: 'page' }).delete();
  await knex.schema.alterTable('moment_triggers', table => {
    table.dropIndex(['event_type', 'created_at'], 'moment_triggers_type_idx');
    table.dropColumn('page_path');
  });
};
