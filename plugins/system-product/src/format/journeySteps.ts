import { Journey } from '@system-product/backstage-plugin-common';

/** A touchpoint of the journey, named as roadmap items show it. */
export interface JourneyStep {
  id: string;
  /** "Stage › Touchpoint". */
  label: string;
}

/** The touchpoints of `journey`, stage by stage, as roadmap items link them. */
export function journeySteps(journey: Journey): JourneyStep[] {
  return journey.stages.flatMap(stage =>
    stage.touchpoints.map(touchpoint => ({
      id: touchpoint.id,
      label: `${stage.name} › ${touchpoint.name}`,
    })),
  );
}

/** What a linked touchpoint that is no longer in the journey is shown as. */
export const REMOVED_STEP_LABEL = 'Removed step (no longer in the journey)';
