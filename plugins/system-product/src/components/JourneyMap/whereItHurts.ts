import {
  Touchpoint,
  TouchpointFriction,
} from '@system-product/backstage-plugin-common';
import { frictionPeople, frictionWeight } from '../../format';
import { heatStep, heatText } from './heatScale';

const plural = (n: number, one: string, many: string) =>
  `${n} ${n === 1 ? one : many}`;

/** Fewer people than this behind a touchpoint make its place low confidence. */
export const CONFIDENT_FROM_PEOPLE = 3;

/** The ranking rule, as "Where it hurts most" states it. */
export const RANKING_RULE = `Ranked by weight: mean severity × (people who reported + people who said me too). Touchpoints whose severity is still withheld come last; those with fewer than ${CONFIDENT_FROM_PEOPLE} people behind them are marked low confidence.`;

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
 *
 * The weight (`frictionWeight`) is mean severity × people, the people being
 * the different reporters plus those who said "me too" (once that count
 * shows); a person reporting three times counts once. So severity 3 from 3
 * people weighs 3 × 3 = 9 and ranks above severity 4 from 1 person, 4 × 1 = 4;
 * severity 3 from 1 reporter and 2 "me too" weighs 3 × 3 = 9 as well.
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

/**
 * What a ranked touchpoint's place rests on when fewer than
 * `CONFIDENT_FROM_PEOPLE` people are behind it ("Based on 1 report, low
 * confidence"); undefined from that many people on.
 */
export function lowConfidenceNote(
  friction: TouchpointFriction,
): string | undefined {
  const people = frictionPeople(friction);
  if (people >= CONFIDENT_FROM_PEOPLE) return undefined;
  const { reports } = friction;
  const reporters = friction.reporters ?? 0;
  const meToo = people - reporters;
  let basis = plural(reports, 'report', 'reports');
  if (reporters > 0 && reporters < reports) {
    basis += ` from ${plural(reporters, 'person', 'people')}`;
  }
  if (meToo > 0) {
    basis =
      reports > 0 ? `${basis} and ${meToo} "me too"` : `${meToo} "me too"`;
  }
  return `Based on ${basis}, low confidence`;
}

/**
 * What "Where it hurts most" says under a touchpoint's name: its heat in
 * words, and that its place is low confidence when it is.
 */
export function rankingLine(friction: TouchpointFriction): string {
  const text = heatText(friction);
  const note = lowConfidenceNote(friction);
  if (!note) return text;
  // Without a severity to show, the words already count the reports.
  return heatStep(friction).level === 0
    ? `${text} · low confidence`
    : `${text} · ${note}`;
}
