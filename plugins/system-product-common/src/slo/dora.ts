/*
 * DORA's four keys and their performance bands (2023 State of DevOps report):
 *
 *   deployment frequency   elite ≥ 1 a day; high ≥ 1 a week; medium ≥ 1 a month; low less
 *   lead time for changes  elite < 1 day; high < 1 week; medium < 1 month; low longer
 *   change failure rate    elite ≤ 5%; high ≤ 10%; medium ≤ 15%; low higher
 *   recovery time          elite < 1 hour; high < 1 day; medium < 1 week; low longer
 */

/** A DORA performance band. @public */
export type DoraBand = 'elite' | 'high' | 'medium' | 'low';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Band of a deployment frequency in deployments per day; null without data. @public */
export function deploymentFrequencyBand(
  perDay: number | null,
): DoraBand | null {
  if (perDay === null) return null;
  if (perDay >= 1) return 'elite';
  if (perDay >= 1 / 7) return 'high';
  if (perDay >= 1 / 30) return 'medium';
  return 'low';
}

/** Band of a lead time for changes in milliseconds. @public */
export function leadTimeBand(ms: number | null): DoraBand | null {
  if (ms === null) return null;
  if (ms < DAY) return 'elite';
  if (ms < 7 * DAY) return 'high';
  if (ms < 30 * DAY) return 'medium';
  return 'low';
}

/** Band of a change failure rate (0 to 1). @public */
export function changeFailureRateBand(rate: number | null): DoraBand | null {
  if (rate === null) return null;
  if (rate <= 0.05) return 'elite';
  if (rate <= 0.1) return 'high';
  if (rate <= 0.15) return 'medium';
  return 'low';
}

/** Band of a failed-deployment recovery time in milliseconds. @public */
export function recoveryTimeBand(ms: number | null): DoraBand | null {
  if (ms === null) return null;
  if (ms < HOUR) return 'elite';
  if (ms < DAY) return 'high';
  if (ms < 7 * DAY) return 'medium';
  return 'low';
}

/** Change failure rate: failed deployments / deployments; null without deployments. @public */
export function changeFailureRate(
  failed: number,
  deployments: number,
): number | null {
  return deployments > 0 ? failed / deployments : null;
}

/** Median of durations, or null for none. @public */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** DORA's four keys of an entity over a period, each with its band (null without data). @public */
export interface DoraMetrics {
  days: number;
  deploymentsPerDay: { value: number | null; band: DoraBand | null };
  leadTimeSeconds: { value: number | null; band: DoraBand | null };
  changeFailureRate: { value: number | null; band: DoraBand | null };
  recoverySeconds: { value: number | null; band: DoraBand | null };
}
