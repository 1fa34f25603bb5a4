// @ts-check

/**
 * When a roadmap item was first in progress: the start of the "after the
 * work began" comparison (a shipped item's before/after measures the metric
 * before this time against after it shipped). Items started before this
 * migration have none (unknown).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('roadmap_items', table => {
    table
      .timestamp('started_at', { useTz: true })
      .nullable()
      .comment('When the item first moved to in progress; kept after');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('roadmap_items', table => {
    table.dropColumn('started_at');
  });
};
