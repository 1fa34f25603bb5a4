import { RoadmapItem } from '@system-product/backstage-plugin-common';

/**
 * "metric: before → after (+n%)" of an item's metric, with the relative
 * change; undefined while either value is missing.
 */
export function metricChange(item: RoadmapItem): string | undefined {
  const { metric, metricBefore: before, metricAfter: after } = item;
  if (!metric || before === null || after === null) return undefined;
  const change =
    before === 0
      ? ''
      : ` (${after >= before ? '+' : ''}${(
          ((after - before) / Math.abs(before)) *
          100
        ).toFixed(0)}%)`;
  return `${metric}: ${before} → ${after}${change}`;
}
