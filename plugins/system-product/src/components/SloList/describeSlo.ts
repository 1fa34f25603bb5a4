import {
  SloDefinition,
  SloDuration,
} from '@system-product/backstage-plugin-common';

const UNIT_WORDS: Record<SloDuration['unit'], [string, string]> = {
  s: ['second', 'seconds'],
  m: ['minute', 'minutes'],
  h: ['hour', 'hours'],
  d: ['day', 'days'],
  w: ['week', 'weeks'],
  M: ['month', 'months'],
  Q: ['quarter', 'quarters'],
  Y: ['year', 'years'],
};

/** An SLI (0 to 1) as a percentage with at most two decimals (97.5). */
export const sliPercent = (sli: number) => +(sli * 100).toFixed(2);

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
export function describeObjective(slo: SloDefinition): string {
  const target = `${+(slo.objective.target * 100).toFixed(3)}%`;
  const { op, value, timeSliceTarget, timeSliceWindow } = slo.objective;
  const measure = slo.indicator.threshold?.spec.measure;
  const threshold =
    op && value !== undefined
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
  const { duration, isRolling, calendarStart } = slo.window;
  if (isRolling) return `rolling ${describeDuration(duration)}`;
  return `calendar ${describeDuration(duration)}${
    calendarStart ? ` from ${calendarStart.slice(0, 10)}` : ''
  }`;
}

/** Where the SLI comes from: "system-product: deployment lead-time-seconds". */
export function describeIndicator(slo: SloDefinition): string {
  const { ratio, threshold } = slo.indicator;
  const source = threshold ?? ratio?.good ?? ratio?.bad ?? ratio?.total;
  if (!source) return slo.indicator.name;
  const measure = [source.spec.event, source.spec.measure]
    .filter(Boolean)
    .join(' ');
  return `${source.type}${measure ? `: ${measure}` : ''}${
    ratio ? ' (ratio)' : ''
  }`;
}
