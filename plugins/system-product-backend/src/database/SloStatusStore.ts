import {
  SloEvaluation,
  SloStatus,
  SloStatusPoint,
} from '@system-product/backstage-plugin-common';
import { Knex } from 'knex';
import { toIso } from './dbValues';

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

  /**
   * Evaluations of one SLO since `since`, oldest first: the points of its trend.
   * When there are more than `limit`, the newest `limit` are returned.
   */
  async history(
    entityRef: string,
    sloName: string,
    since: Date,
    limit: number,
  ): Promise<SloStatusPoint[]> {
    const rows = await this.db('slo_status_history')
      .where({ entity_ref: entityRef, slo_name: sloName })
      .andWhere('evaluated_at', '>=', since)
      .orderBy('evaluated_at', 'desc')
      .limit(limit)
      .select('evaluated_at', 'status', 'sli', 'remaining');
    return rows.reverse().map(row => ({
      at: toIso(row.evaluated_at),
      status: row.status,
      sli: row.sli === null ? null : Number(row.sli),
      remaining: row.remaining === null ? null : Number(row.remaining),
    }));
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
