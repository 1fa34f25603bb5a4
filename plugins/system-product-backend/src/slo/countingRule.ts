import { SliDefinition } from '@system-product/backstage-plugin-node';

/** A half-open time range [from, to). */
export interface TimeRange {
  from: Date;
  to: Date;
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

/** A comparison of an objective's threshold. */
export type ThresholdOp = 'lt' | 'lte' | 'gt' | 'gte';

/** Event columns an indicator can measure or compare. */
export type MeasuredColumn =
  | 'lead_seconds'
  | 'restore_seconds'
  | 'detect_seconds'
  | 'response_seconds'
  | 'resolve_seconds'
  | 'duration_seconds'
  | 'value';

/**
 * Which delivery events an indicator counts and which of them match: the
 * one definition both the raw-event queries and the rollups kept at
 * ingestion count by, so the two agree event for event.
 *
 * An event counts when it is of `type` (and `name`, for custom events),
 * matches the filters and, with `requires`, has that column; it matches
 * when `match` holds. `invert` turns matches into failures: good is then
 * total minus matches (a ratio given as bad over total).
 */
export interface EventRule {
  kind: 'events';
  type: string;
  environment?: string;
  pipeline?: string;
  name?: string;
  requires?: MeasuredColumn;
  match:
    | { kind: 'succeeded' }
    | {
        kind: 'compare';
        column: MeasuredColumn;
        op: ThresholdOp;
        value: number;
      };
  invert: boolean;
}

/**
 * Survey answers of one question, counted from the kept counts of each
 * round that overlaps a range; good when the answered value compares so.
 */
export interface SurveyRule {
  kind: 'survey';
  question: string;
  template?: string;
  op: ThresholdOp;
  value: number;
}

export type CountingRule = EventRule | SurveyRule;

type Measure =
  | { kind: 'column'; type: string; column: MeasuredColumn }
  | { kind: 'success'; type: string }
  | { kind: 'count'; type: string }
  | { kind: 'custom'; name: string }
  | { kind: 'survey'; question: string };

const COLUMNS: Record<string, { type: string; column: MeasuredColumn }> = {
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
  // The 1–5 score of moment prompts (micro-surveys), from the rounds of
  // every moment trigger of the entity.
  moment: 'moment',
};
export const SURVEY_SLICES =
  'survey measures have no time slices; use Occurrences';
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
export function measureOf(spec: Record<string, unknown>): Measure | string {
  const { event, measure, filter } = spec as {
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

/** The string filters of a metric source spec (checked by `measureOf`). */
function filterOf(spec: Record<string, unknown>): Record<string, string> {
  return (spec.filter ?? {}) as Record<string, string>;
}

function eventRule(
  type: string,
  spec: Record<string, unknown>,
  rest: Pick<EventRule, 'match' | 'invert'> & Partial<EventRule>,
): EventRule {
  const { environment, pipeline } = filterOf(spec);
  return {
    kind: 'events',
    type,
    ...(environment && { environment }),
    ...(pipeline && { pipeline }),
    ...rest,
  };
}

/**
 * How the built-in source counts an SLI, or why it cannot be measured from
 * the plugin's events and answers: from what every SLI source is handed
 * (the metric source specs, and a threshold metric's `op` and `value`).
 */
export function countingRuleOf(sli: SliDefinition): CountingRule | string {
  const { ratio, threshold } = sli;
  if (!ratio) {
    // A threshold metric: `spec` is its metric source's.
    const measure = measureOf(sli.spec);
    if (typeof measure === 'string') return measure;
    if (!threshold) return 'a threshold metric needs op and value';
    const { op, value } = threshold;
    if (measure.kind === 'survey') {
      const template = filterOf(sli.spec).survey;
      return {
        kind: 'survey',
        question: measure.question,
        ...(template && { template }),
        op,
        value,
      };
    }
    if (measure.kind === 'custom') {
      return eventRule('custom', sli.spec, {
        name: measure.name,
        match: { kind: 'compare', column: 'value', op, value },
        invert: false,
      });
    }
    if (measure.kind === 'column') {
      return eventRule(measure.type, sli.spec, {
        requires: measure.column,
        match: { kind: 'compare', column: measure.column, op, value },
        invert: false,
      });
    }
    return 'a threshold metric needs a measured value, not a count or a success flag';
  }
  if (ratio.raw) {
    return 'system-product events are counted, not reported as a ratio: use good or bad over total instead of raw';
  }
  const goodSpec = ratio.good ?? ratio.bad;
  const good = goodSpec && measureOf(goodSpec);
  const total = ratio.total && measureOf(ratio.total);
  if (!good || typeof good === 'string')
    return good || 'ratio needs good or bad';
  if (!total || typeof total === 'string') return total || 'ratio needs total';
  if (good.kind !== 'success' || total.kind !== 'count') {
    return 'a system-product ratio is a success measure over count';
  }
  return eventRule(total.type, ratio.total, {
    match: { kind: 'succeeded' },
    // A "bad" measure counts failures: good is what is left.
    invert: !ratio.good,
  });
}

/** The fields of a stored event a rule reads. */
export type RuleFields = {
  type: string;
  environment: string | null;
  pipeline: string | null;
  name: string | null;
  succeeded: boolean | null;
} & Record<MeasuredColumn, number | null>;

const COMPARE: Record<ThresholdOp, (a: number, b: number) => boolean> = {
  lt: (a, b) => a < b,
  lte: (a, b) => a <= b,
  gt: (a, b) => a > b,
  gte: (a, b) => a >= b,
};

/**
 * What one stored event adds to a rule's counts: nothing, or one to the
 * total and one or none to the matches. The same predicate as the SQL the
 * raw-event path runs (a null compares as false there, and here).
 */
export function contribution(
  rule: EventRule,
  row: RuleFields,
): { total: number; matched: number } | undefined {
  if (row.type !== rule.type) return undefined;
  if (rule.environment !== undefined && row.environment !== rule.environment)
    return undefined;
  if (rule.pipeline !== undefined && row.pipeline !== rule.pipeline)
    return undefined;
  if (rule.name !== undefined && row.name !== rule.name) return undefined;
  if (rule.requires && (row[rule.requires] ?? null) === null) return undefined;
  let matched: boolean;
  if (rule.match.kind === 'succeeded') {
    matched = row.succeeded === true;
  } else {
    const value = row[rule.match.column];
    matched =
      value !== null &&
      value !== undefined &&
      COMPARE[rule.match.op](Number(value), rule.match.value);
  }
  return { total: 1, matched: matched ? 1 : 0 };
}

/** Total and matches read back as an SLI's counts. */
export function countsOf(
  total: unknown,
  matched: unknown,
  invert: boolean,
): SliCounts {
  const t = Number(total ?? 0);
  const m = Number(matched ?? 0);
  return { good: invert ? t - m : m, total: t };
}
