import {
  SloEvaluation,
  SloStatus,
  SloStatusPoint,
} from '@system-product/backstage-plugin-common';
import { Knex } from 'knex';
import { epochSpan, toIso } from './dbValues';

/** A row of `slo_status_history`: one SLO evaluated at one instant. */
function historyRow(
  entityRef: string,
  sloName: string,
  at: Date,
  evaluation: SloEvaluation,
) {
  return {
    entity_ref: entityRef,
    slo_name: sloName,
    evaluated_at: at,
    status: evaluation.status,
    sli: evaluation.sli,
    remaining: evaluation.remaining,
  };
}

/** History of scheduled SLO evaluations. */
export class SloStatusStore {
  constructor(private readonly db: Knex) {}

  /** The status each SLO of an entity had at the previous scheduled run. */
  async latest(entityRef: string): Promise<Map<string, SloStatus>> {
    const rows = await this.db('slo_status_latest')
      .where({ entity_ref: entityRef })
      .select('slo_name', 'status');
    return new Map(rows.map(row => [row.slo_name, row.status]));
  }

  /**
   * How many SLOs of each entity had each status at its latest scheduled
   * run, and when that was: one query for the whole portfolio.
   */
  async latestByEntity(
    entityRefs: string[],
  ): Promise<
    Map<string, { counts: Partial<Record<SloStatus, number>>; at: string }>
  > {
    const result = new Map<
      string,
      { counts: Partial<Record<SloStatus, number>>; at: string }
    >();
    if (entityRefs.length === 0) return result;
    const rows = await this.db('slo_status_latest')
      .whereIn('entity_ref', entityRefs)
      .groupBy('entity_ref', 'status')
      .select('entity_ref', 'status')
      .count({ slos: '*' })
      .max({ at: 'evaluated_at' });
    for (const row of rows as any[]) {
      const entry = result.get(row.entity_ref) ?? {
        counts: {},
        at: toIso(row.at),
      };
      entry.counts[row.status as SloStatus] = Number(row.slos);
      if (toIso(row.at) > entry.at) entry.at = toIso(row.at);
      result.set(row.entity_ref, entry);
    }
    return result;
  }

  /**
   * The trend of one SLO over [since, until], oldest first: the latest
   * evaluation of each span of (until - since) / `limit`, spans counted from
   * the epoch, so the window touches `limit` or `limit + 1` of them and the
   * trend always covers the whole window (an SLO evaluated every 5 minutes
   * has 8,064 evaluations in 28 days). Sparser evaluations come back whole.
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
    const span = epochSpan(this.db, 'evaluated_at', spanMs);
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

  /**
   * Each SLO's latest scheduled evaluation at or before `at`: its status and
   * budget left then.
   */
  async at(
    entityRef: string,
    at: Date,
  ): Promise<
    Map<string, { status: SloStatus; remaining: number | null; at: string }>
  > {
    const latestOfEach = this.db('slo_status_history')
      .where({ entity_ref: entityRef })
      .andWhere('evaluated_at', '<=', at)
      .groupBy('slo_name')
      .select('slo_name')
      .max({ at: 'evaluated_at' });
    const rows = await this.db('slo_status_history as h')
      .join(latestOfEach.as('l'), function latest() {
        this.on('h.slo_name', '=', 'l.slo_name').andOn(
          'h.evaluated_at',
          '=',
          'l.at',
        );
      })
      .where('h.entity_ref', entityRef)
      .select('h.slo_name', 'h.status', 'h.remaining', 'h.evaluated_at');
    return new Map(
      rows.map(row => [
        row.slo_name,
        {
          status: row.status,
          remaining: row.remaining === null ? null : Number(row.remaining),
          at: toIso(row.evaluated_at),
        },
      ]),
    );
  }

  /**
   * Records one scheduled run over an entity's SLOs: a history row per SLO,
   * and the entity's latest statuses replaced by these (an SLO that is gone
   * leaves them), in one transaction.
   */
  async recordRun(
    entityRef: string,
    evaluations: Array<{ name: string; evaluation: SloEvaluation }>,
    at: Date,
  ): Promise<void> {
    const rows = evaluations.map(({ name, evaluation }) =>
      historyRow(entityRef, name, at, evaluation),
    );
    await this.db.transaction(async tx => {
      if (rows.length > 0) await tx('slo_status_history').insert(rows);
      await tx('slo_status_latest').where({ entity_ref: entityRef }).delete();
      // One latest status per SLO name, should a run list a name twice.
      const latest = [
        ...new Map(rows.map(row => [row.slo_name, row])).values(),
      ];
      if (latest.length > 0) await tx('slo_status_latest').insert(latest);
    });
  }

  /** When the SLO was first evaluated, as far as the history keeps. */
  async oldest(entityRef: string, sloName: string): Promise<Date | undefined> {
    const row = await this.db('slo_status_history')
      .where({ entity_ref: entityRef, slo_name: sloName })
      .min({ at: 'evaluated_at' })
      .first();
    return row?.at === null || row?.at === undefined
      ? undefined
      : new Date(toIso(row.at));
  }

  /**
   * Adds evaluations of one SLO at past instants to its history (a trend
   * filled back over its window); the latest statuses stay as they are.
   */
  async recordPast(
    entityRef: string,
    sloName: string,
    points: Array<{ at: Date; evaluation: SloEvaluation }>,
  ): Promise<void> {
    const rows = points.map(({ at, evaluation }) =>
      historyRow(entityRef, sloName, at, evaluation),
    );
    // 7 values a row; SQLite allows 999 a statement.
    for (let i = 0; i < rows.length; i += 100) {
      await this.db('slo_status_history').insert(rows.slice(i, i + 100));
    }
  }

  /**
   * Deletes the history older than `before` (trends never look further back
   * than their SLO's window); the latest statuses stay. Returns the rows
   * deleted.
   */
  async prune(before: Date): Promise<number> {
    return this.db('slo_status_history')
      .where('evaluated_at', '<', before)
      .delete();
  }
}
