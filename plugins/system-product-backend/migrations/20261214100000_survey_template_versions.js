// @ts-check

/**
 * Survey templates teams can shape, kept in versions so that a round keeps
 * the questions it was opened with when its template changes.
 *
 * - `survey_template_versions`: every version of every template, never
 *   changed once written.
 * - `survey_templates.source`: `built-in` (platform-pulse, moment), `config`
 *   (systemProduct.survey.templates) or `owner` (made by an entity's owners
 *   through the API); `entity_ref`: the entity of an owner template, usable
 *   only for rounds on it; `version`: the current version, whose title and
 *   questions `title` and `questions` hold as before; `retired_at`: when a
 *   config template left app-config (its rounds still read it, new rounds
 *   cannot use it).
 * - `survey_rounds.template_version`: the version a round was opened with.
 * - `survey_question_respondents`: how many current responses answered each
 *   multiple-choice question, moved in the answer's transaction like the
 *   value counts (its option counts add up to more than its respondents).
 *
 * Templates and rounds stored before are version 1.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('survey_template_versions', table => {
    table.comment('Every version of every survey template, never changed');
    table
      .string('template_id', 64)
      .notNullable()
      .references('id')
      .inTable('survey_templates');
    table.integer('version').notNullable();
    table.string('title', 200).notNullable();
    table.text('description').nullable();
    table
      .text('questions')
      .notNullable()
      .comment('JSON array of SurveyQuestion');
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.string('created_by', 255).notNullable();
    table.primary(['template_id', 'version']);
  });
  await knex.schema.alterTable('survey_templates', table => {
    // Templates other than the two built in could only have been added by
    // hand: they count as app-config's, offered while app-config names them.
    table
      .string('source', 16)
      .notNullable()
      .defaultTo('config')
      .comment('built-in, config or owner');
    table
      .string('entity_ref', 255)
      .nullable()
      .comment('The entity an owner template belongs to');
    table
      .integer('version')
      .notNullable()
      .defaultTo(1)
      .comment('The current version');
    table
      .timestamp('retired_at', { useTz: true })
      .nullable()
      .comment('When it left app-config; its rounds still read it');
    table.index(['entity_ref'], 'survey_templates_entity_idx');
  });
  await knex('survey_templates')
    .whereIn('id', ['platform-pulse', 'moment'])
    .update({ source: 'built-in' });
  const templates = await knex('survey_templates').select(
    'id',
    'title',
    'questions',
    'source',
  );
  const now = new Date();
  for (const template of templates) {
    await knex('survey_template_versions').insert({
      template_id: template.id,
      version: 1,
      title: template.title,
      description: null,
      questions: template.questions,
      created_at: now,
      created_by:
        template.source === 'built-in' ? 'system-product' : 'app-config',
    });
  }
  await knex.schema.alterTable('survey_rounds', table => {
    // Every round stored before was opened with version 1; every round
    // opened from now on names its version.
    table
      .integer('template_version')
      .notNullable()
      .defaultTo(1)
      .comment('The template version whose questions the round keeps');
  });
  await knex.schema.createTable('survey_question_respondents', table => {
    table.comment(
      'How many current responses answered each multiple-choice question',
    );
    table
      .string('round_id', 64)
      .notNullable()
      .references('id')
      .inTable('survey_rounds')
      .onDelete('CASCADE');
    table.string('question_id', 64).notNullable();
    table.integer('count').notNullable();
    table.primary(['round_id', 'question_id']);
  });
};

/**
 * Templates keep their current title and questions; their older versions,
 * and which version a round was opened with, are gone.
 *
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('survey_question_respondents');
  await knex.schema.alterTable('survey_rounds', table => {
    table.dropColumn('template_version');
  });
  await knex.schema.dropTable('survey_template_versions');
  await knex.schema.alterTable('survey_templates', table => {
    table.dropIndex(['entity_ref'], 'survey_templates_entity_idx');
    table.dropColumn('retired_at');
    table.dropColumn('version');
    table.dropColumn('entity_ref');
    table.dropColumn('source');
  });
};
