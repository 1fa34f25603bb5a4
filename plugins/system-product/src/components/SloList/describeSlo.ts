import {
  SloAlertCondition,
  SloDefinition,
  SloDuration,
  SloIndicator,
  SloObjective,
} from '@system-product/backstage-plugin-common';

/** Singular and plural words of each OpenSLO duration unit. */
export const UNIT_WORDS: Record<SloDuration['unit'], [string, string]> = {
  s: ['second', 'seconds'],
  m: ['minute', 'minutes'],
  h: ['hour', 'hours'],
  d: ['day', 'days'],
  w: ['week', 'weeks'],
  M: ['month', 'months'],
  Q: ['quarter', 'quarters'],
  Y: ['year', 'years'],
};

/** "28 days", "1 month". */
export function describeDuration(d: SloDuration): string {
  const [one, many] = UNIT_WORDS[d.unit];
  return `${d.amount} ${d.amount === 1 ? one : many}`;
}

const OP_WORDS = {
  lt: 'below',
  lte: 'at most',
  gt: 'above',
  gte: 'at least',
} as const;

/** A threshold with its unit: measures named `...-seconds` read as durations. */
export function describeValue(value: number, measure: unknown): string {
  if (typeof measure !== 'string' || !measure.endsWith('-seconds')) {
    return String(value);
  }
  if (value % 86_400 === 0) return `${value / 86_400} d`;
  if (value % 3_600 === 0) return `${value / 3_600} h`;
  if (value % 60 === 0) return `${value / 60} min`;
  return `${value} s`;
}

/** The objective in words, with its units: "95% of events good at most 1 d". */
export function describeObjective(
  slo: SloDefinition,
  objective: SloObjective = slo.objectives[0],
): string {
  const target = `${+(objective.target * 100).toFixed(3)}%`;
  const { op, value, timeSliceTarget, timeSliceWindow } = objective;
  const indicator = objective.indicator ?? slo.indicator;
  // op and value compare a threshold metric; OpenSLO's examples also put an
  // op on ratio metrics, where it means nothing.
  const measure = indicator?.threshold?.spec.measure;
  const threshold =
    indicator?.threshold && op && value !== undefined
      ? ` ${OP_WORDS[op]} ${describeValue(value, measure)}`
      : '';
  if (slo.budgetingMethod === 'Timeslices' && timeSliceWindow) {
    return `${target} of ${describeDuration(
      timeSliceWindow,
    )} slices good (a slice is good at ${+(
      (timeSliceTarget ?? 0) * 100
    ).toFixed(3)}%${threshold})`;
  }
  if (slo.budgetingMethod === 'RatioTimeslices' && timeSliceWindow) {
    return `${target} on average over ${describeDuration(
      timeSliceWindow,
    )} slices${threshold}`;
  }
  return `${target} of events good${threshold}`;
}

/** The window in words: "rolling 28 days" or "calendar month from 2026-01-01". */
export function describeWindow(slo: SloDefinition): string {
  const { duration, isRolling, calendar } = slo.window;
  if (isRolling) return `rolling ${describeDuration(duration)}`;
  if (!calendar) return `calendar ${describeDuration(duration)}`;
  const zone = calendar.timeZone === 'UTC' ? '' : ` ${calendar.timeZone}`;
  return `calendar ${describeDuration(
    duration,
  )} from ${calendar.startTime.slice(0, 10)}${zone}`;
}

/** Where the SLI comes from: "system-product: deployment lead-time-seconds". */
export function describeIndicator(
  slo: SloDefinition,
  indicator: SloIndicator | undefined = slo.indicator ??
    slo.objectives[0].indicator,
): string {
  if (!indicator) return '';
  const { ratio, threshold } = indicator;
  const source =
    threshold ?? ratio?.good ?? ratio?.bad ?? ratio?.total ?? ratio?.raw;
  if (!source) return indicator.name;
  const measure = [source.spec.event, source.spec.measure]
    .filter(Boolean)
    .join(' ');
  return `${source.type}${measure ? `: ${measure}` : ''}${
    ratio ? ' (ratio)' : ''
  }`;
}

const OP_SYMBOLS = { lt: '<', lte: '≤', gt: '>', gte: '≥' } as const;

/**
 * An OpenSLO burn-rate alert condition in words: "burn rate ≥ 14.4× over
 * 1 hour for 5 minutes".
 */
export function describeAlertCondition(condition: SloAlertCondition): string {
  const after =
    condition.alertAfter.amount > 0
      ? ` for ${describeDuration(condition.alertAfter)}`
      : '';
  return `burn rate ${OP_SYMBOLS[condition.op]} ${
    condition.threshold
  }× over ${describeDuration(condition.lookbackWindow)}${after}`;
}
