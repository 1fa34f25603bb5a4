// @ts-check

/**
 * The unit of a roadmap item's before and after values (`h`, `%`,
 * `builds/week`), so that the board shows "31 h → 19 h" and not bare
 * numbers. Items stored before have none (null) and keep showing plain
 * numbers.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('roadmap_items', table => {
    table
      .string('metric_unit', 16)
      .nullable()
      .comment('unit of metric_before and metric_after, e.g. h or %');
  });
};

/**
 * Without the column: the values stay, their units are lost.
 *
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('roadmap_items', table => {
    table.dropColumn('metric_unit');
  });
};
