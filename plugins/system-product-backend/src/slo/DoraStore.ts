import {
  DoraMetrics,
  changeFailureRate,
  changeFailureRateBand,
  deploymentFrequencyBand,
  leadTimeBand,
  recoveryTimeBand,
} from '@system-product/backstage-plugin-common';
import { Knex } from 'knex';

/** Reads the DORA keys from delivery events, every figure an SQL aggregate. */
export class DoraStore {
  constructor(private readonly db: Knex) {}

  async metrics(entityRef: string, now: Date, days = 30): Promise<DoraMetrics> {
    const from = new Date(now.getTime() - days * 86_400_000);
    const deployments = () =>
      this.db('delivery_events')
        .where({ entity_ref: entityRef, type: 'deployment' })
        .andWhere('occurred_at', '>=', from)
        .andWhere('occurred_at', '<', now)
        // Production is what DORA measures; events without an environment count too.
        .andWhere(q =>
          q.where({ environment: 'production' }).orWhereNull('environment'),
        );
    const [counts] = await deployments().select(
      this.db.raw('count(*) as total'),
      this.db.raw('sum(case when succeeded then 0 else 1 end) as failed'),
    );
    const total = Number(counts?.total ?? 0);
    const failed = Number(counts?.failed ?? 0);

    const leadTime = await this.median(
      deployments().whereNotNull('lead_seconds'),
      'lead_seconds',
    );
    const recovery = await this.median(
      this.db('delivery_events')
        .where({ entity_ref: entityRef, type: 'incident' })
        .whereNotNull('caused_by')
        .whereNotNull('restore_seconds')
        .andWhere('occurred_at', '>=', from)
        .andWhere('occurred_at', '<', now),
      'restore_seconds',
    );
    const perDay = total > 0 ? total / days : null;
    const cfr = changeFailureRate(failed, total);
    return {
      days,
      deploymentsPerDay: {
        value: perDay,
        band: deploymentFrequencyBand(perDay),
      },
      leadTimeSeconds: {
        value: leadTime,
        band: leadTimeBand(leadTime === null ? null : leadTime * 1000),
      },
      changeFailureRate: { value: cfr, band: changeFailureRateBand(cfr) },
      recoverySeconds: {
        value: recovery,
        band: recoveryTimeBand(recovery === null ? null : recovery * 1000),
      },
    };
  }

  /** Median of a column, found by the database (count, then the middle rows by offset). */
  private async median(
    query: Knex.QueryBuilder,
    column: string,
  ): Promise<number | null> {
    const [{ n }] = await query.clone().count({ n: '*' });
    const count = Number(n);
    if (count === 0) return null;
    const middle = await query
      .clone()
      .orderBy(column)
      .offset(Math.floor((count - 1) / 2))
      .limit(count % 2 ? 1 : 2)
      .pluck(column);
    return (
      middle.reduce((a: number, b: number) => a + Number(b), 0) / middle.length
    );
  }
}
