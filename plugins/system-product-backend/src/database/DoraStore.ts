import {
  DORA_BANDS_SOURCE,
  DORA_DEFAULT_PERIOD_DAYS,
  DORA_MIN_SAMPLES,
  DoraMetrics,
  DoraPeriodDays,
  changeFailureRateBand,
  deploymentFrequency,
  doraFigure,
  doraRate,
  leadTimeBand,
  recoveryTimeBand,
} from '@system-product/backstage-plugin-common';
import { Knex } from 'knex';

const DAY_MS = 86_400_000;

/**
 * Reads DORA's figures from delivery events, every count and median an SQL
 * aggregate (6 statements). Only the entity's own events count: an incident
 * names a deployment (`caused_by`) and a deployment an incident
 * (`remediates`) by event id, within one entity, so that nobody who may post
 * events for another entity can change this one's figures. Production means
 * `environment` production or none, for deployments and incidents alike.
 */
export class DoraStore {
  constructor(private readonly db: Knex) {}

  async metrics(
    entityRef: string,
    now: Date,
    days: DoraPeriodDays = DORA_DEFAULT_PERIOD_DAYS,
  ): Promise<DoraMetrics> {
    const from = new Date(now.getTime() - days * DAY_MS);
    const db = this.db;
    const production = (alias: string) => (q: Knex.QueryBuilder) =>
      q
        .where(`${alias}.environment`, 'production')
        .orWhereNull(`${alias}.environment`);
    // Production deployments in the period, as `d`.
    const deployments = () =>
      db('delivery_events as d')
        .where('d.entity_ref', entityRef)
        .andWhere('d.type', 'deployment')
        .andWhere('d.occurred_at', '>=', from)
        .andWhere('d.occurred_at', '<', now)
        .andWhere(production('d'));
    // Production incidents of the entity up to the period's end, as `i`.
    const incidents = (q: Knex.QueryBuilder) =>
      q
        .andWhere('i.entity_ref', entityRef)
        .andWhere('i.type', 'incident')
        .andWhere('i.occurred_at', '<', now)
        .andWhere(production('i'));
    const namingDeployment = () =>
      incidents(
        db('delivery_events as i')
          .select(db.raw('1'))
          .whereRaw('?? = ??', ['i.caused_by', 'd.event_id']),
      );
    const epoch = (column: string) => this.epochSeconds(column);
    const nowSeconds = now.getTime() / 1000;

    const deployDays = deployments()
      .select(
        db.raw(
          this.isPostgres()
            ? `floor((cast(? as double precision) - ${epoch(
                'd.occurred_at',
              )}) / 86400) as day`
            : `cast((? - ${epoch('d.occurred_at')}) / 86400 as integer) as day`,
          [nowSeconds],
        ),
        db.raw('count(*) as deployments'),
      )
      .groupBy('day');

    // Each deployment is one row, so one that several incidents name counts once.
    const counts = deployments()
      .select(
        db.raw('count(*) as total'),
        db.raw(
          'sum(case when d.succeeded and not exists ? then 0 else 1 end) as failed',
          [namingDeployment()],
        ),
        db.raw(
          'sum(case when d.remediates is null then 0 else 1 end) as rework',
        ),
      )
      .first();

    const leadTime = this.median(
      deployments()
        .whereNotNull('d.lead_seconds')
        .select('d.lead_seconds as v'),
    );

    // A failed deployment is recovered when the last incident it caused is
    // resolved (not before all are); one that failed without causing an
    // incident, when the next production deployment succeeds.
    const byIncidents = incidents(
      deployments().join('delivery_events as i', 'i.caused_by', 'd.event_id'),
    )
      .groupBy('d.event_id', 'd.occurred_at')
      .havingRaw('count(*) = count(i.restore_seconds)')
      .select(
        db.raw(
          `max(${epoch('i.occurred_at')} + i.restore_seconds) - ${epoch(
            'd.occurred_at',
          )} as v`,
        ),
      );
    const nextSuccess = db('delivery_events as n')
      .where('n.entity_ref', entityRef)
      .andWhere('n.type', 'deployment')
      .andWhere(production('n'))
      .andWhere('n.succeeded', true)
      .andWhere('n.occurred_at', '<', now)
      .whereRaw('n.occurred_at > d.occurred_at')
      .select(db.raw(`min(${epoch('n.occurred_at')})`));
    const byNextSuccess = deployments()
      .andWhere('d.succeeded', false)
      .whereNotExists(namingDeployment())
      .select(db.raw(`? - ${epoch('d.occurred_at')} as v`, [nextSuccess]));
    const recovery = this.median(
      db
        .select('v')
        .from(byIncidents.as('c'))
        .unionAll(db.select('v').from(byNextSuccess.as('r')).whereNotNull('v')),
    );

    const startedInPeriod = (column: string) =>
      incidents(db('delivery_events as i'))
        .andWhere('i.occurred_at', '>=', from)
        .whereNotNull(column)
        .select(`${column} as v`);
    const detect = this.median(startedInPeriod('i.detect_seconds'));
    const restore = this.median(startedInPeriod('i.restore_seconds'));

    const [dayRows, c, lead, recovered, detected, restored] = await Promise.all(
      [deployDays, counts, leadTime, recovery, detect, restore],
    );
    const total = Number(c?.total ?? 0);
    return {
      entityRef,
      days,
      from: from.toISOString(),
      to: now.toISOString(),
      minSamples: DORA_MIN_SAMPLES,
      deploymentFrequency: deploymentFrequency(
        dayRows.map((r: { day: unknown; deployments: unknown }) => ({
          day: Number(r.day),
          deployments: Number(r.deployments),
        })),
        days,
      ),
      changeLeadTime: doraFigure(lead.value, lead.n, leadTimeBand),
      changeFailureRate: doraRate(
        Number(c?.failed ?? 0),
        total,
        changeFailureRateBand,
      ),
      deploymentReworkRate: doraRate(Number(c?.rework ?? 0), total),
      failedDeploymentRecoveryTime: doraFigure(
        recovered.value,
        recovered.n,
        recoveryTimeBand,
      ),
      incidents: {
        timeToDetect: doraFigure(detected.value, detected.n),
        timeToRestore: doraFigure(restored.value, restored.n),
      },
      bandsSource: { ...DORA_BANDS_SOURCE },
    };
  }

  /**
   * The median and count of the column `v` of a query, in one statement:
   * the middle row (odd count) or the mean of the two middle rows (even).
   */
  private async median(
    values: Knex.QueryBuilder,
  ): Promise<{ value: number | null; n: number }> {
    const ranked = this.db
      .from(values.as('s'))
      .select(
        's.v',
        this.db.raw('row_number() over (order by s.v) as rn'),
        this.db.raw('count(*) over () as n'),
      );
    const row = await this.db
      .from(ranked.as('t'))
      .whereRaw('t.rn in ((t.n + 1) / 2, (t.n + 2) / 2)')
      .select(this.db.raw('avg(t.v) as value'), this.db.raw('max(t.n) as n'))
      .first();
    const n = Number(row?.n ?? 0);
    return { value: n > 0 ? Number(row.value) : null, n };
  }

  /** Seconds since the epoch of a timestamp column (SQLite stores epoch milliseconds). */
  private epochSeconds(column: string): string {
    return this.isPostgres()
      ? `extract(epoch from ${column})`
      : `(${column} / 1000.0)`;
  }

  private isPostgres(): boolean {
    return this.db.client.config.client === 'pg';
  }
}
