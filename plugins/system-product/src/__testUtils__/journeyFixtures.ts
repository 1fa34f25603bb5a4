import {
  Touchpoint,
  TouchpointFriction,
} from '@system-product/backstage-plugin-common';

/**
 * A touchpoint's friction as the backend answers it: nobody reported or said
 * "me too" yet, k = 3; `changes` fill it in.
 */
export function touchpointFriction(
  changes: Partial<TouchpointFriction> = {},
): TouchpointFriction {
  return {
    reports: 0,
    averageSeverity: null,
    reporters: 0,
    minReporters: 3,
    texts: [],
    textsHidden: true,
    meToo: null,
    youSaidMeToo: false,
    ...changes,
  };
}

/** A touchpoint without time, failure modes or owner; its friction from `friction`. */
export function touchpoint(
  id: string,
  name: string,
  friction: Partial<TouchpointFriction> = {},
): Touchpoint {
  return {
    id,
    name,
    expectedMinutes: null,
    failureModes: [],
    owner: null,
    friction: touchpointFriction(friction),
  };
}
