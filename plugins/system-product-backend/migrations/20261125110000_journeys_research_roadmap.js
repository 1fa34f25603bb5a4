// @ts-check

// The article's research questions, then satisfaction, ease and knowledge
// accessibility. Kept here (not imported) so the migration never changes.
const PLATFORM_PULSE_QUESTIONS = [
  { id: 'time', kind: 'text', prompt: 'Where do you spend most of your time?' },
  {
    id: 'complex',
    kind: 'text',
    prompt: 'What tasks feel unnecessarily complex?',
  },
  {
    id: 'recurring',
    kind: 'text',
    prompt: 'Where do you see recurring problems?',
  },
  {
    id: 'easier',
    kind: 'text',
    prompt: 'What would make your work more efficient or enjoyable?',
  },
  {
    id: 'nps',
    kind: 'nps',
    prompt: 'How likely are you to recommend this system to a colleague?',
  },
  {
    id: 'csat',
    kind: 'csat',
    prompt: 'How satisfied are you with this system?',
  },
  { id: 'ease', kind: 'likert', prompt: 'This system is easy to use' },
  {
    id: 'knowledge',
    kind: 'likert',
    prompt: 'I can find the information I need',
  },
];

/**
 * Journeys (stages and touchpoints), friction reports, surveys (templates,
 * rounds, responses and the per-question counts kept current with every
 * answer) and roadmap items.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('plugin_settings', table => {
    table.comment(
      'Values the plugin generates once, e.g. the respondent key secret',
    );
    table.string('key', 64).primary();
    table.text('value').notNullable();
  });
  await knex.schema.createTable('journeys', table => {
    table.comment(
      'One journey map per entity; version guards concurrent edits',
    );
    table.string('entity_ref', 255).primary();
    table.integer('version').notNullable();
    table.string('updated_by', 255).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
  });
  await knex.schema.createTable('journey_stages', table => {
    table.string('id', 64).primary();
    table
      .string('entity_ref', 255)
      .notNullable()
      .references('entity_ref')
      .inTable('journeys')
      .onDelete('CASCADE');
    table.integer('position').notNullable();
    table.string('name', 200).notNullable();
    table.text('description').notNullable();
    table.index(['entity_ref', 'position'], 'journey_stages_entity_idx');
  });
  await knex.schema.createTable('touchpoints', table => {
    table.string('id', 64).primary();
    table
      .string('stage_id', 64)
      .notNullable()
      .references('id')
      .inTable('journey_stages')
      .onDelete('CASCADE');
    table.string('entity_ref', 255).notNullable();
    table.integer('position').notNullable();
    table.string('name', 200).notNullable();
    table.integer('expected_minutes').nullable();
    table.text('failure_modes').notNullable().comment('JSON array of strings');
    table.string('owner', 255).nullable();
    table.index(['entity_ref'], 'touchpoints_entity_idx');
  });
  await knex.schema.createTable('friction_reports', table => {
    table.comment('Who reported is kept only as an HMAC and never returned');
    table.increments('id');
    table.string('entity_ref', 255).notNullable();
    table
      .string('touchpoint_id', 64)
      .notNullable()
      .references('id')
      .inTable('touchpoints')
      .onDelete('CASCADE');
    table.integer('severity').notNullable();
    table.text('text').notNullable();
    table.string('reporter_key', 64).notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.index(
      ['entity_ref', 'touchpoint_id'],
      'friction_reports_touchpoint_idx',
    );
  });

  await knex.schema.createTable('survey_templates', table => {
    table.string('id', 64).primary();
    table.string('title', 200).notNullable();
    table
      .text('questions')
      .notNullable()
      .comment('JSON array of SurveyQuestion');
  });
  await knex.schema.createTable('survey_rounds', table => {
    table.string('id', 64).primary();
    table.string('entity_ref', 255).notNullable();
    table
      .string('template_id', 64)
      .notNullable()
      .references('id')
      .inTable('survey_templates');
    table.string('title', 200).notNullable();
    table.timestamp('opens_at', { useTz: true }).notNullable();
    table.timestamp('closes_at', { useTz: true }).notNullable();
    table
      .text('target_groups')
      .notNullable()
      .comment('JSON array of entity refs');
    table.integer('response_count').notNullable().defaultTo(0);
    table.string('created_by', 255).notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.index(['entity_ref', 'opens_at'], 'survey_rounds_entity_idx');
  });
  await knex.schema.createTable('survey_responses', table => {
    table.comment('One row per person and round; the person only as an HMAC');
    table.increments('id');
    table
      .string('round_id', 64)
      .notNullable()
      .references('id')
      .inTable('survey_rounds')
      .onDelete('CASCADE');
    table.string('respondent_key', 64).notNullable();
    table
      .text('answers')
      .notNullable()
      .comment('JSON object: question id to answer');
    table.timestamp('submitted_at', { useTz: true }).notNullable();
    table.unique(['round_id', 'respondent_key']);
  });
  await knex.schema.createTable('survey_answer_counts', table => {
    table.comment(
      'How many current responses gave each value to each scored question',
    );
    table
      .string('round_id', 64)
      .notNullable()
      .references('id')
      .inTable('survey_rounds')
      .onDelete('CASCADE');
    table.string('question_id', 64).notNullable();
    table.integer('value').notNullable();
    table.integer('count').notNullable();
    table.primary(['round_id', 'question_id', 'value']);
  });
  await knex.schema.createTable('survey_text_answers', table => {
    table.increments('id');
    table
      .integer('response_id')
      .unsigned()
      .notNullable()
      .references('id')
      .inTable('survey_responses')
      .onDelete('CASCADE');
    table.string('round_id', 64).notNullable();
    table.string('question_id', 64).notNullable();
    table.text('text').notNullable();
    table.index(['round_id', 'question_id'], 'survey_text_answers_round_idx');
  });

  await knex.schema.createTable('roadmap_items', table => {
    table.string('id', 64).primary();
    table.string('entity_ref', 255).notNullable();
    table.integer('version').notNullable();
    table.string('title', 200).notNullable();
    table.text('description').notNullable();
    table.string('kind', 20).notNullable().comment('quick-win | strategic');
    table
      .string('status', 20)
      .notNullable()
      .comment('idea | planned | in-progress | shipped | dropped');
    table.string('owner', 255).nullable();
    table.date('target_date').nullable();
    table
      .text('milestones')
      .notNullable()
      .comment('JSON array of { title, done }');
    table.text('pain_points').notNullable().comment('JSON array of strings');
    table
      .text('touchpoint_ids')
      .notNullable()
      .comment('JSON array of touchpoint ids');
    table
      .string('metric', 200)
      .nullable()
      .comment('SLO name or metric it should move');
    table.float('metric_before').nullable();
    table.float('metric_after').nullable();
    table.timestamp('shipped_at', { useTz: true }).nullable();
    table.string('updated_by', 255).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.index(['entity_ref', 'status'], 'roadmap_items_entity_idx');
  });

  await knex('survey_templates').insert({
    id: 'platform-pulse',
    title: 'Platform pulse',
    questions: JSON.stringify(PLATFORM_PULSE_QUESTIONS),
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  for (const table of [
    'roadmap_items',
    'survey_text_answers',
    'survey_answer_counts',
    'survey_responses',
    'survey_rounds',
    'survey_templates',
    'friction_reports',
    'touchpoints',
    'journey_stages',
    'journeys',
    'plugin_settings',
  ]) {
    await knex.schema.dropTable(table);
  }
};
