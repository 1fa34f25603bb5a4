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

/** Health of an SLO. @public */
export type SloStatus = 'healthy' | 'at-risk' | 'breaching' | 'no-data';

/**
 * Status from the remaining budget and the burn rates of each rule's windows
 * (null where a window had no traffic):
 *
 *   no-data    nothing was measured in the SLO window
 *   breaching  the budget is spent, or a page rule fires (fast burn)
 *   at-risk    a ticket rule fires (slow burn), or under a quarter of the budget is left
 *   healthy    otherwise
 *
 * @public
 */
export function sloStatus(input: {
  remaining: number | null;
  rules: Array<{
    rule: BurnRateRule;
    longBurn: number | null;
    shortBurn: number | null;
  }>;
}): { status: SloStatus; firing: BurnRateRule[] } {
  if (input.remaining === null) return { status: 'no-data', firing: [] };
  const firing = input.rules
    .filter(
      ({ rule, longBurn, shortBurn }) =>
        longBurn !== null &&
        shortBurn !== null &&
        longBurn > rule.factor &&
        shortBurn > rule.factor,
    )
    .map(({ rule }) => rule);
  if (input.remaining <= 0 || firing.some(r => r.severity === 'page')) {
    return { status: 'breaching', firing };
  }
  if (firing.length > 0 || input.remaining < 0.25) {
    return { status: 'at-risk', firing };
  }
  return { status: 'healthy', firing };
}

/**
 * An SLO evaluated at one moment: its SLI and remaining budget over the SLO
 * window, the burn rate of each alert rule's windows, and the status. When the
 * SLI cannot be measured, `reason` says why and the status is no-data.
 *
 * @public
 */
export interface SloEvaluation {
  window: { from: string; to: string };
  /** 0 to 1, null without data. */
  sli: number | null;
  /** 1 untouched, 0 spent, below 0 overspent; null without data. */
  remaining: number | null;
  /** Events (or answers) counted in the window. */
  total: number;
  status: SloStatus;
  burnRates: Array<
    BurnRateRule & {
      longBurn: number | null;
      shortBurn: number | null;
      firing: boolean;
    }
  >;
  reason?: string;
}
