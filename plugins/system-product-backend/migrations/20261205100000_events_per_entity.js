// @ts-check

/**
 * Events of tools (GitHub, GitLab, PagerDuty webhooks) belong to every
 * system product that claims their subject, so one event may be stored for
 * several entities: an event id is now unique per entity, not overall.
 * Deployments that name their commit by sha wait in `commit_scope` and
 * `commit_sha` for the commit's time, kept in `delivery_commits`, whichever
 * arrives first.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('delivery_events', table => {
    table.dropPrimary();
  });
  await knex.schema.alterTable('delivery_events', table => {
    table.primary(['entity_ref', 'event_id']);
    table
      .string('commit_scope', 300)
      .nullable()
      .comment('deployment of a tool: the repository, e.g. github:acme/shop');
    table
      .string('commit_sha', 64)
      .nullable()
      .comment('deployment of a tool: the deployed commit');
    table.index(['commit_scope', 'commit_sha'], 'delivery_events_commit_idx');
  });
  await knex.schema.createTable('delivery_commits', table => {
    table.comment('Commit times seen in push and pipeline events of tools');
    table
      .string('scope', 300)
      .notNullable()
      .comment('the repository, e.g. github:acme/shop');
    table.string('sha', 64).notNullable();
    table.timestamp('committed_at', { useTz: true }).notNullable();
    table.timestamp('received_at', { useTz: true }).notNullable();
    table.primary(['scope', 'sha']);
  });
};

/**
 * Back to one row per event id: of an event stored for several entities,
 * the row of the first entity ref stays.
 *
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex('delivery_events as e')
    .whereExists(
      knex('delivery_events as f')
        .whereRaw('?? = ??', ['f.event_id', 'e.event_id'])
        .andWhereRaw('?? < ??', ['f.entity_ref', 'e.entity_ref'])
        .select(knex.raw('1')),
    )
    .delete();
  await knex.schema.dropTable('delivery_commits');
  await knex.schema.alterTable('delivery_events', table => {
    table.dropIndex(
      ['commit_scope', 'commit_sha'],
      'delivery_events_commit_idx',
    );
    table.dropColumn('commit_scope');
    table.dropColumn('commit_sha');
    table.dropPrimary();
  });
  await knex.schema.alterTable('delivery_events', table => {
    table.primary(['event_id']);
  });
};
