// @ts-check

/**
 * The latest scheduled evaluation of each SLO, replaced by every run: what
 * alerts compare against and what the portfolio shows, read without scanning
 * the history (which grows by one row per SLO and run). Filled from the
 * newest history row of each SLO; the next run replaces an entity's rows.
 * Also indexes the history by age, for its daily prune.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('slo_status_latest', table => {
    table.comment('The latest scheduled evaluation of each SLO');
    table.string('entity_ref', 255).notNullable();
    table.string('slo_name', 63).notNullable();
    table.timestamp('evaluated_at', { useTz: true }).notNullable();
    table.string('status', 20).notNullable();
    table.double('sli').nullable();
    table.double('remaining').nullable();
    table.primary(['entity_ref', 'slo_name']);
  });
  // The daily prune of old history deletes by age alone.
  await knex.schema.alterTable('slo_status_history', table => {
    table.index(['evaluated_at'], 'slo_status_history_age_idx');
  });
  await knex
    .insert(
      knex('slo_status_history as h')
        // The newest row of each SLO (the index answers each probe).
        .whereNotExists(
          knex('slo_status_history as newer')
            .whereRaw('newer.entity_ref = h.entity_ref')
            .andWhereRaw('newer.slo_name = h.slo_name')
            .andWhereRaw(
              '(newer.evaluated_at > h.evaluated_at or (newer.evaluated_at = h.evaluated_at and newer.id > h.id))',
            )
            .select(knex.raw('1')),
        )
        .select(
          'h.entity_ref',
          'h.slo_name',
          'h.evaluated_at',
          'h.status',
          'h.sli',
          'h.remaining',
        ),
    )
    .into(
      knex.raw('?? (??, ??, ??, ??, ??, ??)', [
        'slo_status_latest',
        'entity_ref',
        'slo_name',
        'evaluated_at',
        'status',
        'sli',
        'remaining',
      ]),
    );
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('slo_status_history', table => {
    table.dropIndex(['evaluated_at'], 'slo_status_history_age_idx');
  });
  await knex.schema.dropTable('slo_status_latest');
};
