import { TouchpointFriction } from '@system-product/backstage-plugin-common';

const plural = (n: number, one: string, many: string) =>
  `${n} ${n === 1 ? one : many}`;

/**
 * Words and a heat level (0 none, 1 low, 2 medium, 3 high) for a touchpoint's
 * friction. Below k reporters the severity is withheld and only the counts
 * show; the view explains why once (`anonymityNote`), not on every touchpoint.
 */
export function frictionHeat(friction: TouchpointFriction): {
  level: 0 | 1 | 2 | 3;
  label: string;
} {
  const { reports, averageSeverity } = friction;
  const counted = plural(reports, 'report', 'reports');
  if (reports === 0) return { level: 0, label: 'No friction reported' };
  if (averageSeverity === null) {
    const reporters = friction.reporters ?? 0;
    return {
      level: 0,
      label: `${counted} from ${plural(reporters, 'person', 'people')} so far`,
    };
  }
  let level: 1 | 2 | 3 = 1;
  if (averageSeverity >= 4) level = 3;
  else if (averageSeverity >= 2.5) level = 2;
  const severity = averageSeverity.toFixed(1);
  return {
    level,
    label: `Friction ${severity} of 5 from ${counted}`,
  };
}

/**
 * Why some touchpoints show only counts, said once for the whole journey:
 * undefined when every touchpoint with reports shows its heat.
 */
export function anonymityNote(
  frictions: TouchpointFriction[],
): string | undefined {
  const withheld = frictions.filter(
    f => f.reports > 0 && f.averageSeverity === null,
  );
  if (withheld.length === 0) return undefined;
  const k = Math.max(...withheld.map(f => f.minReporters));
  return `A touchpoint shows its friction heat and what people wrote once ${k} different people have reported on it, so that nobody can be singled out; until then it shows only how many reports there are.`;
}
