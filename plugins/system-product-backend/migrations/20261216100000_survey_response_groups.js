// @ts-check

/**
 * Survey results by the respondents' groups (the catalog groups a user was a
 * direct member of when answering), under the same differencing rule as the
 * round's results.
 *
 * - `survey_response_groups`: the groups of each response, by group ref only
 *   (never the user); replaced with a changed answer, gone with the response.
 * - `survey_group_answer_counts`, `survey_group_answered`: per group, the kept
 *   value counts of its respondents' answers and how many of them answered
 *   each question (free-text questions never), moved with every answer.
 * - `survey_published_groups`: per group, its respondents at the last
 *   publication (`respondents`), the respondents behind its published cell
 *   (`shown`; 0 while never published) and whether the guards let it show.
 * - `survey_published_group_questions`, `survey_published_group_counts`: the
 *   published figures of each cell, with the answers behind each question's.
 *
 * Responses given before this migration belong to no group.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  const roundId = (
    /** @type {import('knex').Knex.CreateTableBuilder} */ table,
  ) =>
    table
      .string('round_id', 64)
      .notNullable()
      .references('id')
      .inTable('survey_rounds')
      .onDelete('CASCADE');
  const groupRef = (
    /** @type {import('knex').Knex.CreateTableBuilder} */ table,
  ) => table.string('group_ref', 255).notNullable();
  await knex.schema.createTable('survey_response_groups', table => {
    table.comment('The groups of each response: group refs only, never a user');
    table
      .integer('response_id')
      .unsigned()
      .notNullable()
      .references('id')
      .inTable('survey_responses')
      .onDelete('CASCADE');
    roundId(table);
    groupRef(table);
    table.primary(['response_id', 'group_ref']);
    table.index(['round_id', 'group_ref'], 'survey_response_groups_round_idx');
  });
  await knex.schema.createTable('survey_group_answer_counts', table => {
    table.comment(
      'How many current responses of a group gave each value to each question',
    );
    roundId(table);
    groupRef(table);
    table.string('question_id', 64).notNullable();
    table.integer('value').notNullable();
    table.integer('count').notNullable();
    table.primary(['round_id', 'group_ref', 'question_id', 'value']);
  });
  await knex.schema.createTable('survey_group_answered', table => {
    table.comment('How many current responses of a group answered a question');
    roundId(table);
    groupRef(table);
    table.string('question_id', 64).notNullable();
    table.integer('count').notNullable();
    table.primary(['round_id', 'group_ref', 'question_id']);
  });
  await knex.schema.createTable('survey_published_groups', table => {
    table.comment('Per group of a round, its cell at the last publication');
    roundId(table);
    groupRef(table);
    table.integer('respondents').notNullable();
    table.integer('shown').notNullable();
    table.boolean('visible').notNullable();
    table.primary(['round_id', 'group_ref']);
  });
  await knex.schema.createTable('survey_published_group_questions', table => {
    table.comment(
      'Answers behind the published figures of a question in a cell',
    );
    roundId(table);
    groupRef(table);
    table.string('question_id', 64).notNullable();
    table.integer('shown').notNullable();
    table.primary(['round_id', 'group_ref', 'question_id']);
  });
  await knex.schema.createTable('survey_published_group_counts', table => {
    table.comment('Published value counts of a question in a cell');
    roundId(table);
    groupRef(table);
    table.string('question_id', 64).notNullable();
    table.integer('value').notNullable();
    table.integer('count').notNullable();
    table.primary(['round_id', 'group_ref', 'question_id', 'value']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('survey_published_group_counts');
  await knex.schema.dropTable('survey_published_group_questions');
  await knex.schema.dropTable('survey_published_groups');
  await knex.schema.dropTable('survey_group_answered');
  await knex.schema.dropTable('survey_group_answer_counts');
  await knex.schema.dropTable('survey_response_groups');
};
