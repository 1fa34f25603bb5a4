import { TouchpointFriction } from '@system-product/backstage-plugin-common';

/** Words and a heat level (0 none, 1 low, 2 medium, 3 high) for a touchpoint's friction. */
export function frictionHeat(friction: TouchpointFriction): {
  level: 0 | 1 | 2 | 3;
  label: string;
} {
  const { reports, averageSeverity } = friction;
  const counted = `${reports} report${reports === 1 ? '' : 's'}`;
  if (reports === 0) return { level: 0, label: 'No friction reported' };
  if (averageSeverity === null) {
    // Below k reporters the severity is withheld: only the count shows.
    const k = friction.minReporters;
    return {
      level: 0,
      label: `${counted}; the heat shows once ${k} people have reported`,
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
