// @ts-check

/**
 * Roadmap metric values are kept as doubles, so that a value reads back as it
 * was given: as `real` (single precision) PostgreSQL rounded 1234.5678 to
 * 1234.5677 and refused anything beyond 3.4e38. SQLite keeps every REAL in
 * eight bytes already, whatever the declared type; its columns stay.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  if (isSqlite(knex)) return;
  await knex.schema.alterTable('roadmap_items', table => {
    table.double('metric_before').nullable().alter();
    table.double('metric_after').nullable().alter();
  });
};

/**
 * Back to single precision: values are rounded, and one beyond its range
 * would fail the migration, so it is cleared.
 *
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  if (isSqlite(knex)) return;
  const REAL_MAX = 3.4e38;
  for (const column of ['metric_before', 'metric_after']) {
    await knex('roadmap_items')
      .where(column, '>', REAL_MAX)
      .orWhere(column, '<', -REAL_MAX)
      .update({ [column]: null });
  }
  await knex.schema.alterTable('roadmap_items', table => {
    table.float('metric_before').nullable().alter();
    table.float('metric_after').nullable().alter();
  });
};

/** @param {import('knex').Knex} knex */
function isSqlite(knex) {
  const client = String(knex.client.config.client);
  return client === 'sqlite3' || client === 'better-sqlite3';
}
