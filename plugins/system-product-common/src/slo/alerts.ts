/*
 * Multi-window, multi-burn-rate alerting (SRE workbook, chapter 5), as Sloth
 * and Pyrra implement it: an alert fires when both the long and the short
 * window burn faster than the factor. For a 30-day SLO:
 *
 *   page    1h and 5m   at 14.4×  (2% of the budget in an hour)
 *   page    6h and 30m  at 6×     (5% in six hours)
 *   ticket  3d and 6h   at 1×     (10% in three days)
 *
 * Other SLO periods scale the windows by period / 30 days and keep the
 * factors, so each alert still means the same share of the budget.
 */

/** One multi-window burn-rate rule. @public */
export interface BurnRateRule {
  severity: 'page' | 'ticket';
  longWindowMs: number;
  shortWindowMs: number;
  factor: number;
}

const HOUR = 3_600_000;
const THIRTY_DAYS = 30 * 24 * HOUR;

/** The rules for an SLO period of `periodMs`. @public */
export function burnRateRules(periodMs: number): BurnRateRule[] {
  const scale = periodMs / THIRTY_DAYS;
  return [
    {
      severity: 'page',
      longWindowMs: HOUR,
      shortWindowMs: 5 * 60_000,
      factor: 14.4,
    },
    {
      severity: 'page',
      longWindowMs: 6 * HOUR,
      shortWindowMs: 30 * 60_000,
      factor: 6,
    },
    {
      severity: 'ticket',
      longWindowMs: 72 * HOUR,
      shortWindowMs: 6 * HOUR,
      factor: 1,
    },
  ].map(rule => ({
    ...rule,
    longWindowMs: Math.round(rule.longWindowMs * scale),
    shortWindowMs: Math.round(rule.shortWindowMs * scale),
  })) as BurnRateRule[];
}

/**
 * State of an SLO objective, named after the objective:
 *
 *   met       the SLI is at or above the objective, however little budget is
 *             left (`budgetUsedUp` says when none is)
 *   at-risk   met, but burning fast enough to lose it: a multiwindow rule
 *             fires, or (calendar windows) at the slowest rule's long-window
 *             burn rate the rest of the budget is gone before the period ends
 *   breached  the SLI is below the objective
 *   no-data   nothing was measured in the SLO window
 *
 * @public
 */
export type SloStatus = 'met' | 'at-risk' | 'breached' | 'no-data';

/** The four states in order from worst to best, for sorting and counting. @public */
export const SLO_STATUSES: readonly SloStatus[] = [
  'breached',
  'at-risk',
  'met',
  'no-data',
] as const;

/**
 * An SLI at its objective meets it: 95 of 100 against 0.95 is met even where
 * floating point makes 1 − 5/100 a hair below 0.95.
 */
const AT_OBJECTIVE = 1e-12;

/**
 * Status of an objective from its SLI, target, remaining budget and the burn
 * rates of each rule's windows (null where a window had no data).
 *
 * `exhaustion` projects the budget of a calendar window: at burn rate
 * `burn` (the long window of the slowest rule) a share
 * `burn × timeLeftMs / periodMs` of the budget is spent before the period
 * ends; when that reaches what is left, the SLO is at risk. A rolling window
 * forgets old events as it moves, so there the rules alone say it (the
 * slowest, 1× over 3 days and 6 hours, is "the budget would not last a
 * window"). A met SLO with its budget used up stays met: nothing is left to
 * project.
 *
 * @public
 */
export function sloStatus(input: {
  sli: number | null;
  target: number;
  remaining: number | null;
  rules: Array<{
    rule: BurnRateRule;
    longBurn: number | null;
    shortBurn: number | null;
  }>;
  exhaustion?: { burn: number | null; timeLeftMs: number; periodMs: number };
}): { status: SloStatus; firing: BurnRateRule[]; budgetUsedUp: boolean } {
  const firing = input.rules
    .filter(
      ({ rule, longBurn, shortBurn }) =>
        longBurn !== null &&
        shortBurn !== null &&
        longBurn > rule.factor &&
        shortBurn > rule.factor,
    )
    .map(({ rule }) => rule);
  if (input.sli === null || input.remaining === null) {
    return { status: 'no-data', firing: [], budgetUsedUp: false };
  }
  const budgetUsedUp = input.remaining <= 0;
  if (input.sli < input.target - AT_OBJECTIVE) {
    return { status: 'breached', firing, budgetUsedUp };
  }
  const projected =
    input.exhaustion && input.exhaustion.burn !== null
      ? (input.exhaustion.burn * input.exhaustion.timeLeftMs) /
        input.exhaustion.periodMs
      : 0;
  const atRisk =
    firing.length > 0 ||
    (input.remaining > 0 && projected > 0 && projected >= input.remaining);
  return { status: atRisk ? 'at-risk' : 'met', firing, budgetUsedUp };
}

/**
 * What an objective's figures rest on, in the unit its budgeting method
 * counts: events for Occurrences; slices for Timeslices (bad slices, slices
 * elapsed, bad slices the whole window allows); for RatioTimeslices the
 * slices with data, and as "bad" the sum of their shortfalls (1 − ratio).
 *
 * @public
 */
export interface SloCounted {
  unit: 'events' | 'slices';
  bad: number;
  total: number;
  /** Bad events (or slices) the objective allows in the window. */
  allowed: number;
}

/**
 * An SLO objective evaluated at one moment: its SLI and remaining budget over
 * the SLO window, the burn rate of each alert rule's windows, and the status.
 * When the SLI cannot be measured, `reason` says why and the status is
 * no-data.
 *
 * @public
 */
export interface SloEvaluation {
  /** The SLO window; a calendar window's `to` may lie after `evaluatedAt`. */
  window: { from: string; to: string };
  /**
   * The instant evaluated. The routes serve the latest stored evaluation,
   * so this is also how old the figures are ("as of").
   */
  evaluatedAt?: string;
  /**
   * The SLO's rollup is being filled from the stored events (a new or
   * changed SLO); status is no-data until it is evaluated.
   */
  backfilling?: boolean;
  /** 0 to 1, null without data. */
  sli: number | null;
  /** 1 untouched, 0 spent, below 0 overspent; null without data. */
  remaining: number | null;
  /** Events (or answers) counted in the window. */
  total: number;
  counted?: SloCounted;
  status: SloStatus;
  /** Met, with no budget left. */
  budgetUsedUp?: boolean;
  burnRates: Array<
    BurnRateRule & {
      longBurn: number | null;
      shortBurn: number | null;
      firing: boolean;
    }
  >;
  reason?: string;
  /** An SLO of several objectives: each evaluated, in the order of the definition. */
  objectives?: ObjectiveEvaluation[];
  /** The burn-rate conditions of the SLO's OpenSLO alert policies, evaluated now. */
  alertConditions?: AlertConditionState[];
}

/**
 * One `AlertCondition` of an SLO's alert policy at one moment: the burn rate
 * over its `lookbackWindow` and whether `burn op threshold` holds. Whether it
 * has held for `alertAfter` is the scheduled job's to track.
 *
 * @public
 */
export interface AlertConditionState {
  policy: string;
  condition: string;
  op: 'lt' | 'lte' | 'gt' | 'gte';
  threshold: number;
  lookbackWindowMs: number;
  alertAfterMs: number;
  burn: number | null;
  holds: boolean;
}

/** Whether `value op threshold` holds; never for no data. @public */
export function compare(
  value: number | null,
  op: 'lt' | 'lte' | 'gt' | 'gte',
  threshold: number,
): boolean {
  if (value === null) return false;
  switch (op) {
    case 'lt':
      return value < threshold;
    case 'lte':
      return value <= threshold;
    case 'gt':
      return value > threshold;
    default:
      return value >= threshold;
  }
}

/** One objective of an SLO of several, evaluated. @public */
export type ObjectiveEvaluation = Omit<SloEvaluation, 'objectives'> & {
  displayName?: string;
  target: number;
  compositeWeight?: number;
};
