/**
 * The PromQL the SLI source sends, in one place (the README quotes it).
 * Ranges are written in seconds where they are whole seconds, else in
 * milliseconds.
 */

/** A PromQL duration of `ms` milliseconds. */
export const duration = (ms: number): string =>
  ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;

/**
 * Ratio metrics: the events a counter selector counted over the `rangeMs`
 * before the evaluation time, summed over its series. Prometheus 2 selects
 * the samples of [t − range, t], both ends included, and `increase`
 * extrapolates towards the ends of the range where samples are missing.
 */
export const increaseOf = (selector: string, rangeMs: number): string =>
  `sum(increase(${selector}[${duration(rangeMs)}]))`;

const OPS = { lt: '<', lte: '<=', gt: '>', gte: '>=' } as const;

/** An objective's comparison of a threshold metric. */
export interface Threshold {
  op: keyof typeof OPS;
  value: number;
}

export const isOperator = (op: unknown): op is Threshold['op'] =>
  typeof op === 'string' && Object.prototype.hasOwnProperty.call(OPS, op);

/**
 * Threshold metrics: how many samples the expression had, over its series,
 * at the `stepMs` grid points (multiples of the step since the epoch) of the
 * `rangeMs` before the evaluation time, both ends included; with a
 * threshold, only those that meet it.
 */
export const samplesOf = (
  expr: string,
  rangeMs: number,
  stepMs: number,
  threshold?: Threshold,
): string => {
  const compared = threshold
    ? `(${expr}) ${OPS[threshold.op]} ${threshold.value}`
    : expr;
  return `sum(count_over_time((${compared})[${duration(rangeMs)}:${duration(
    stepMs,
  )}]))`;
};
