import { RoadmapItem } from '@system-product/backstage-plugin-common';

/**
 * `value` with its unit, as the board shows a metric's values: "31 h",
 * "12 builds/week", "97.5%" (a percent sign follows the number, as the SLOs
 * tab writes an SLI); the number alone without a unit.
 */
export function withUnit(value: number, unit?: string | null): string {
  const text = unit?.trim();
  if (!text) return String(value);
  return text === '%' ? `${value}%` : `${value} ${text}`;
}

/**
 * "metric: before → after (change)" of an item's metric, each value with
 * the item's unit: "lead-time-for-changes: 31 h → 19 h (-39%)". The change
 * is relative, in percent; of values in percent it is the difference in
 * points instead ("91% → 97% (+6 points)"), which a relative change in
 * percent would be mistaken for. Undefined while either value is missing.
 */
export function metricChange(
  item: Pick<
    RoadmapItem,
    'metric' | 'metricBefore' | 'metricAfter' | 'metricUnit'
  >,
): string | undefined {
  const { metric, metricBefore: before, metricAfter: after } = item;
  if (!metric || before === null || after === null) return undefined;
  const unit = item.metricUnit?.trim();
  const sign = after >= before ? '+' : '';
  let change = '';
  if (unit === '%') {
    const points = +(after - before).toFixed(2);
    change = ` (${sign}${points} ${
      Math.abs(points) === 1 ? 'point' : 'points'
    })`;
  } else if (before !== 0) {
    const percent = (((after - before) / Math.abs(before)) * 100).toFixed(0);
    change = ` (${sign}${percent}%)`;
  }
  return `${metric}: ${withUnit(before, unit)} → ${withUnit(
    after,
    unit,
  )}${change}`;
}
