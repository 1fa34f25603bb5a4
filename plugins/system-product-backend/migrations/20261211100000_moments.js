// @ts-check

/**
 * Moments: micro-surveys a delivery event triggers. An owner defines a
 * trigger (which events, one 1–5 question and an optional text, a sampling
 * rate, a cooldown per person); the person behind a matching event may get a
 * prompt, kept with a keyed hash of them (the same key for one person across
 * all systems, so that the fatigue cap holds across them) and never their
 * ref. Answers go into a survey round of the trigger per calendar month
 * (`survey_rounds.trigger_id`), k-anonymous like every round, with the
 * built-in `moment` template.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('moment_triggers', table => {
    table.comment('Micro-surveys: which events prompt whom, how often');
    table.string('id', 64).primary();
    table.string('entity_ref', 255).notNullable();
    table.string('event_type', 32).notNullable();
    table
      .string('outcome', 16)
      .notNullable()
      .comment('any, succeeded or failed');
    table.string('environment', 64).nullable();
    table.string('touchpoint_id', 64).nullable();
    table.string('question', 200).notNullable();
    table.string('text_question', 200).nullable();
    table.float('sample_rate').notNullable();
    table.integer('cooldown_days').notNullable();
    table.string('created_by', 255).notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.index(['entity_ref', 'event_type'], 'moment_triggers_entity_idx');
  });
  await knex.schema.createTable('moment_prompts', table => {
    table.comment(
      'Who was prompted is kept only as an HMAC and never returned',
    );
    table.string('id', 64).primary();
    table
      .string('trigger_id', 64)
      .notNullable()
      .references('id')
      .inTable('moment_triggers')
      .onDelete('CASCADE');
    table.string('person_key', 64).notNullable();
    table.string('event_id', 128).notNullable();
    table.string('event_summary', 300).notNullable();
    table.timestamp('prompted_at', { useTz: true }).notNullable();
    table.timestamp('expires_at', { useTz: true }).notNullable();
    table.timestamp('answered_at', { useTz: true }).nullable();
    table.unique(['trigger_id', 'event_id']);
    table.index(['person_key', 'prompted_at'], 'moment_prompts_person_idx');
  });
  await knex.schema.alterTable('survey_rounds', table => {
    table
      .string('trigger_id', 64)
      .nullable()
      .comment('The moment trigger whose answers of one month it collects');
    // One round a trigger and month (rows without a trigger never collide).
    table.unique(['trigger_id', 'opens_at'], {
      indexName: 'survey_rounds_trigger_month_uq',
    });
  });
  await knex('survey_templates').insert({
    id: 'moment',
    title: 'Moment',
    questions: JSON.stringify([
      { id: 'moment', kind: 'csat', prompt: 'How did it go?' },
      {
        id: 'moment-text',
        kind: 'text',
        prompt: 'What could have been better?',
      },
    ]),
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex('survey_rounds').whereNotNull('trigger_id').delete();
  await knex.schema.alterTable('survey_rounds', table => {
    table.dropUnique(
      ['trigger_id', 'opens_at'],
      'survey_rounds_trigger_month_uq',
    );
    table.dropColumn('trigger_id');
  });
  await knex('survey_templates').where({ id: 'moment' }).delete();
  await knex.schema.dropTable('moment_prompts');
  await knex.schema.dropTable('moment_triggers');
};
