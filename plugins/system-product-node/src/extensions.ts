import { createExtensionPoint } from '@backstage/backend-plugin-api';

/**
 * One observation window for which a source is asked to count good and total
 * events of an SLI.
 *
 * @public
 */
export interface SliQuery {
  /** Entity ref of the system product, e.g. `system:default/ci-cd-pipeline`. */
  entityRef: string;
  /**
   * The `spec` of the OpenSLO `metricSource` that names this source's type:
   * of the `thresholdMetric`, or of a `ratioMetric`'s `total`.
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
    total: Record<string, unknown>;
  };
  /**
   * For a `thresholdMetric`, the objective's `op` and `value`: a value the
   * metric source reports is good when it compares so with `value` (`lte`
   * 0.5: good when at most 0.5). Absent for a `ratioMetric`.
   */
  threshold?: {
    op: 'lt' | 'lte' | 'gt' | 'gte';
    value: number;
  };
  from: Date;
  to: Date;
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
