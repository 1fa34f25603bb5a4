import { SloEvaluation } from '@system-product/backstage-plugin-common';
import { Knex } from 'knex';

/** The latest evaluation of one SLO, and the definition it evaluated. */
export interface StoredSloEvaluation {
  /** Digest of the definition evaluated. */
  definitionKey: string;
  evaluation: SloEvaluation;
}

/**
 * The latest evaluation of each SLO (`slo_evaluations`), whole, as the SLO
 * routes serve it.
 */
export class SloEvaluationStore {
  constructor(private readonly db: Knex) {}

  /** The stored evaluations of an entity's SLOs, by SLO name. */
  async list(entityRef: string): Promise<Map<string, StoredSloEvaluation>> {
    const rows = await this.db('slo_evaluations')
      .where({ entity_ref: entityRef })
      .select('slo_name', 'definition_key', 'evaluation');
    return new Map(
      rows.map(row => [
        row.slo_name,
        {
          definitionKey: row.definition_key,
          evaluation: JSON.parse(row.evaluation),
        },
      ]),
    );
  }

  /**
   * Stores evaluations of an entity's SLOs. A stored evaluation is replaced
   * only by one of the same instant or later, so a slow evaluation never
   * overwrites a newer one made meanwhile.
   */
  async put(
    entityRef: string,
    items: Array<{ name: string } & StoredSloEvaluation>,
  ): Promise<void> {
    if (items.length === 0) return;
    const rows = [
      // One row per SLO name, should a caller list a name twice.
      ...new Map(
        items.map(item => [
          item.name,
          {
            entity_ref: entityRef,
            slo_name: item.name,
            definition_key: item.definitionKey,
            evaluated_at: new Date(
              item.evaluation.evaluatedAt ?? item.evaluation.window.to,
            ),
            evaluation: JSON.stringify(item.evaluation),
          },
        ]),
      ).values(),
    ];
    await this.db('slo_evaluations')
      .insert(rows)
      .onConflict(['entity_ref', 'slo_name'])
      .merge(['definition_key', 'evaluated_at', 'evaluation'])
      .where(
        'slo_evaluations.evaluated_at',
        '<=',
        this.db.ref('excluded.evaluated_at'),
      );
  }

  /** Forgets the stored evaluation of one SLO (an SLO removed). */
  async delete(entityRef: string, sloName: string): Promise<void> {
    await this.db('slo_evaluations')
      .where({ entity_ref: entityRef, slo_name: sloName })
      .delete();
  }
}
