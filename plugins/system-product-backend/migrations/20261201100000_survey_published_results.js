// @ts-check

/**
 * The published results of each survey round: what a reader sees, refreshed
 * only once at least k new responses arrived since the last publication, so
 * that watching the results never isolates one answer (differencing).
 *
 * - `survey_rounds.published_responses`: responses behind the last publication
 *   (0: never published); `published_at`: when.
 * - `survey_published_questions`: per question, how many had answered it at
 *   the last publication (`answered`) and how many answers stand behind its
 *   published figures (`shown`; 0 while they were never published).
 * - `survey_published_counts`, `survey_published_texts`: the published figures.
 *
 * Rounds answered before this migration publish on their next read or answer.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('survey_rounds', table => {
    table.integer('published_responses').notNullable().defaultTo(0);
    table.timestamp('published_at', { useTz: true }).nullable();
  });
  const roundId = (
    /** @type {import('knex').Knex.CreateTableBuilder} */ table,
  ) =>
    table
      .string('round_id', 64)
      .notNullable()
      .references('id')
      .inTable('survey_rounds')
      .onDelete('CASCADE');
  await knex.schema.createTable('survey_published_questions', table => {
    table.comment('Per question of a round, its state at the last publication');
    roundId(table);
    table.string('question_id', 64).notNullable();
    table.integer('answered').notNullable();
    table.integer('shown').notNullable();
    table.primary(['round_id', 'question_id']);
  });
  await knex.schema.createTable('survey_published_counts', table => {
    table.comment('Published value counts of each scored question');
    roundId(table);
    table.string('question_id', 64).notNullable();
    table.integer('value').notNullable();
    table.integer('count').notNullable();
    table.primary(['round_id', 'question_id', 'value']);
  });
  await knex.schema.createTable('survey_published_texts', table => {
    table.comment('Published free-text answers, never linked to a response');
    table.increments('id');
    roundId(table);
    table.string('question_id', 64).notNullable();
    table.text('text').notNullable();
    table.index(['round_id', 'question_id'], 'survey_published_texts_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('survey_published_texts');
  await knex.schema.dropTable('survey_published_counts');
  await knex.schema.dropTable('survey_published_questions');
  await knex.schema.alterTable('survey_rounds', table => {
    table.dropColumn('published_at');
    table.dropColumn('published_responses');
  });
};
