import {
  SloEvaluation,
  SloStatus,
} from '@system-product/backstage-plugin-common';
import { Knex } from 'knex';

/** History of scheduled SLO evaluations. */
export class SloStatusStore {
  constructor(private readonly db: Knex) {}

  /** The status the previous evaluation found, if any. */
  async latest(
    entityRef: string,
    sloName: string,
  ): Promise<SloStatus | undefined> {
    const row = await this.db('slo_status_history')
      .where({ entity_ref: entityRef, slo_name: sloName })
      .orderBy('evaluated_at', 'desc')
      .first('status');
    return row?.status;
  }

  async record(
    entityRef: string,
    sloName: string,
    evaluation: SloEvaluation,
    at: Date,
  ): Promise<void> {
    await this.db('slo_status_history').insert({
      entity_ref: entityRef,
      slo_name: sloName,
      evaluated_at: at,
      status: evaluation.status,
      sli: evaluation.sli,
      remaining: evaluation.remaining,
    });
  }
}
