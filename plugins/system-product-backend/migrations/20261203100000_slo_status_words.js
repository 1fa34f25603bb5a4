// @ts-check

/**
 * SLO states are named after the objective: an SLO is met, at risk, breached
 * or has no data. Stored evaluations move from the old words, so a trend and
 * the portfolio read one vocabulary. The old "breaching" also covered a fast
 * burn with the objective still met; those rows cannot be told apart now and
 * read as breached.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  for (const table of ['slo_status_history', 'slo_status_latest']) {
    await knex(table).where({ status: 'healthy' }).update({ status: 'met' });
    await knex(table)
      .where({ status: 'breaching' })
      .update({ status: 'breached' });
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  for (const table of ['slo_status_history', 'slo_status_latest']) {
    await knex(table).where({ status: 'met' }).update({ status: 'healthy' });
    await knex(table)
      .where({ status: 'breached' })
      .update({ status: 'breaching' });
  }
};
