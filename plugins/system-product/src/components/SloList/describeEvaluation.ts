import {
  EvaluatedSlo,
  ObjectiveEvaluation,
  SloCounted,
  SloDefinition,
  SloDuration,
  SloEvaluation,
  SloObjective,
  SloStatus,
} from '@system-product/backstage-plugin-common';
import { relativeTime, sliPercent } from '../../format';
import {
  UNIT_WORDS,
  describeObjective,
  describeWindow,
  eventWords,
  goodWords,
} from './describeSlo';

/** The status words of the SLOs tab, its detail panel and its trend. */
export const STATUS_LABELS: Record<SloStatus, string> = {
  met: 'Met',
  'at-risk': 'At risk',
  breached: 'Breached',
  'no-data': 'No data',
};

/**
 * "Met", or "Met, budget used up" when a met objective has no budget left;
 * "Backfilling" (not "No data") while the SLO's rollup is being filled.
 */
export function statusLabel(
  evaluation: Pick<SloEvaluation, 'status' | 'budgetUsedUp' | 'backfilling'>,
): string {
  if (evaluation.backfilling) return 'Backfilling';
  return evaluation.status === 'met' && evaluation.budgetUsedUp
    ? 'Met, budget used up'
    : STATUS_LABELS[evaluation.status];
}

/** What a backfilling SLO's status says on hover and in its details. */
export const BACKFILLING_NOTE =
  'The figures are being computed from the stored events (a new or changed SLO); they show here within seconds.';

/** The calendar day of an instant in a time zone (the reader's unless given). */
const dayOf = (date: Date, timeZone?: string) =>
  new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    ...(timeZone ? { timeZone } : {}),
  }).format(date);

/**
 * How old an evaluation's figures are: "as of 2:05 PM (3 minutes ago)", with
 * the day when it is not today's ("as of Nov 24, 11:30 PM (9 hours ago)") and
 * the year when not this year's. The time is in `timeZone`, the reader's
 * unless given; whether it is today is decided there too. An instant after
 * `now` (the reader's clock behind the backend's) is "just now".
 */
export function describeAsOf(
  evaluatedAt: string,
  now: Date,
  timeZone?: string,
): string {
  const at = new Date(evaluatedAt);
  const today = dayOf(at, timeZone) === dayOf(now, timeZone);
  const thisYear =
    dayOf(at, timeZone).slice(0, 4) === dayOf(now, timeZone).slice(0, 4);
  const time = new Intl.DateTimeFormat(undefined, {
    ...(today
      ? {}
      : {
          month: 'short',
          day: 'numeric',
          ...(thisYear ? {} : { year: 'numeric' }),
        }),
    hour: 'numeric',
    minute: '2-digit',
    ...(timeZone ? { timeZone } : {}),
  }).format(at);
  const ago = relativeTime(evaluatedAt, at > now ? at : now);
  return `as of ${time} (${ago})`;
}

/**
 * The line under an SLO's status on the SLOs tab: how old its figures are,
 * or that they are being computed while it backfills (its `evaluatedAt` is
 * then only when that was said); nothing when the evaluation has no instant.
 */
export function describeFreshness(
  evaluation: Pick<SloEvaluation, 'evaluatedAt' | 'backfilling'>,
  now: Date,
  timeZone?: string,
): string | undefined {
  if (evaluation.backfilling) return 'computing from the stored events';
  return evaluation.evaluatedAt
    ? describeAsOf(evaluation.evaluatedAt, now, timeZone)
    : undefined;
}

// Narrow no-break spaces group thousands ("40 320") in every locale alike.
const grouped = (n: number) =>
  String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');

/**
 * A count with its precision: whole numbers grouped (40 320), others with one
 * decimal (40.3), below 1 with two significant digits (0.05).
 */
export function formatAmount(n: number): string {
  const whole = Math.round(n);
  if (Math.abs(n - whole) < 1e-9) return grouped(whole);
  if (Math.abs(n) < 1) return String(+n.toPrecision(2));
  const [int, decimals] = n.toFixed(1).split('.');
  return decimals === '0'
    ? grouped(Number(int))
    : `${grouped(Number(int))}.${decimals}`;
}

/** A length of time in milliseconds, humanised: "4.7 min", "5.6 h", "2.8 d". */
export function describeSpan(ms: number): string {
  const round = (v: number) => +v.toFixed(1);
  if (ms < 60_000) return `${round(ms / 1000)} s`;
  if (ms < 3_600_000) return `${round(ms / 60_000)} min`;
  if (ms < 86_400_000) return `${round(ms / 3_600_000)} h`;
  return `${round(ms / 86_400_000)} d`;
}

/** A burn rate: "535.7×", or "no data". */
export const describeBurn = (burn: number | null) =>
  burn === null ? 'no data' : `${+burn.toFixed(1)}×`;

/** A slice in words: a 1-minute slice is a "minute", a 5-minute one a "5-minute slice". */
function sliceWords(window: SloDuration | undefined): [string, string] {
  if (!window) return ['slice', 'slices'];
  const [one, many] = UNIT_WORDS[window.unit];
  if (window.amount === 1) return [one, many];
  return [`${window.amount}-${one} slice`, `${window.amount}-${one} slices`];
}

const pick = (n: number, [one, many]: [string, string]) =>
  Math.abs(n - 1) < 1e-9 ? one : many;

/**
 * What an objective's figures rest on, in the unit its budgeting method
 * counts: "3 bad of 200 deployments, 2 allowed", "12 bad minutes of 40 320,
 * 40.3 allowed", and for RatioTimeslices the summed shortfall of the slices
 * with data. Slices of a calendar window still in progress are "elapsed";
 * the allowance is the whole window's.
 */
export function describeCounted(
  slo: SloDefinition,
  objective: SloObjective,
  counted: SloCounted,
  elapsed = false,
): string {
  const bad = formatAmount(counted.bad);
  const total = formatAmount(counted.total);
  const allowed = `${formatAmount(counted.allowed)} allowed`;
  if (counted.unit === 'events') {
    const words = eventWords(objective.indicator ?? slo.indicator);
    return `${bad} bad of ${total} ${pick(counted.total, words)}, ${allowed}`;
  }
  const words = sliceWords(objective.timeSliceWindow);
  if (slo.budgetingMethod === 'RatioTimeslices') {
    return `shortfall of ${bad} ${pick(
      counted.bad,
      words,
    )} over ${total} ${pick(counted.total, words)} with data, ${allowed}`;
  }
  return `${bad} bad ${pick(counted.bad, words)} of ${total}${
    elapsed ? ' elapsed' : ''
  }, ${allowed}`;
}

/** Whether a calendar window was measured before its end (its `to` lies ahead). */
export function inProgress(
  slo: SloDefinition,
  evaluation: Pick<SloEvaluation, 'window' | 'evaluatedAt'>,
): boolean {
  return (
    !slo.window.isRolling &&
    evaluation.evaluatedAt !== undefined &&
    Date.parse(evaluation.evaluatedAt) < Date.parse(evaluation.window.to)
  );
}

function formatInstant(iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(undefined, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    ...(timeZone ? { timeZone } : { timeZoneName: 'short' }),
  }).format(new Date(iso));
}

/**
 * The evaluated window's start and end. A calendar window is shown in its own
 * time zone, named, and one still in progress says up to when it was measured;
 * a rolling window is shown in the reader's time.
 */
export function describeEvaluatedWindow(
  slo: SloDefinition,
  evaluation: Pick<SloEvaluation, 'window' | 'evaluatedAt'>,
): string {
  const { from, to } = evaluation.window;
  if (slo.window.isRolling) {
    return `${formatInstant(from)} to ${formatInstant(to)}`;
  }
  const zone = slo.window.calendar?.timeZone ?? 'UTC';
  const range = `${formatInstant(from, zone)} to ${formatInstant(
    to,
    zone,
  )} (${zone})`;
  return inProgress(slo, evaluation)
    ? `${range}, measured up to ${formatInstant(evaluation.evaluatedAt!, zone)}`
    : range;
}

/**
 * The objective whose figures are the SLO's own: the only one, or for an SLO
 * of several (not composite) the one in the worst state, which the backend
 * copies. Undefined for a composite SLO, whose figures are a weighted mean.
 */
export function ownObjective(
  slo: SloDefinition,
  evaluation: SloEvaluation,
): { objective: SloObjective; evaluation: SloEvaluation } | undefined {
  const evaluations = evaluation.objectives;
  if (!evaluations || evaluations.length === 0) {
    return { objective: slo.objectives[0], evaluation };
  }
  if (slo.objectives.some(o => o.indicator)) return undefined;
  const same = (e: ObjectiveEvaluation) =>
    e.status === evaluation.status &&
    e.sli === evaluation.sli &&
    e.remaining === evaluation.remaining &&
    e.total === evaluation.total;
  const index = Math.max(0, evaluations.findIndex(same));
  return {
    objective: slo.objectives[index] ?? slo.objectives[0],
    evaluation: evaluations[index],
  };
}

/** The name of an objective: its displayName, else its place ("Objective 2"). */
export const objectiveName = (
  objective: Pick<SloObjective, 'displayName'>,
  index: number,
) => objective.displayName ?? `Objective ${index + 1}`;

/**
 * How many events were good, in plain words, with the SLI: "76 of 80
 * deployments reached production within a day (95%)". Slices say how many
 * periods were good; RatioTimeslices (an average of the periods' ratios)
 * falls back to `describeCounted`.
 */
export function describeOutcome(
  slo: SloDefinition,
  objective: SloObjective,
  counted: SloCounted,
  sli: number,
  /** Whether the SLI follows in brackets; the list shows it above already. */
  withPercent = true,
): string {
  const percent = `${sliPercent(sli)}%`;
  const after = withPercent ? ` (${percent})` : '';
  const good = formatAmount(counted.total - counted.bad);
  const total = formatAmount(counted.total);
  if (counted.unit === 'events') {
    const words = eventWords(objective.indicator ?? slo.indicator);
    return `${good} of ${total} ${pick(counted.total, words)} ${goodWords(
      slo,
      objective,
      'past',
    )}${after}`;
  }
  if (slo.budgetingMethod === 'RatioTimeslices') {
    return `${percent} on average: ${describeCounted(slo, objective, counted)}`;
  }
  const [, slices] = sliceWords(objective.timeSliceWindow);
  return `${good} of ${total} ${slices} were good${after}`;
}

/**
 * The error budget in plain words: "62% of the budget left", "budget used
 * up", "budget overspent 5×" (1 − remaining is the share of it spent), with
 * the bad events against those allowed when they are known.
 */
export function describeBudget(
  remaining: number | null,
  counted?: SloCounted,
): string {
  if (remaining === null) return 'No budget figures yet';
  const of = counted
    ? ` (${formatAmount(counted.bad)} bad, ${formatAmount(
        counted.allowed,
      )} allowed)`
    : '';
  if (remaining < 0) {
    return `Budget overspent ${+(1 - remaining).toFixed(1)}×${of}`;
  }
  if (remaining === 0) return `Budget used up${of}`;
  return `${Math.round(remaining * 100)}% of the budget left${of}`;
}

/** The burn rate of one alert window, or why no window has one. */
export type LatestBurn =
  | { burn: number; windowMs: number; why?: undefined }
  | { burn?: undefined; windowMs?: undefined; why: string };

/**
 * The burn rate of the shortest alert window (long or short, of any rule)
 * that has data: the freshest figure there is. Without one, why: "no events
 * in the last 2.8 d" (the longest window), or the evaluation's own reason
 * when no window was evaluated. An SLO without budget (target 100%) has no
 * rate once an event is bad: that is said too.
 */
export function latestBurn(
  evaluation: Pick<SloEvaluation, 'burnRates' | 'reason' | 'backfilling'>,
  unit: SloCounted['unit'] = 'events',
  target?: number,
): LatestBurn {
  if (evaluation.backfilling) return { why: 'computing' };
  const windows = evaluation.burnRates
    .flatMap(rate => [
      { windowMs: rate.longWindowMs, burn: rate.longBurn },
      { windowMs: rate.shortWindowMs, burn: rate.shortBurn },
    ])
    .sort((x, y) => x.windowMs - y.windowMs);
  if (windows.length === 0) {
    return { why: evaluation.reason ?? 'no alert window evaluated yet' };
  }
  const measured = windows.find(w => w.burn !== null);
  if (measured) return { burn: measured.burn!, windowMs: measured.windowMs };
  if (target !== undefined && target >= 1) {
    return { why: 'no budget to burn (target 100%)' };
  }
  const longest = describeSpan(windows[windows.length - 1].windowMs);
  return {
    why: `no ${unit === 'events' ? 'events' : 'data'} in the last ${longest}`,
  };
}

/** The pace of the budget's spending in the latest window, in a sentence. */
export function describePace(burn: LatestBurn): string {
  if (burn.why !== undefined) return `No pace of spending yet: ${burn.why}.`;
  return `In the last ${describeSpan(
    burn.windowMs,
  )} the budget was spent ${describeBurn(
    burn.burn,
  )} as fast as the window allows (1× uses it up exactly at its end).`;
}

/**
 * An SLO's figures in plain sentences, for its detail view: the objective
 * over its window, how many events were good, the budget and the pace of
 * its spending. An SLO of several objectives speaks of its worst; a
 * composite one of its weighted mean.
 */
export function describeSummary(slo: EvaluatedSlo): string[] {
  const { evaluation } = slo;
  const own = ownObjective(slo, evaluation);
  const objective = own
    ? `Objective: ${describeObjective(
        slo,
        own.objective,
      )}, over a ${describeWindow(slo)}.`
    : `Objective: the weighted mean of its ${
        slo.objectives.length
      } objectives, over a ${describeWindow(slo)}.`;
  if (evaluation.backfilling) return [objective, BACKFILLING_NOTE];
  if (evaluation.sli === null) {
    return [objective, `Nothing measured: ${evaluation.reason ?? 'no data'}.`];
  }
  const counted = own?.evaluation.counted;
  const outcome =
    own && counted
      ? `${describeOutcome(slo, own.objective, counted, evaluation.sli)}.`
      : `${sliPercent(evaluation.sli)}% good${
          own ? ` of ${formatAmount(evaluation.total)} events` : ', weighted'
        }.`;
  const target = own?.objective.target;
  return [
    objective,
    outcome,
    `${describeBudget(evaluation.remaining, counted)}.`,
    describePace(latestBurn(evaluation, counted?.unit, target)),
  ];
}
