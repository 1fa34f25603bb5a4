import { Knex } from 'knex';
import { EventRule, SurveyRule, TimeRange } from '../slo/countingRule';
import { epochSpan } from './dbValues';

const SQL_OPS = { lt: '<', lte: '<=', gt: '>', gte: '>=' } as const;

/** Total and matching rows of a rule over one range, before any inversion. */
export interface RuleCounts {
  total: number;
  matched: number;
}

/** Counts of a rule in one time slice, numbered from the slices' origin. */
export interface SliceRuleCounts extends RuleCounts {
  index: number;
}

/**
 * Counts of an indicator straight from the stored delivery events and the
 * kept survey counts: every count, however many ranges it covers, one
 * aggregate query.
 */
export class EventCountStore {
  constructor(private readonly db: Knex) {}

  /**
   * Total and matches of an event rule in each of several ranges, in one
   * scan of the span they cover (each range a conditional sum).
   */
  async countRanges(
    entityRef: string,
    rule: EventRule,
    ranges: TimeRange[],
  ): Promise<RuleCounts[]> {
    if (ranges.length === 0) return [];
    const from = new Date(Math.min(...ranges.map(r => r.from.getTime())));
    const to = new Date(Math.max(...ranges.map(r => r.to.getTime())));
    const match = this.matchSql(rule);
    const [row] = await this.events(entityRef, rule, from, to).select(
      ranges.flatMap((range, i) => {
        const inRange = 'occurred_at >= ? and occurred_at < ?';
        const bounds = [range.from, range.to];
        return [
          this.db.raw(
            `coalesce(sum(case when ${inRange} then 1 else 0 end), 0) as ??`,
            [...bounds, `total_${i}`],
          ),
          this.db.raw(
            `coalesce(sum(case when ${inRange} and ${match.sql} then 1 else 0 end), 0) as ??`,
            [...bounds, ...match.bindings, `matched_${i}`],
          ),
        ];
      }),
    );
    return ranges.map((_, i) => ({
      total: Number(row?.[`total_${i}`] ?? 0),
      matched: Number(row?.[`matched_${i}`] ?? 0),
    }));
  }

  /**
   * Total and matches of an event rule in each of several short ranges (the
   * part-minutes at the ends of ranges the rollups count), in one statement
   * of one index range scan each, so it reads only their events however
   * far apart they lie.
   */
  async countEdges(
    entityRef: string,
    rule: EventRule,
    ranges: TimeRange[],
  ): Promise<RuleCounts[]> {
    if (ranges.length === 0) return [];
    const match = this.matchSql(rule);
    const [first, ...rest] = ranges.map((range, i) =>
      this.events(entityRef, rule, range.from, range.to).select(
        this.db.raw('? as edge', [i]),
        this.db.raw('count(*) as total'),
        this.db.raw(
          `coalesce(sum(case when ${match.sql} then 1 else 0 end), 0) as matched`,
          match.bindings,
        ),
      ),
    );
    const rows: any[] = await (rest.length > 0 ? first.unionAll(rest) : first);
    const byEdge = new Map(rows.map(r => [Number(r.edge), r]));
    return ranges.map((_, i) => ({
      total: Number(byEdge.get(i)?.total ?? 0),
      matched: Number(byEdge.get(i)?.matched ?? 0),
    }));
  }

  /**
   * Total and matches per slice of `sliceMs` over [from, to), slice k being
   * [origin + k × sliceMs, origin + (k + 1) × sliceMs) with `origin` at or
   * before `from`; slices without events are left out.
   */
  async countSlices(
    entityRef: string,
    rule: EventRule,
    range: TimeRange,
    sliceMs: number,
    origin: Date,
  ): Promise<SliceRuleCounts[]> {
    const match = this.matchSql(rule);
    const bucket = epochSpan(this.db, 'occurred_at', sliceMs, origin.getTime());
    const rows = await this.events(entityRef, rule, range.from, range.to)
      .select(
        bucket.wrap('(', ') as bucket'),
        this.db.raw('count(*) as total'),
        this.db.raw(
          `sum(case when ${match.sql} then 1 else 0 end) as matched`,
          match.bindings,
        ),
      )
      .groupBy('bucket');
    return rows.map((row: any) => ({
      index: Number(row.bucket),
      total: Number(row.total),
      matched: Number(row.matched),
    }));
  }

  /**
   * Answers of a survey question and how many compare as the rule says, per
   * range: a round counts with its kept counts for every range it overlaps.
   */
  async countSurveyRanges(
    entityRef: string,
    rule: SurveyRule,
    ranges: TimeRange[],
  ): Promise<RuleCounts[]> {
    if (ranges.length === 0) return [];
    const from = new Date(Math.min(...ranges.map(r => r.from.getTime())));
    const to = new Date(Math.max(...ranges.map(r => r.to.getTime())));
    const query = this.db('survey_answer_counts as c')
      .join('survey_rounds as r', 'r.id', 'c.round_id')
      .where('r.entity_ref', entityRef)
      .andWhere('c.question_id', rule.question)
      .andWhere('r.opens_at', '<', to)
      .andWhere('r.closes_at', '>', from);
    if (rule.template) query.andWhere('r.template_id', rule.template);
    const good = `c.value ${SQL_OPS[rule.op]} ?`;
    const [row] = await query.select(
      ranges.flatMap((range, i) => {
        const inRange = 'r.opens_at < ? and r.closes_at > ?';
        const bounds = [range.to, range.from];
        return [
          this.db.raw(
            `coalesce(sum(case when ${inRange} then c.count else 0 end), 0) as ??`,
            [...bounds, `total_${i}`],
          ),
          this.db.raw(
            `coalesce(sum(case when ${inRange} and ${good} then c.count else 0 end), 0) as ??`,
            [...bounds, rule.value, `matched_${i}`],
          ),
        ];
      }),
    );
    return ranges.map((_, i) => ({
      total: Number(row?.[`total_${i}`] ?? 0),
      matched: Number(row?.[`matched_${i}`] ?? 0),
    }));
  }

  /** SQL that a row of the rule matches. */
  matchSql(rule: EventRule): { sql: string; bindings: Knex.RawBinding[] } {
    if (rule.match.kind === 'succeeded')
      return { sql: 'succeeded', bindings: [] };
    return {
      sql: `?? ${SQL_OPS[rule.match.op]} ?`,
      bindings: [rule.match.column, rule.match.value],
    };
  }

  /** The events a rule counts (in [from, to) when given). */
  events(entityRef: string, rule: EventRule, from?: Date, to?: Date) {
    const query = this.db('delivery_events').where({
      entity_ref: entityRef,
      type: rule.type,
    });
    if (from) query.andWhere('occurred_at', '>=', from);
    if (to) query.andWhere('occurred_at', '<', to);
    if (rule.environment) query.andWhere({ environment: rule.environment });
    if (rule.pipeline) query.andWhere({ pipeline: rule.pipeline });
    if (rule.name !== undefined) query.andWhere({ name: rule.name });
    if (rule.requires) query.whereNotNull(rule.requires);
    return query;
  }
}
