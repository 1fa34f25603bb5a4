import { TouchpointFriction } from '@system-product/backstage-plugin-common';

const plural = (n: number, one: string, many: string) =>
  `${n} ${n === 1 ? one : many}`;

/** How many people said "me too", when the count shows (from k people on). */
function meTooCount(friction: TouchpointFriction): number | undefined {
  const { meToo } = friction;
  // Absent from backends older than "me too".
  return typeof meToo === 'number' && meToo > 0 ? meToo : undefined;
}

/**
 * Words and a heat level (0 none, 1 low, 2 medium, 3 high) for a touchpoint's
 * friction, with how many people said "me too" once that count shows. Below k
 * reporters the severity is withheld and only the counts show; the view
 * explains why once (`anonymityNote`), not on every touchpoint. `figures` is
 * the label without its leading "Friction" ("4.3 of 5 from 3 reports"), for
 * a view that names the heat in its own words; undefined at level 0.
 */
export function frictionHeat(friction: TouchpointFriction): {
  level: 0 | 1 | 2 | 3;
  label: string;
  figures?: string;
} {
  const meToo = meTooCount(friction);
  const heat = reportHeat(friction, meToo !== undefined);
  const said = meToo && `${plural(meToo, 'person', 'people')} said me too`;
  const withSaid = (text: string) => (said ? `${text} · ${said}` : text);
  if (heat.level === 0) return { level: 0, label: withSaid(heat.label) };
  const figures = withSaid(heat.figures);
  return { level: heat.level, label: `Friction ${figures}`, figures };
}

function reportHeat(
  friction: TouchpointFriction,
  withMeToo: boolean,
): { level: 0; label: string } | { level: 1 | 2 | 3; figures: string } {
  const { reports, averageSeverity } = friction;
  const counted = plural(reports, 'report', 'reports');
  if (reports === 0) {
    return {
      level: 0,
      label: withMeToo ? 'No reports yet' : 'No friction reported',
    };
  }
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
  return { level, figures: `${severity} of 5 from ${counted}` };
}

/**
 * How much a touchpoint weighs in "Where it hurts most": its mean severity
 * times the people behind it, those who reported and those who said "me too"
 * (while that count is withheld, only the reporters). Null while the severity
 * is withheld.
 */
export function frictionWeight(friction: TouchpointFriction): number | null {
  const { averageSeverity } = friction;
  if (averageSeverity === null) return null;
  return averageSeverity * frictionPeople(friction);
}

/** The people a touchpoint's friction shows: reporters and "me too" alike. */
export function frictionPeople(friction: TouchpointFriction): number {
  return (friction.reporters ?? 0) + (meTooCount(friction) ?? 0);
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

/**
 * How "me too" counts, said once for the whole journey: undefined without
 * touchpoints.
 */
export function meTooNote(frictions: TouchpointFriction[]): string | undefined {
  if (frictions.length === 0) return undefined;
  const k = Math.max(...frictions.map(f => f.minReporters));
  return `"Me too" counts each person once however often they say it, and a touchpoint shows how many said it once ${k} people have; nobody sees who.`;
}
