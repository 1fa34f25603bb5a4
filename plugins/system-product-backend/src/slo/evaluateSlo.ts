import {
  AlertConditionState,
  BurnRateRule,
  MeasuredObjective,
  ObjectiveEvaluation,
  SLO_STATUSES,
  SloDefinition,
  SloEvaluation,
  burnRate,
  burnRateRules,
  compare,
  durationMs,
  errorBudget,
  isBadSlice,
  isComposite,
  measuredObjectives,
  occurrences,
  ratioSliceBurnRate,
  ratioTimeslices,
  sliceBurnRate,
  sloStatus,
  timeslices,
  windowAt,
} from '@system-product/backstage-plugin-common';
import { SliCounts, SliceCounts, TimeRange } from './countingRule';

/**
 * What evaluating an objective needs of an SLI source: counts over ranges,
 * and per slice. Every `SliSource` is adapted to it by `counterFor`.
 */
export interface Counter {
  countRanges(
    entityRef: string,
    measured: MeasuredObjective,
    ranges: TimeRange[],
  ): Promise<Array<SliCounts | string> | string>;
  countSlices(
    entityRef: string,
    measured: MeasuredObjective,
    range: TimeRange,
    sliceMs: number,
  ): Promise<SliceCounts[] | string>;
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

type Burn = {
  rule: BurnRateRule;
  longBurn: number | null;
  shortBurn: number | null;
};

/** Each rule with the burn rates of its two windows. */
const ruleBurns = (
  rules: BurnRateRule[],
  burnOver: (ms: number) => number | null,
): Burn[] =>
  rules.map(rule => ({
    rule,
    longBurn: burnOver(rule.longWindowMs),
    shortBurn: burnOver(rule.shortWindowMs),
  }));

/**
 * Evaluates an SLO of an entity at `now`: each objective with the counter
 * its indicator's metric source type names. One objective is the SLO's
 * evaluation; several are listed under `objectives`, the SLO's own figures
 * being those of the objective in the worst state, or for a composite SLO
 * their weighted combination (see {@link combineComposite}).
 */
export async function evaluateSlo(
  counterOf: (measured: MeasuredObjective) => Counter | string,
  entityRef: string,
  slo: SloDefinition,
  now: Date,
): Promise<SloEvaluation> {
  const range = windowAt(now, slo.window);
  const window = { from: range.from.toISOString(), to: range.to.toISOString() };
  const conditions = (slo.alertPolicies ?? []).flatMap(policy =>
    policy.conditions.map(condition => ({ policy: policy.name, condition })),
  );
  // A lookback of months has no fixed length: such a condition never holds.
  const lookbacks = conditions.map(
    c => durationMs(c.condition.lookbackWindow) ?? 0,
  );
  const measured = await Promise.all(
    measuredObjectives(slo).map(async objective => {
      const counter = counterOf(objective);
      const result =
        typeof counter === 'string'
          ? {
              evaluation: noDataEvaluation(window, counter),
              lookbackBurns: lookbacks.map(() => null),
            }
          : await evaluateObjective(
              counter,
              entityRef,
              objective,
              range,
              now,
              lookbacks,
            );
      const { displayName, target, compositeWeight } = objective.objective;
      const figures = { ...result.evaluation, evaluatedAt: now.toISOString() };
      return {
        lookbackBurns: result.lookbackBurns,
        // The objective's own figures, and the same labelled for a list.
        figures,
        evaluation: {
          ...figures,
          ...(displayName && { displayName }),
          target,
          ...(compositeWeight !== undefined && { compositeWeight }),
        } as ObjectiveEvaluation,
      };
    }),
  );
  const evaluations = measured.map(m => m.evaluation);
  const composite = isComposite(slo);
  const alertConditions: AlertConditionState[] = conditions.map(
    ({ policy, condition }, c) => {
      const burns = measured.map(m => m.lookbackBurns[c]);
      // A composite's burn is the weighted mean of its objectives'; any other
      // SLO's condition holds when it holds for one of its objectives.
      let burn: number | null;
      if (composite) {
        const known = evaluations
          .map((e, i) => ({ weight: e.compositeWeight ?? 1, burn: burns[i] }))
          .filter(x => x.burn !== null);
        const weights = known.reduce((sum, x) => sum + x.weight, 0);
        burn =
          known.length === 0
            ? null
            : known.reduce((sum, x) => sum + x.weight * x.burn!, 0) / weights;
      } else {
        burn =
          burns.find(b => compare(b, condition.op, condition.threshold)) ??
          burns.find(b => b !== null) ??
          null;
      }
      return {
        policy,
        condition: condition.name,
        op: condition.op,
        threshold: condition.threshold,
        lookbackWindowMs: lookbacks[c],
        alertAfterMs: durationMs(condition.alertAfter) ?? 0,
        burn,
        holds:
          lookbacks[c] > 0 && compare(burn, condition.op, condition.threshold),
      };
    },
  );
  const withAlerts = (e: SloEvaluation): SloEvaluation =>
    conditions.length > 0 ? { ...e, alertConditions } : e;
  if (evaluations.length === 1 && !composite) {
    return withAlerts(measured[0].figures);
  }
  const own = composite
    ? combineComposite(evaluations, range, now, slo.window.isRolling)
    : worstOf(measured.map(m => m.figures));
  return withAlerts({
    ...own,
    window,
    evaluatedAt: now.toISOString(),
    objectives: evaluations,
  });
}

/** The objective in the worst state (breached, then at risk, met, no data). */
function worstOf(evaluations: SloEvaluation[]): SloEvaluation {
  const rank = (e: SloEvaluation) => SLO_STATUSES.indexOf(e.status);
  return [...evaluations].sort((a, b) => rank(a) - rank(b))[0];
}

/**
 * A composite SLO's own figures: the weighted means (by `compositeWeight`,
 * default 1) of its objectives' SLIs, targets, remaining budgets and the burn
 * rates of each alert window, over the objectives that have data; its status
 * follows from those as for any objective.
 */
export function combineComposite(
  evaluations: ObjectiveEvaluation[],
  range: TimeRange,
  now: Date,
  isRolling: boolean,
): SloEvaluation {
  const window = { from: range.from.toISOString(), to: range.to.toISOString() };
  const withData = evaluations.filter(
    e => e.sli !== null && e.remaining !== null,
  );
  const total = evaluations.reduce((sum, e) => sum + e.total, 0);
  if (withData.length === 0) {
    return { ...noDataEvaluation(window, 'no objective has data'), total };
  }
  const weight = (e: ObjectiveEvaluation) => e.compositeWeight ?? 1;
  const weights = withData.reduce((sum, e) => sum + weight(e), 0);
  const mean = (value: (e: ObjectiveEvaluation) => number) =>
    withData.reduce((sum, e) => sum + weight(e) * value(e), 0) / weights;
  const sli = mean(e => e.sli!);
  const target = mean(e => e.target);
  const remaining = mean(e => e.remaining!);
  const periodMs = range.to.getTime() - range.from.getTime();
  const burns: Burn[] = burnRateRules(periodMs).map((rule, i) => {
    const combine = (pick: 'longBurn' | 'shortBurn') => {
      const known = withData.filter(
        e =>
          e.burnRates[i]?.[pick] !== null &&
          e.burnRates[i]?.[pick] !== undefined,
      );
      if (known.length === 0) return null;
      const w = known.reduce((sum, e) => sum + weight(e), 0);
      return (
        known.reduce((sum, e) => sum + weight(e) * e.burnRates[i][pick]!, 0) / w
      );
    };
    return {
      rule,
      longBurn: combine('longBurn'),
      shortBurn: combine('shortBurn'),
    };
  });
  return judge({
    window,
    sli,
    target,
    remaining,
    total,
    burns,
    range,
    now,
    isRolling,
  });
}

/** The status and burn-rate rows of an objective's figures. */
function judge(input: {
  window: SloEvaluation['window'];
  sli: number | null;
  target: number;
  remaining: number | null;
  total: number;
  burns: Burn[];
  range: TimeRange;
  now: Date;
  isRolling: boolean;
  counted?: SloEvaluation['counted'];
}): SloEvaluation {
  const { range, now, burns } = input;
  const periodMs = range.to.getTime() - range.from.getTime();
  // The slowest rule's long window (3 days of a 30-day period) projects a
  // calendar period's budget.
  const slowest = burns[burns.length - 1];
  const { status, firing, budgetUsedUp } = sloStatus({
    sli: input.sli,
    target: input.target,
    remaining: input.remaining,
    rules: burns,
    ...(!input.isRolling && {
      exhaustion: {
        burn: slowest?.longBurn ?? null,
        timeLeftMs: Math.max(0, range.to.getTime() - now.getTime()),
        periodMs,
      },
    }),
  });
  return {
    window: input.window,
    sli: input.sli,
    remaining: input.remaining,
    total: input.total,
    ...(input.counted && { counted: input.counted }),
    status,
    ...(status !== 'no-data' && { budgetUsedUp }),
    burnRates: burns.map(b => ({
      ...b.rule,
      longBurn: b.longBurn,
      shortBurn: b.shortBurn,
      firing: firing.includes(b.rule),
    })),
    ...(input.sli === null && { reason: 'no events in the window' }),
  };
}

/**
 * One objective over the SLO window `range` at `now`, each budgeting method
 * in its own unit:
 *
 *   Occurrences      events: SLI = good / total; alert windows burn at
 *                    (bad / total) / budget
 *   Timeslices       slices: SLI = 1 − bad slices / elapsed slices; alert
 *                    windows burn at bad slices / (budget × slices in the window)
 *   RatioTimeslices  slices: SLI = mean slice ratio; alert windows burn at
 *                    (1 − mean slice ratio in the window) / budget
 *
 * A calendar window's slices start with its period; a rolling window's
 * lie on a fixed grid (multiples of the slice length since the epoch), the
 * window holding the slices that start in [now − period, now), the last
 * one in progress (when now falls on the grid: whole slices ending now).
 * An alert window of W covers the last ⌈W / slice⌉ slices up to the
 * one that contains now (at least one), reaching before the window's start
 * where it must.
 */
async function evaluateObjective(
  counter: Counter,
  entityRef: string,
  measured: MeasuredObjective,
  range: TimeRange,
  now: Date,
  lookbacks: number[],
): Promise<{ evaluation: SloEvaluation; lookbackBurns: Array<number | null> }> {
  const window = { from: range.from.toISOString(), to: range.to.toISOString() };
  const noData = (reason: string) => ({
    evaluation: noDataEvaluation(window, reason),
    lookbackBurns: lookbacks.map(() => null),
  });
  const { objective, budgetingMethod } = measured;
  const target = objective.target;
  // A calendar window ends in the future: measure up to now.
  const to = range.to < now ? range.to : now;
  const periodMs = range.to.getTime() - range.from.getTime();
  const rules = burnRateRules(periodMs);
  const judged = (
    figures: {
      sli: number | null;
      remaining: number | null;
      total: number;
      burns: Burn[];
      counted: SloEvaluation['counted'];
    },
    burnOver: (ms: number) => number | null,
  ) => ({
    evaluation: judge({
      window,
      target,
      range,
      now,
      isRolling: measured.window.isRolling,
      ...figures,
    }),
    // Alert policies' lookback windows burn as the rules' windows do.
    lookbackBurns: lookbacks.map(ms => (ms > 0 ? burnOver(ms) : null)),
  });

  if (budgetingMethod === 'Occurrences') {
    const ago = (ms: number) => new Date(now.getTime() - ms);
    const windows = [
      ...rules.flatMap(rule => [rule.longWindowMs, rule.shortWindowMs]),
      ...lookbacks,
    ];
    // The window and every alert window in one go: for a source with
    // countRanges (the built-in one) one aggregate query per objective
    // instead of one per window.
    const all = await counter.countRanges(entityRef, measured, [
      { from: range.from, to },
      ...windows.map(ms => ({ from: ago(ms), to: now })),
    ]);
    if (typeof all === 'string') return noData(all);
    const [counts, ...inWindows] = all;
    if (typeof counts === 'string') return noData(counts);
    const result = occurrences(counts, target);
    const burnOver = (ms: number) => {
      const c = inWindows[windows.indexOf(ms)];
      return c === undefined || typeof c === 'string'
        ? null
        : burnRate(c, target);
    };
    return judged(
      {
        ...result,
        total: counts.total,
        counted: {
          unit: 'events',
          bad: counts.total - counts.good,
          total: counts.total,
          allowed: errorBudget(target) * counts.total,
        },
        burns: ruleBurns(rules, burnOver),
      },
      burnOver,
    );
  }

  const sliceMs =
    objective.timeSliceWindow && durationMs(objective.timeSliceWindow);
  if (!sliceMs) {
    return noData('timeSliceWindow must be a fixed duration such as 1m or 1d');
  }
  const windowSlices = Math.max(1, Math.round(periodMs / sliceMs));
  // A calendar window's slices start with its period; a rolling window's
  // lie on a fixed grid (multiples of the slice since the epoch, UTC), the
  // window holding those that start in [now − period, now), the last one
  // in progress. The same slices at every evaluation, so they can be kept.
  const first = measured.window.isRolling
    ? new Date(Math.ceil(range.from.getTime() / sliceMs) * sliceMs)
    : range.from;
  const elapsed = Math.max(
    1,
    Math.min(
      windowSlices,
      Math.ceil((to.getTime() - first.getTime()) / sliceMs),
    ),
  );
  const alertSlices = (ms: number) => Math.max(1, Math.ceil(ms / sliceMs));
  // Slices the alert windows need before the SLO window starts.
  const before = Math.max(
    0,
    ...[...rules.map(rule => rule.longWindowMs), ...lookbacks].map(
      ms => alertSlices(ms) - elapsed,
    ),
  );
  const origin = new Date(first.getTime() - before * sliceMs);
  const slices = await counter.countSlices(
    entityRef,
    measured,
    { from: origin, to },
    sliceMs,
  );
  if (typeof slices === 'string') return noData(slices);
  const indexed = slices.map(slice => ({
    ...slice,
    index: Math.round((slice.start.getTime() - first.getTime()) / sliceMs),
  }));
  const inWindow = indexed.filter(s => s.index >= 0 && s.index < elapsed);
  const lastOf = (n: number) =>
    indexed.filter(s => s.index <= elapsed - 1 && s.index > elapsed - 1 - n);
  const total = inWindow.reduce((sum, s) => sum + s.total, 0);

  if (budgetingMethod === 'Timeslices') {
    const timeSliceTarget = objective.timeSliceTarget ?? 1;
    const result = timeslices(inWindow, {
      target,
      timeSliceTarget,
      windowSlices,
      elapsedSlices: elapsed,
    });
    const burnOver = (ms: number) => {
      const n = alertSlices(ms);
      const bad = lastOf(n).filter(s => isBadSlice(s, timeSliceTarget)).length;
      return result.sli === null ? null : sliceBurnRate(bad, n, target);
    };
    return judged(
      {
        sli: result.sli,
        remaining: result.remaining,
        total,
        counted: {
          unit: 'slices',
          bad: result.badSlices,
          total: result.elapsedSlices,
          allowed: result.allowedBadSlices,
        },
        burns: ruleBurns(rules, burnOver),
      },
      burnOver,
    );
  }

  const result = ratioTimeslices(inWindow, target);
  const withData = inWindow.filter(s => s.total > 0);
  const shortfall = withData.reduce(
    (sum, s) => sum + (1 - s.good / s.total),
    0,
  );
  const burnOver = (ms: number) =>
    ratioSliceBurnRate(lastOf(alertSlices(ms)), target);
  return judged(
    {
      ...result,
      total,
      counted: {
        unit: 'slices',
        bad: shortfall,
        total: withData.length,
        allowed: errorBudget(target) * withData.length,
      },
      burns: ruleBurns(rules, burnOver),
    },
    burnOver,
  );
}
