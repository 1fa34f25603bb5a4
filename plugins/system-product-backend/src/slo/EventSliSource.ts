import {
  MeasuredObjective,
  MetricSource,
} from '@system-product/backstage-plugin-common';
import { Knex } from 'knex';
import { epochSpan } from '../database/dbValues';

/** A half-open time range [from, to). */
export interface TimeRange {
  from: Date;
  to: Date;
}

/** An SLO indicator's rows and what makes a row good, for one aggregate query. */
interface Plan {
  /** The rows, already limited to the entity, the filters and the widest range. */
  query: Knex.QueryBuilder;
  /** What a row counts for: one event, or the kept count of an answered value. */
  weight: '1' | 'c.count';
  /** SQL that a row belongs to a range: events by time, survey rounds by overlap. */
  inRange: (range: TimeRange) => { sql: string; bindings: Knex.RawBinding[] };
  /** SQL that a row is good. */
  good: { sql: string; bindings: Knex.RawBinding[] };
  /** Whether good was given as bad (counts failures). */
  invert: boolean;
  survey: boolean;
}

/** Counts of good and total events (or answers) of an SLI over a time range. */
export interface SliCounts {
  good: number;
  total: number;
}

/** Counts of one time slice, from its start to the start of the next. */
export interface SliceCounts extends SliCounts {
  start: Date;
}

type Measure =
  | { kind: 'column'; type: string; column: string }
  | { kind: 'success'; type: string }
  | { kind: 'count'; type: string }
  | { kind: 'custom'; name: string }
  | { kind: 'survey'; question: string };

const COLUMNS: Record<string, { type: string; column: string }> = {
  'lead-time-seconds': { type: 'deployment', column: 'lead_seconds' },
  'time-to-restore-seconds': { type: 'incident', column: 'restore_seconds' },
  'time-to-detect-seconds': { type: 'incident', column: 'detect_seconds' },
  'first-response-seconds': { type: 'ticket', column: 'response_seconds' },
  'resolve-seconds': { type: 'ticket', column: 'resolve_seconds' },
  'build-duration-seconds': { type: 'build', column: 'duration_seconds' },
};
const SUCCESS: Record<string, string> = {
  'deployment-success': 'deployment',
  'build-success': 'build',
};
const SURVEY: Record<string, string> = {
  nps: 'nps',
  csat: 'csat',
  ease: 'ease',
  'knowledge-accessibility': 'knowledge',
};
const SURVEY_SLICES = 'survey measures have no time slices; use Occurrences';
const SQL_OPS = { lt: '<', lte: '<=', gt: '>', gte: '>=' } as const;
/**
 * Filters each event type can answer (`survey` picks the survey template of
 * survey answers); anything else is reported, not ignored.
 */
const FILTERS: Record<string, string[]> = {
  deployment: ['environment', 'pipeline'],
  incident: ['environment'],
  build: ['pipeline'],
  survey: ['survey'],
};

/** What the `system-product` metric source `spec` asks for, or why it cannot be answered. */
export function measureOf(source: MetricSource): Measure | string {
  const { event, measure, filter } = source.spec as {
    event?: string;
    measure?: string;
    filter?: Record<string, unknown>;
  };
  const supported = FILTERS[event ?? ''] ?? [];
  const unsupported = Object.keys(filter ?? {}).filter(
    key => !supported.includes(key),
  );
  if (unsupported.length > 0) {
    return `filter ${unsupported.join(', ')} is not supported for ${
      event ?? 'these'
    } events (supported: ${supported.join(', ') || 'none'})`;
  }
  const badValue = Object.entries(filter ?? {}).find(
    ([, value]) => typeof value !== 'string',
  );
  if (badValue) return `filter ${badValue[0]} must be a string`;
  if (typeof measure !== 'string') return 'spec.measure is required';
  if (COLUMNS[measure]) return { kind: 'column', ...COLUMNS[measure] };
  if (SUCCESS[measure]) return { kind: 'success', type: SUCCESS[measure] };
  if (SURVEY[measure]) return { kind: 'survey', question: SURVEY[measure] };
  if (measure === 'count') {
    return typeof event === 'string'
      ? { kind: 'count', type: event }
      : 'spec.event is required with measure count';
  }
  if (event === 'custom') return { kind: 'custom', name: measure };
  return `measure ${measure} is not one system-product events provide`;
}

/**
 * The built-in SLI source over the plugin's own delivery events and survey
 * answers. Every count, however many ranges it covers, is one aggregate query.
 */
export class EventSliSource {
  /**
   * `minResponses` is the survey k: an SLI over survey answers needs at least
   * that many answers in its range, like every other survey aggregate.
   */
  constructor(
    private readonly db: Knex,
    private readonly options: { minResponses: number },
  ) {}

  /** Why an SLO cannot be measured from these events, before any event is read. */
  problemOf(slo: MeasuredObjective): string | undefined {
    const plan = this.plan('', slo, new Date(0), new Date(0));
    if (typeof plan === 'string') return plan;
    if (plan.survey && slo.budgetingMethod !== 'Occurrences') {
      return SURVEY_SLICES;
    }
    return undefined;
  }

  /**
   * Good and total for each of several ranges in one aggregate query (one
   * scan of the widest range, each range a conditional sum): an SLO's window
   * and the windows of its burn-rate alerts. A range can have its own reason,
   * e.g. too few survey answers.
   */
  async countRanges(
    entityRef: string,
    slo: MeasuredObjective,
    ranges: TimeRange[],
  ): Promise<Array<SliCounts | string> | string> {
    if (ranges.length === 0) return [];
    const from = new Date(Math.min(...ranges.map(r => r.from.getTime())));
    const to = new Date(Math.max(...ranges.map(r => r.to.getTime())));
    const plan = this.plan(entityRef, slo, from, to);
    if (typeof plan === 'string') return plan;
    const [row] = await plan.query.select(
      ranges.flatMap((range, i) => {
        const inRange = plan.inRange(range);
        return [
          this.db.raw(
            `coalesce(sum(case when ${inRange.sql} then ${plan.weight} else 0 end), 0) as ??`,
            [...inRange.bindings, `total_${i}`],
          ),
          this.db.raw(
            `coalesce(sum(case when ${inRange.sql} and ${plan.good.sql} then ${plan.weight} else 0 end), 0) as ??`,
            [...inRange.bindings, ...plan.good.bindings, `good_${i}`],
          ),
        ];
      }),
    );
    const k = this.options.minResponses;
    return ranges.map((_, i) => {
      const result = counts(
        row?.[`total_${i}`],
        row?.[`good_${i}`],
        plan.invert,
      );
      if (plan.survey && result.total > 0 && result.total < k) {
        return `fewer than ${k} survey answers in this range; survey figures show from ${k} answers`;
      }
      return result;
    });
  }

  /**
   * Good and total per slice of `sliceMs` over [from, to), the slices counted
   * from `from` (slice k is [from + k × sliceMs, from + (k + 1) × sliceMs)),
   * for the Timeslices budgeting methods; slices without events are left out.
   */
  async countSlices(
    entityRef: string,
    slo: MeasuredObjective,
    range: TimeRange,
    sliceMs: number,
  ): Promise<SliceCounts[] | string> {
    const plan = this.plan(entityRef, slo, range.from, range.to);
    if (typeof plan === 'string') return plan;
    if (plan.survey) return SURVEY_SLICES;
    const origin = range.from.getTime();
    const bucket = epochSpan(this.db, 'occurred_at', sliceMs, origin);
    const rows = await plan.query
      .select(
        bucket.wrap('(', ') as bucket'),
        this.db.raw('count(*) as total'),
        this.db.raw(
          `sum(case when ${plan.good.sql} then 1 else 0 end) as good`,
          plan.good.bindings,
        ),
      )
      .groupBy('bucket');
    return rows.map((row: any) => ({
      start: new Date(origin + Number(row.bucket) * sliceMs),
      ...counts(row.total, row.good, plan.invert),
    }));
  }

  /**
   * The rows of an SLO's indicator in [from, to), and what makes a row good;
   * or why the indicator cannot be measured from these events.
   */
  private plan(
    entityRef: string,
    slo: MeasuredObjective,
    from: Date,
    to: Date,
  ): Plan | string {
    const { ratio, threshold } = slo.indicator;
    const eventRange = (range: TimeRange) => ({
      sql: 'occurred_at >= ? and occurred_at < ?',
      bindings: [range.from, range.to],
    });
    if (threshold) {
      const measure = measureOf(threshold);
      if (typeof measure === 'string') return measure;
      const { op, value } = slo.objective;
      if (!op || value === undefined)
        return 'a threshold metric needs op and value';
      const sqlOp = SQL_OPS[op];
      if (measure.kind === 'survey') {
        // Answers are counted already: a round counts with its kept counts
        // for every range it overlaps.
        return {
          survey: true,
          query: this.db('survey_answer_counts as c')
            .join('survey_rounds as r', 'r.id', 'c.round_id')
            .where('r.entity_ref', entityRef)
            .andWhere('c.question_id', measure.question)
            .andWhere('r.opens_at', '<', to)
            .andWhere('r.closes_at', '>', from)
            .modify(query => {
              const survey = filterOf(threshold.spec).survey;
              if (survey) query.andWhere('r.template_id', survey);
            }),
          weight: 'c.count',
          inRange: range => ({
            sql: 'r.opens_at < ? and r.closes_at > ?',
            bindings: [range.to, range.from],
          }),
          good: { sql: `c.value ${sqlOp} ?`, bindings: [value] },
          invert: false,
        };
      }
      if (measure.kind === 'custom') {
        return {
          survey: false,
          query: this.events(
            entityRef,
            'custom',
            threshold.spec,
            from,
            to,
          ).andWhere({ name: measure.name }),
          weight: '1',
          inRange: eventRange,
          good: { sql: `value ${sqlOp} ?`, bindings: [value] },
          invert: false,
        };
      }
      if (measure.kind === 'column') {
        return {
          survey: false,
          query: this.events(
            entityRef,
            measure.type,
            threshold.spec,
            from,
            to,
          ).whereNotNull(measure.column),
          weight: '1',
          inRange: eventRange,
          good: { sql: `?? ${sqlOp} ?`, bindings: [measure.column, value] },
          invert: false,
        };
      }
      return 'a threshold metric needs a measured value, not a count or a success flag';
    }
    if (ratio?.raw) {
      return 'system-product events are counted, not reported as a ratio: use good or bad over total instead of raw';
    }
    const goodSource = ratio?.good ?? ratio?.bad;
    const good = goodSource && measureOf(goodSource);
    const total = ratio?.total && measureOf(ratio.total);
    if (!good || typeof good === 'string')
      return good || 'ratio needs good or bad';
    if (!total || typeof total === 'string')
      return total || 'ratio needs total';
    if (good.kind !== 'success' || total.kind !== 'count') {
      return 'a system-product ratio is a success measure over count';
    }
    return {
      survey: false,
      query: this.events(entityRef, total.type, ratio!.total!.spec, from, to),
      weight: '1',
      inRange: eventRange,
      good: { sql: 'succeeded', bindings: [] },
      // A "bad" measure counts failures: good is what is left.
      invert: !ratio?.good,
    };
  }

  private events(
    entityRef: string,
    type: string,
    spec: Record<string, unknown>,
    from: Date,
    to: Date,
  ) {
    const query = this.db('delivery_events')
      .where({ entity_ref: entityRef, type })
      .andWhere('occurred_at', '>=', from)
      .andWhere('occurred_at', '<', to);
    const { environment, pipeline } = filterOf(spec);
    if (environment) query.andWhere({ environment });
    if (pipeline) query.andWhere({ pipeline });
    return query;
  }
}

/** The string filters of a metric source spec (checked by `measureOf`). */
function filterOf(spec: Record<string, unknown>): Record<string, string> {
  return (spec.filter ?? {}) as Record<string, string>;
}

function counts(total: unknown, good: unknown, invert: boolean): SliCounts {
  const t = Number(total ?? 0);
  const g = Number(good ?? 0);
  return { good: invert ? t - g : g, total: t };
}
