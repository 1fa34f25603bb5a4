import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { BudgetingMethod } from '@system-product/backstage-plugin-common';

/**
 * What one SLI measures, as a source of its metric source type is handed it:
 * the metric source specs of the indicator and, for a threshold metric, the
 * objective's comparison. The same in every query about one objective, so a
 * source can derive how it counts from it alone.
 *
 * @public
 */
export interface SliDefinition {
  /**
   * The `spec` of the OpenSLO `metricSource` that names this source's type:
   * of the `thresholdMetric`, or of a `ratioMetric`'s `total` (or `raw`).
   */
  spec: Record<string, unknown>;
  /**
   * For a `ratioMetric`, the `metricSource` specs of its parts: count `total`
   * with `total`, and `good` with `good` or, when only `bad` is given, as
   * `total` minus what `bad` counts. Absent for a `thresholdMetric`.
   */
  ratio?: {
    good?: Record<string, unknown>;
    bad?: Record<string, unknown>;
    /** The `total` part's spec; for a `raw` ratio, the `raw` part's spec. */
    total: Record<string, unknown>;
    /**
     * For a ratio the metric source reports itself (`ratioMetric.raw`), the
     * `raw` part's spec (the same as `total`, which carries it for sources
     * that read only `total`); absent for good or bad over total. A source
     * that only counts refuses it, e.g. in {@link SliSource.problemOf}.
     */
    raw?: Record<string, unknown>;
    /** With `raw`: whether it reports the good (`success`) or the bad (`failure`) share. */
    rawType?: 'success' | 'failure';
  };
  /**
   * For a `thresholdMetric`, the objective's `op` and `value`: a value the
   * metric source reports is good when it compares so with `value` (`lte`
   * 0.5: good when at most 0.5). Absent for a `ratioMetric`, and for a
   * threshold metric whose objective lacks `op` or `value`.
   */
  threshold?: {
    op: 'lt' | 'lte' | 'gt' | 'gte';
    value: number;
  };
}

/**
 * One observation window for which a source is asked to count good and total
 * events of an SLI.
 *
 * @public
 */
export interface SliQuery extends SliDefinition {
  /** Entity ref of the system product, e.g. `system:default/ci-cd-pipeline`. */
  entityRef: string;
  from: Date;
  to: Date;
}

/**
 * A half-open time range [from, to).
 *
 * @public
 */
export interface SliRange {
  /** The first instant of the range, included. */
  from: Date;
  /** The end of the range, excluded. */
  to: Date;
}

/**
 * Several observation windows of one SLI, counted at once: an SLO's window
 * and the windows of its burn-rate alerts.
 *
 * @public
 */
export interface SliRangesQuery extends SliDefinition {
  /** Entity ref of the system product, e.g. `system:default/ci-cd-pipeline`. */
  entityRef: string;
  /** The ranges to count; the SLO's window first, then its alert windows. */
  ranges: SliRange[];
}

/**
 * An SLI as the SLO that measures it needs it, asked about before anything is
 * counted: what it measures and the SLO's budgeting method.
 *
 * @public
 */
export interface SliProblemQuery extends SliDefinition {
  /** `Occurrences` counts ranges; `Timeslices` and `RatioTimeslices` count slices. */
  budgetingMethod: BudgetingMethod;
}

/**
 * Counts of an SLI over a window. `total` of zero means "no data", which the
 * SLO evaluation reports as such rather than as a ratio.
 *
 * @public
 */
export interface SliCounts {
  good: number;
  total: number;
}

/**
 * Counts of one time slice of an SLI: from `start` to `start` plus the
 * slice length.
 *
 * @public
 */
export interface SliSliceCounts extends SliCounts {
  start: Date;
}

/**
 * A source of SLI data for OpenSLO metric sources of one `type`, for example a
 * module reading Prometheus for `metricSource.type: Prometheus`.
 *
 * The source only counts; every budget, burn rate and status is computed by
 * the System Product backend, the same for every source. A source that cannot
 * count (its data store is down, a query is wrong) throws: the backend shows
 * the error's message on that SLO as the reason it has no data.
 *
 * Only `type` and `count` are required; `countSlices`, `countRanges` and
 * `problemOf` are optional. The backend's own source of its delivery events
 * and survey answers (type `system-product`) is an `SliSource` like any
 * other, registered by the backend itself: a module cannot add that type
 * (one source per type).
 *
 * @public
 */
export interface SliSource {
  /** The OpenSLO `metricSource.type` this source answers for. */
  readonly type: string;
  /** Good and total over [from, to): the Occurrences budgeting method. */
  count(query: SliQuery): Promise<SliCounts>;
  /**
   * Good and total per slice of `sliceMs` over [from, to), slice k covering
   * [from + k × sliceMs, from + (k + 1) × sliceMs); slices without data may
   * be left out. Needed for the Timeslices and RatioTimeslices budgeting
   * methods; a source without it measures Occurrences only.
   */
  countSlices?(
    query: SliQuery & { sliceMs: number },
  ): Promise<SliSliceCounts[]>;
  /**
   * Good and total for each of `ranges`, in their order: for a source that
   * can count an SLO's window and its alert windows in one go (one query
   * instead of one per window). A range that cannot be counted, while the
   * others can, is a string saying why (the built-in source's "fewer than 5
   * survey answers in this range"): the SLO window then has no data with
   * this reason, an alert window no burn rate. Throw when nothing can be
   * counted (shown as `source unavailable: <message>`). Without it the
   * backend calls `count` once per range.
   */
  countRanges?(query: SliRangesQuery): Promise<Array<SliCounts | string>>;
  /**
   * Why an SLI cannot be measured by this source, or `undefined` when it can:
   * a spec the source does not understand, a ratio or budgeting method it
   * cannot count. Asked before anything is counted, synchronously, so check
   * the definition only, not the data store. The backend shows the reason on
   * the SLO (and as a warning of its OpenSLO file), refuses to create such an
   * SLO in the portal (400), and gives it no data with this reason instead of
   * counting. Without it every SLI of the source's type is taken as
   * measurable, and what fails shows when counting.
   */
  problemOf?(query: SliProblemQuery): string | undefined;
}

/**
 * Lets backend modules add SLI sources to the System Product backend.
 *
 * @public
 */
export interface SystemProductSliSourcesExtensionPoint {
  addSliSource(...sources: SliSource[]): void;
}

/**
 * Extension point for {@link SystemProductSliSourcesExtensionPoint}.
 *
 * @public
 */
export const systemProductSliSourcesExtensionPoint =
  createExtensionPoint<SystemProductSliSourcesExtensionPoint>({
    id: 'system-product.sli-sources',
  });
