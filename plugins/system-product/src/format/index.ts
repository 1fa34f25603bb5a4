/*
 * Display text for the product's figures, each with its unit, and for the
 * entities it names: one place for every component that shows a score, a
 * friction level, a duration, a date, a portfolio row or an owner.
 */
export { canvasSectionTitle } from './canvasSectionTitle';
export { formatDuration } from './formatDuration';
export { formatFigures } from './formatFigures';
export { formatScore } from './formatScore';
export {
  anonymityNote,
  frictionHeat,
  frictionPeople,
  frictionWeight,
  meTooNote,
} from './frictionHeat';
export { formatDay } from './formatDay';
export { REMOVED_STEP_LABEL, journeySteps } from './journeySteps';
export { metricChange, withUnit } from './metricChange';
export type { JourneyStep } from './journeySteps';
export { ownerName, ownerRef, userRef } from './entityRefs';
export { relativeTime } from './relativeTime';
export { sliPercent } from './sliPercent';
