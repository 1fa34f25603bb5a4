// @ts-check

/**
 * When the owners were told that a survey round closed: the scheduled job
 * tells them once per round. Rounds closed before this migration count as
 * told, so its first run does not announce old rounds.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('survey_rounds', table => {
    table.timestamp('closed_notice_at', { useTz: true }).nullable();
  });
  await knex('survey_rounds')
    .where('closes_at', '<=', new Date())
    .update({ closed_notice_at: knex.ref('closes_at') });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('survey_rounds', table => {
    table.dropColumn('closed_notice_at');
  });
};
