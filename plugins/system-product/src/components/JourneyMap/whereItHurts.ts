import {
  Touchpoint,
  TouchpointFriction,
} from '@system-product/backstage-plugin-common';
import { frictionPeople, frictionWeight } from '../../format';

/** The ranking rule, as "Where it hurts most" states it. */
export const RANKING_RULE =
  'Ranked by weight: mean severity × (people who reported + people who said me too). Touchpoints whose severity is still withheld come last.';

/** Heavier first; a withheld severity (no weight) after every weight. */
function byWeight(a: TouchpointFriction, b: TouchpointFriction): number {
  const weightA = frictionWeight(a);
  const weightB = frictionWeight(b);
  if (weightA === null || weightB === null) {
    return Number(weightA === null) - Number(weightB === null);
  }
  return weightB - weightA;
}

/**
 * The touchpoints that hurt most, heaviest first (`RANKING_RULE`); ties go to
 * more people, then more reports. Only touchpoints someone reported on or
 * said "me too" about (where that count shows).
 */
export function whereItHurtsMost(
  touchpoints: Touchpoint[],
  limit = 5,
): Touchpoint[] {
  return touchpoints
    .filter(t => t.friction.reports > 0 || frictionPeople(t.friction) > 0)
    .sort(
      (a, b) =>
        byWeight(a.friction, b.friction) ||
        frictionPeople(b.friction) - frictionPeople(a.friction) ||
        b.friction.reports - a.friction.reports,
    )
    .slice(0, limit);
}
