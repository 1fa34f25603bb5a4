import { amber, grey, orange, red } from '@material-ui/core/colors';
import { TouchpointFriction } from '@system-product/backstage-plugin-common';
import { frictionHeat } from '../../format';

/** One step of the friction heat scale, as the map and its legend show it. */
export interface HeatStep {
  level: 0 | 1 | 2 | 3;
  /** Said next to the colour, so that the colour is never the only signal. */
  word: string;
  /** Which mean severities (1 to 5) fall on this step, for the legend. */
  range: string;
  colour: string;
}

/**
 * The friction heat scale, from neutral to red: grey without a severity to
 * show, amber for low friction, orange for some, red for high. Never green:
 * any friction is a problem, only a smaller one. The ranges are the
 * thresholds of `frictionHeat` (2.5 and 4), which decides the level.
 */
export const HEAT_SCALE: readonly HeatStep[] = [
  {
    level: 0,
    word: 'No heat yet',
    range: 'no reports, or too few people so far to show a severity',
    colour: grey[400],
  },
  {
    level: 1,
    word: 'Low friction',
    range: 'mean severity below 2.5 of 5',
    colour: amber[600],
  },
  {
    level: 2,
    word: 'Some friction',
    range: 'mean severity 2.5 to below 4',
    colour: orange[800],
  },
  {
    level: 3,
    word: 'High friction',
    range: 'mean severity 4 of 5 or more',
    colour: red[700],
  },
];

/** The heat step a touchpoint's friction falls on. */
export function heatStep(friction: TouchpointFriction): HeatStep {
  return HEAT_SCALE[frictionHeat(friction).level];
}

/**
 * A touchpoint's friction in words that lead with its heat step: "High
 * friction: 4.3 of 5 from 3 reports", or `frictionHeat`'s words as they are
 * while there is no severity to show ("2 reports from 2 people so far").
 */
export function heatText(friction: TouchpointFriction): string {
  const heat = frictionHeat(friction);
  if (heat.level === 0) return heat.label;
  return `${HEAT_SCALE[heat.level].word}: ${heat.figures}`;
}
