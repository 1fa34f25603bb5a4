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

/** What one event of each of our event types is called, singular and plural. */
const EVENT_WORDS: Record<string, [string, string]> = {
  deployment: ['deployment', 'deployments'],
  incident: ['incident', 'incidents'],
  ticket: ['ticket', 'tickets'],
  build: ['build', 'builds'],
  survey: ['survey answer', 'survey answers'],
};

/** The metric source an indicator's figures come from: its threshold, else its ratio's parts. */
function sourceOf(indicator: SloIndicator | undefined) {
  return (
    indicator?.threshold ??
    indicator?.ratio?.good ??
    indicator?.ratio?.bad ??
    indicator?.ratio?.total ??
    indicator?.ratio?.raw
  );
}

/** The event type an SLO's figures count (`spec.event` of its source), if it names one. */
export function eventOf(
  indicator: SloIndicator | undefined,
): string | undefined {
  const event = sourceOf(indicator)?.spec.event;
  return typeof event === 'string' ? event : undefined;
}

/** What one event of an indicator is, in words: our event types, else "event". */
export function eventWords(
  indicator: SloIndicator | undefined,
): [string, string] {
  const event = eventOf(indicator);
  return (event && EVENT_WORDS[event]) || ['event', 'events'];
}

/**
 * What a good event of each of our measures does, now and in the past
 * ("reach production" / "reached production"); a threshold follows it.
 */
const MEASURE_WORDS: Record<string, [string, string]> = {
  'lead-time-seconds': ['reach production', 'reached production'],
  'time-to-restore-seconds': ['are restored', 'were restored'],
  'time-to-detect-seconds': ['are detected', 'were detected'],
  'first-response-seconds': ['get a first answer', 'got a first answer'],
  'resolve-seconds': ['are resolved', 'were resolved'],
  'build-duration-seconds': ['finish', 'finished'],
  'deployment-success': ['succeed', 'succeeded'],
  'build-success': ['succeed', 'succeeded'],
  nps: ['score', 'scored'],
  csat: ['score', 'scored'],
  ease: ['score', 'scored'],
  'knowledge-accessibility': ['score', 'scored'],
};

/** Threshold words of a duration: "within a day", "in under 15 minutes". */
const DURATION_OP_WORDS = {
  lt: 'in under',
  lte: 'within',
  gt: 'in over',
  gte: 'in at least',
} as const;

/** Seconds in words: "a day", "4 hours", "15 minutes", "90 seconds". */
function secondsInWords(seconds: number): string {
  const units: Array<[number, string, string, string]> = [
    [86_400, 'a day', 'day', 'days'],
    [3_600, 'an hour', 'hour', 'hours'],
    [60, 'a minute', 'minute', 'minutes'],
  ];
  for (const [size, one, , many] of units) {
    if (seconds >= size && seconds % size === 0) {
      return seconds === size ? one : `${seconds / size} ${many}`;
    }
  }
  return seconds === 1 ? 'a second' : `${seconds} seconds`;
}

/**
 * What makes an event of the objective good, in words, in the present or the
 * past: "reach production within a day", "succeeded", "scored at least 4".
 * An unknown measure says its name and threshold ("measure at most 300").
 */
export function goodWords(
  slo: SloDefinition,
  objective: SloObjective = slo.objectives[0],
  tense: 'present' | 'past' = 'present',
): string {
  const indicator = objective.indicator ?? slo.indicator;
  const measure = sourceOf(indicator)?.spec.measure;
  const words =
    typeof measure === 'string' ? MEASURE_WORDS[measure] : undefined;
  const [present, past] = words ?? ['are good', 'were good'];
  const verb = tense === 'present' ? present : past;
  // op and value compare a threshold metric; OpenSLO's examples also put an
  // op on ratio metrics, where it means nothing.
  const { op, value } = objective;
  if (!indicator?.threshold || !op || value === undefined) return verb;
  if (typeof measure === 'string' && measure.endsWith('-seconds')) {
    return `${verb} ${DURATION_OP_WORDS[op]} ${secondsInWords(value)}`;
  }
  if (!words) {
    return `${tense === 'present' ? 'measure' : 'measured'} ${
      OP_WORDS[op]
    } ${describeValue(value, measure)}`;
  }
  return `${verb} ${OP_WORDS[op]} ${describeValue(value, measure)}`;
}

/**
 * The objective in plain words: "95% of deployments reach production within
 * a day"; for time slices, how a slice (a period) counts.
 */
export function describeObjective(
  slo: SloDefinition,
  objective: SloObjective = slo.objectives[0],
): string {
  const target = `${+(objective.target * 100).toFixed(3)}%`;
  const { timeSliceTarget, timeSliceWindow } = objective;
  const [, events] = eventWords(objective.indicator ?? slo.indicator);
  const good = goodWords(slo, objective);
  if (slo.budgetingMethod === 'Timeslices' && timeSliceWindow) {
    return `${target} of ${describeDuration(
      timeSliceWindow,
    )} periods good (a period is good when ${+(
      (timeSliceTarget ?? 0) * 100
    ).toFixed(3)}% of its ${events} ${good})`;
  }
  if (slo.budgetingMethod === 'RatioTimeslices' && timeSliceWindow) {
    return `${target} of ${events} ${good}, on average over periods of ${describeDuration(
      timeSliceWindow,
    )}`;
  }
  return `${target} of ${events} ${good}`;
}

/** How an SLO counts its budget, in words rather than OpenSLO's method names. */
export const BUDGETING_WORDS: Record<SloDefinition['budgetingMethod'], string> =
  {
    Occurrences: 'every event counts',
    Timeslices: 'counted in periods of time',
    RatioTimeslices: 'averaged over periods of time',
  };

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
