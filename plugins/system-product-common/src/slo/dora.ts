/*
 * DORA's software delivery performance metrics as dora.dev defines them
 * (https://dora.dev/guides/dora-metrics/): throughput is change lead time,
 * deployment frequency and failed-deployment recovery time; instability is
 * change fail rate and deployment rework rate.
 *
 * Bands are the software delivery performance clusters of the 2024 Accelerate
 * State of DevOps report (https://dora.dev/research/2024/dora-report/), the
 * latest report that publishes clusters (2025 groups teams into archetypes):
 *
 *                         elite               high              medium             low
 *   deployment frequency  on demand           daily to weekly   weekly to monthly  monthly to 6-monthly
 *   change lead time      < 1 day             1 day to 1 week   1 week to 1 month  1 to 6 months
 *   change fail rate      5%                  20%               10%                40%
 *   recovery time         < 1 hour            < 1 day           < 1 day            1 week to 1 month
 *
 * The report gives no cluster for rework rate, time to detect or time to
 * restore an incident: those figures carry no band.
 */

import type { SystemProductApiSchemas as Schemas } from '../schema/schemas';
import { doraPeriodDaysValues } from '../schema/openapi.generated';

/** A performance cluster of the DORA report. @public */
export type DoraBand = NonNullable<Schemas['DoraBand']>;

/** A period DORA figures are computed over, in days. @public */
export type DoraPeriodDays = Schemas['DoraPeriodDays'];

/** Periods DORA figures are computed over, in days, as the API document lists them. @public */
export const DORA_PERIOD_DAYS: readonly DoraPeriodDays[] = doraPeriodDaysValues;

/** The period when the caller names none. @public */
export const DORA_DEFAULT_PERIOD_DAYS: DoraPeriodDays = 30;

/**
 * Fewest samples (deployments, failed deployments or incidents) a median or
 * a rate needs for a band: below it the figure is shown with its sample size
 * and "not enough data". Deployment frequency needs one deployment: its
 * evidence is the period's weeks and months, not the number of deployments.
 *
 * @public
 */
export const DORA_MIN_SAMPLES = 5;

/** Where the bands come from. @public */
export const DORA_BANDS_SOURCE = {
  title: 'DORA, Accelerate State of DevOps Report 2024: performance clusters',
  url: 'https://dora.dev/research/2024/dora-report/',
} as const;

/** How often an entity deploys to production. @public */
export type DeploymentCadence = NonNullable<DeploymentFrequency['cadence']>;

/**
 * Production deployments on one day of the period; `day` counts whole days
 * back from the period's end (0 is its last 24 hours).
 *
 * @public
 */
export interface DeployDay {
  day: number;
  deployments: number;
}

/** Deployment frequency as a cadence, with the counts it is read from. @public */
export type DeploymentFrequency = DoraMetrics['deploymentFrequency'];

/** A median duration in seconds, or a rate from 0 to 1, and what it stands on. @public */
export type DoraFigure = Schemas['DoraFigure'];

/** A rate with its numerator: `value` = `count` / `sampleSize`. @public */
export type DoraRate = Schemas['DoraRate'];

/** The DORA figures of an entity over a period (each field described in the API document). @public */
export type DoraMetrics = Schemas['DoraMetrics'];

const HOUR = 3600;
const DAY = 24 * HOUR;

/** Whether a number of days is one of DORA_PERIOD_DAYS. @public */
export function isDoraPeriodDays(days: number): days is DoraPeriodDays {
  return (DORA_PERIOD_DAYS as readonly number[]).includes(days);
}

/** Median of numbers, or null for none. @public */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const CADENCE_BANDS: Record<DeploymentCadence, DoraBand> = {
  'on-demand': 'elite',
  daily: 'high',
  weekly: 'high',
  monthly: 'medium',
  'fewer-than-monthly': 'low',
};

/**
 * Deployment frequency as a cadence, never the mean (30 deployments on one
 * day are not a daily cadence). The period of `days` is cut, back from its
 * end, into 7-day weeks (ceil(days / 7)) and 30-day months (ceil(days / 30));
 * the oldest of each may be shorter. Then, with at least one deployment:
 *
 *   on-demand           median deploy days per week ≥ 5 and median
 *                       deployments per deploy day ≥ 2 (several a day, most days)
 *   daily               median deploy days per week ≥ 5 (every working day)
 *   weekly              a deployment in ≥ 3/4 of the weeks
 *   monthly             a deployment in ≥ 3/4 of the months
 *   fewer-than-monthly  otherwise
 *
 * The first rule that holds wins. Bands follow the 2024 clusters: on-demand
 * elite; daily and weekly ("between once per day and once per week") high;
 * monthly ("between once per week and once per month") medium; fewer low.
 * A 7-day period has one week and one month, so it tells weekly at best.
 *
 * @public
 */
export function deploymentFrequency(
  deployDays: DeployDay[],
  days: number,
): DeploymentFrequency {
  const weeks = Math.ceil(days / 7);
  const months = Math.ceil(days / 30);
  const daysPerWeek = new Array<number>(weeks).fill(0);
  const monthsSeen = new Set<number>();
  let sampleSize = 0;
  const active = deployDays.filter(d => d.deployments > 0);
  for (const { day: back, deployments } of active) {
    // A deployment at the period's very start is `days` whole days back.
    const day = Math.min(Math.max(back, 0), days - 1);
    daysPerWeek[Math.floor(day / 7)] += 1;
    monthsSeen.add(Math.floor(day / 30));
    sampleSize += deployments;
  }
  const weeksWithDeployments = daysPerWeek.filter(n => n > 0).length;
  const medianDeployDaysPerWeek = median(daysPerWeek) ?? 0;
  const medianDeploymentsPerDeployDay = median(active.map(d => d.deployments));
  let cadence: DeploymentCadence | null = null;
  if (sampleSize > 0) {
    if (
      medianDeployDaysPerWeek >= 5 &&
      (medianDeploymentsPerDeployDay ?? 0) >= 2
    ) {
      cadence = 'on-demand';
    } else if (medianDeployDaysPerWeek >= 5) {
      cadence = 'daily';
    } else if (weeksWithDeployments >= 0.75 * weeks) {
      cadence = 'weekly';
    } else if (monthsSeen.size >= 0.75 * months) {
      cadence = 'monthly';
    } else {
      cadence = 'fewer-than-monthly';
    }
  }
  return {
    cadence,
    band: cadence === null ? null : CADENCE_BANDS[cadence],
    sampleSize,
    deployDays: active.length,
    weeks,
    weeksWithDeployments,
    months,
    monthsWithDeployments: monthsSeen.size,
    medianDeployDaysPerWeek,
    medianDeploymentsPerDeployDay,
  };
}

/**
 * Band of a median change lead time in seconds (2024: elite less than a day,
 * high a day to a week, medium a week to a month, low longer).
 *
 * @public
 */
export function leadTimeBand(seconds: number): DoraBand {
  if (seconds < DAY) return 'elite';
  if (seconds < 7 * DAY) return 'high';
  if (seconds < 30 * DAY) return 'medium';
  return 'low';
}

/**
 * Band of a change fail rate (0 to 1). The 2024 clusters give one typical
 * rate each, and not in order: elite 5%, medium 10%, high 20%, low 40%. A
 * rate takes the cluster of the nearest typical rate, so the bounds are the
 * midpoints: below 7.5% elite, below 15% medium, below 30% high, else low.
 *
 * @public
 */
export function changeFailureRateBand(rate: number): DoraBand {
  if (rate < 0.075) return 'elite';
  if (rate < 0.15) return 'medium';
  if (rate < 0.3) return 'high';
  return 'low';
}

/**
 * Band of a median failed-deployment recovery time in seconds (2024: elite
 * less than an hour; high and medium both less than a day, given here as
 * high; low a week to a month). No cluster covers a day to a week: it is
 * given as medium, between the clusters it falls between.
 *
 * @public
 */
export function recoveryTimeBand(seconds: number): DoraBand {
  if (seconds < HOUR) return 'elite';
  if (seconds < DAY) return 'high';
  if (seconds < 7 * DAY) return 'medium';
  return 'low';
}

/**
 * A figure from its value and sample size: banded by `band` when it has at
 * least DORA_MIN_SAMPLES samples; no band without `band`.
 *
 * @public
 */
export function doraFigure(
  value: number | null,
  sampleSize: number,
  band?: (value: number) => DoraBand,
): DoraFigure {
  return {
    value: sampleSize > 0 ? value : null,
    sampleSize,
    band:
      band && value !== null && sampleSize >= DORA_MIN_SAMPLES
        ? band(value)
        : null,
  };
}

/** A rate count / sampleSize as a figure (null without a sample). @public */
export function doraRate(
  count: number,
  sampleSize: number,
  band?: (value: number) => DoraBand,
): DoraRate {
  return {
    ...doraFigure(sampleSize > 0 ? count / sampleSize : null, sampleSize, band),
    count,
  };
}
