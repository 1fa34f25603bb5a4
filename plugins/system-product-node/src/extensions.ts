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
 * A source of SLI data for OpenSLO metric sources of one `type`, for example a
 * module reading Prometheus for `metricSource.type: prometheus`.
 *
 * @public
 */
export interface SliSource {
  /** The OpenSLO `metricSource.type` this source answers for. */
  readonly type: string;
  count(query: SliQuery): Promise<SliCounts>;
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
