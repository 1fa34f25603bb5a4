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
   * The trend of one SLO over [since, until], oldest first: every evaluation
   * when there are at most `limit`, otherwise the latest evaluation of each of
   * `limit` equal spans of time, so the trend always covers the whole window
   * (an SLO evaluated every 5 minutes has 8,064 evaluations in 28 days).
   */
  async history(
    entityRef: string,
    sloName: string,
    since: Date,
    until: Date,
    limit: number,
  ): Promise<SloStatusPoint[]> {
    const spanMs = Math.max(
      1,
      Math.ceil((until.getTime() - since.getTime()) / limit),
    );
    const span =
      this.db.client.config.client === 'pg'
        ? this.db.raw('floor(extract(epoch from evaluated_at) * 1000 / ?)', [
            spanMs,
          ])
        : this.db.raw('cast(evaluated_at / ? as integer)', [spanMs]);
    const ofThisSlo = { entity_ref: entityRef, slo_name: sloName };
    const latestOfEachSpan = this.db('slo_status_history')
      .where(ofThisSlo)
      .andWhere('evaluated_at', '>=', since)
      .andWhere('evaluated_at', '<=', until)
      .groupBy(span)
      .max('evaluated_at');
    const rows = await this.db('slo_status_history')
      .where(ofThisSlo)
      .whereIn('evaluated_at', latestOfEachSpan)
      .orderBy('evaluated_at')
      .limit(limit + 1)
      .select('evaluated_at', 'status', 'sli', 'remaining');
    return rows.map(row => ({
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
