// @ts-check

/**
 * Closing the loop: who reported friction on a touchpoint, said "me too"
 * there or answered a moment about it is told when a roadmap item that
 * addresses it ships. To send that, the plugin keeps each such person once a
 * touchpoint, their user ref sealed (AES-256-GCM under a key derived from
 * the respondent key secret, so a database dump alone tells nobody who) and
 * kept apart from what they said (no report id, only the day). Once told,
 * they are forgotten. `loop_opt_outs` holds the keys of people who asked not
 * to be told; `roadmap_items.loop_notified` how many were told when an item
 * shipped (what owners see: a count, never who).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('loop_followers', table => {
    table.comment('Who to tell when a touchpoint is improved; refs sealed');
    table.string('entity_ref', 255).notNullable();
    table
      .string('touchpoint_id', 64)
      .notNullable()
      .references('id')
      .inTable('touchpoints')
      .onDelete('CASCADE');
    table.string('follower_key', 64).notNullable();
    table.text('sealed_user').notNullable();
    table.string('since_day', 10).notNullable();
    table.primary(['entity_ref', 'touchpoint_id', 'follower_key']);
  });
  await knex.schema.createTable('loop_opt_outs', table => {
    table.comment('People (as an HMAC) who asked not to be told');
    table.string('person_key', 64).primary();
    table.timestamp('created_at', { useTz: true }).notNullable();
  });
  await knex.schema.alterTable('roadmap_items', table => {
    table.integer('loop_notified').nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('roadmap_items', table => {
    table.dropColumn('loop_notified');
  });
  await knex.schema.dropTable('loop_opt_outs');
  await knex.schema.dropTable('loop_followers');
};
