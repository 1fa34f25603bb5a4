/** The value below which `p` (0 to 1) of the sorted samples fall, nearest-rank. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) {
    throw new Error('percentile of no samples');
  }
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil(p * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** The median: the mean of the two middle samples for an even count. */
export function median(samples: number[]): number {
  if (samples.length === 0) {
    throw new Error('median of no samples');
  }
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Milliseconds taken by `fn`, measured with the monotonic clock. */
export async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** Rounds to `digits` decimals for printing and JSON. */
export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
