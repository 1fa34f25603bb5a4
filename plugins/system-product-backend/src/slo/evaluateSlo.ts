import {
  SloDefinition,
  SloEvaluation,
  burnRate,
  burnRateRules,
  durationMs,
  occurrences,
  ratioTimeslices,
  sloStatus,
  timeslices,
  windowAt,
} from '@system-product/backstage-plugin-common';
import { EventSliSource } from './EventSliSource';
import { SliSourceRegistry } from './SliSourceRegistry';

/** The SLI source an SLO's metric source type names. */
type Counter = Pick<EventSliSource, 'countRanges' | 'countSlices'>;

/**
 * The counter for an SLO: the built-in one for `system-product`, a source a
 * module added through the extension point for other types (Occurrences
 * only: such a source counts a range, not slices), or a reason.
 */
export function counterFor(
  slo: SloDefinition,
  builtIn: EventSliSource,
  registry: SliSourceRegistry,
): Counter | string {
  const { ratio, threshold } = slo.indicator;
  const type = (threshold ?? ratio?.total)?.type;
  const partTypes = new Set(
    [ratio?.good, ratio?.bad, ratio?.total].flatMap(part =>
      part ? [part.type] : [],
    ),
  );
  if (partTypes.size > 1) {
    return `the good, bad and total of a ratio metric must come from one metric source type, not ${[
      ...partTypes,
    ].join(', ')}`;
  }
  if (type === 'system-product') return builtIn;
  const external = type ? registry.get(type) : undefined;
  if (!external) {
    return `no SLI source for metric source type ${type}; a backend module can add one (systemProductSliSourcesExtensionPoint)`;
  }
  return {
    countRanges: async (entityRef, definition, ranges) =>
      Promise.all(
        ranges.map(({ from, to }) => {
          const indicator = definition.indicator;
          const parts = indicator.ratio;
          return external.count({
            entityRef,
            spec: (indicator.threshold ?? parts!.total).spec,
            ...(parts && {
              ratio: {
                good: parts.good?.spec,
                bad: parts.bad?.spec,
                total: parts.total.spec,
              },
            }),
            from,
            to,
          });
        }),
      ),
    countSlices: async () =>
      `SLI sources of type ${type} count whole ranges; use the Occurrences budgeting method`,
  };
}

/** An evaluation that could not measure anything, and says why. */
export function noDataEvaluation(
  window: SloEvaluation['window'],
  reason: string,
): SloEvaluation {
  return {
    window,
    sli: null,
    remaining: null,
    total: 0,
    status: 'no-data',
    burnRates: [],
    reason,
  };
}

/** Evaluates an SLO of an entity at `now`. */
export async function evaluateSlo(
  source: Counter,
  entityRef: string,
  slo: SloDefinition,
  now: Date,
): Promise<SloEvaluation> {
  const range = windowAt(now, {
    duration: slo.window.duration,
    isRolling: slo.window.isRolling,
    calendarStart: slo.window.calendarStart
      ? new Date(slo.window.calendarStart)
      : undefined,
  });
  // A calendar window ends in the future: measure up to now.
  const to = range.to < now ? range.to : now;
  const window = { from: range.from.toISOString(), to: range.to.toISOString() };
  const noData = (reason: string) => noDataEvaluation(window, reason);

  // The window and every alert window in one go: for the built-in source one
  // aggregate query per SLO instead of one per window.
  const rules = burnRateRules(range.to.getTime() - range.from.getTime());
  const ago = (ms: number) => new Date(now.getTime() - ms);
  const all = await source.countRanges(entityRef, slo, [
    { from: range.from, to },
    ...rules.flatMap(rule => [
      { from: ago(rule.longWindowMs), to: now },
      { from: ago(rule.shortWindowMs), to: now },
    ]),
  ]);
  if (typeof all === 'string') return noData(all);
  const [counts, ...windows] = all;
  if (typeof counts === 'string') return noData(counts);

  let result: { sli: number | null; remaining: number | null };
  const target = slo.objective.target;
  if (slo.budgetingMethod === 'Occurrences') {
    result = occurrences(counts, target);
  } else {
    const sliceMs =
      slo.objective.timeSliceWindow &&
      durationMs(slo.objective.timeSliceWindow);
    if (!sliceMs)
      return noData(
        'timeSliceWindow must be a fixed duration such as 1m or 1d',
      );
    const slices = await source.countSlices(
      entityRef,
      slo,
      range.from,
      to,
      sliceMs,
    );
    if (typeof slices === 'string') return noData(slices);
    result =
      slo.budgetingMethod === 'Timeslices'
        ? timeslices(slices, {
            target,
            timeSliceTarget: slo.objective.timeSliceTarget ?? 1,
            windowSlices: Math.max(
              1,
              Math.round((range.to.getTime() - range.from.getTime()) / sliceMs),
            ),
          })
        : ratioTimeslices(slices, target);
  }

  const burns = rules.map((rule, i) => {
    const long = windows[2 * i];
    const short = windows[2 * i + 1];
    return {
      rule,
      longBurn: typeof long === 'string' ? null : burnRate(long, target),
      shortBurn: typeof short === 'string' ? null : burnRate(short, target),
    };
  });
  const { status, firing } = sloStatus({
    remaining: result.remaining,
    rules: burns,
  });
  return {
    window,
    sli: result.sli,
    remaining: result.remaining,
    total: counts.total,
    status,
    burnRates: burns.map(b => ({
      ...b.rule,
      longBurn: b.longBurn,
      shortBurn: b.shortBurn,
      firing: firing.includes(b.rule),
    })),
    ...(result.sli === null ? { reason: 'no events in the window' } : {}),
  };
}
