import {
  SloDefinition,
  SloEvaluation,
  measuredObjectives,
  windowAt,
} from '@system-product/backstage-plugin-common';
import { SloStatusStore } from '../database/SloStatusStore';

/** Points of a trend over one window, as the SLOs tab asks for them. */
export const TREND_POINTS = 500;

/** Whether every objective of the SLO is counted by the built-in source (from rollups). */
export function countedFromRollups(slo: SloDefinition): boolean {
  return measuredObjectives(slo).every(({ indicator }) => {
    const { ratio, threshold } = indicator;
    const parts = [
      ratio?.good,
      ratio?.bad,
      ratio?.total,
      ratio?.raw,
      threshold,
    ].filter(Boolean);
    return parts.length > 0 && parts.every(p => p!.type === 'system-product');
  });
}

/**
 * Fills an SLO's trend back to the start of its window at `now`: an SLO
 * defined (or first seen) today shows how it would have stood over its
 * whole window, not a trend that starts today. The instants are spaced as
 * the trend's points are (the window over {@link TREND_POINTS}), from just
 * before the oldest kept evaluation (or `now`) back to the window's start,
 * each evaluated with the events stored now. Only SLOs counted from rollups
 * are filled (a few statements an instant). A run stops after `budgetMs`
 * with what it added kept; the next run goes on from there. Returns the
 * points added.
 */
export async function backfillSloHistory(options: {
  entityRef: string;
  slo: SloDefinition;
  now: Date;
  statuses: SloStatusStore;
  evaluate: (at: Date) => Promise<SloEvaluation>;
  budgetMs?: number;
}): Promise<number> {
  const { entityRef, slo, now, statuses, budgetMs = 30_000 } = options;
  if (!countedFromRollups(slo)) return 0;
  const started = Date.now();
  const window = windowAt(now, slo.window);
  const stepMs = Math.max(
    60_000,
    Math.ceil((window.to.getTime() - window.from.getTime()) / TREND_POINTS),
  );
  const oldest = (await statuses.oldest(entityRef, slo.name)) ?? now;
  let added = 0;
  let points: Array<{ at: Date; evaluation: SloEvaluation }> = [];
  const flush = async () => {
    await statuses.recordPast(entityRef, slo.name, points);
    added += points.length;
    points = [];
  };
  for (
    let t = oldest.getTime() - stepMs;
    t >= window.from.getTime() && Date.now() - started < budgetMs;
    t -= stepMs
  ) {
    const at = new Date(t);
    points.push({ at, evaluation: await options.evaluate(at) });
    if (points.length === 50) await flush();
  }
  await flush();
  return added;
}
