// @ts-check

/**
 * "Me too" on a touchpoint's friction: people who add their weight to what
 * others reported there without writing a report of their own. Each person
 * counts once per touchpoint, kept only as the same keyed hash as their
 * friction reports (an HMAC of the entity and the user ref).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('friction_me_too', table => {
    table.comment(
      'Who said "me too" is kept only as an HMAC and never returned',
    );
    table.string('entity_ref', 255).notNullable();
    table
      .string('touchpoint_id', 64)
      .notNullable()
      .references('id')
      .inTable('touchpoints')
      .onDelete('CASCADE');
    table.string('person_key', 64).notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.primary(['entity_ref', 'touchpoint_id', 'person_key']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('friction_me_too');
};
