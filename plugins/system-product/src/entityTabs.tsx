import { InfoCard } from '@backstage/core-components';
import { CanvasView } from './components/CanvasView';
import { JourneyMap } from './components/JourneyMap';
import { RoadmapBoard } from './components/RoadmapBoard';
import { SloList } from './components/SloList';

/*
 * What each entity tab shows, for the extensions of both frontend systems
 * (plugin.tsx and legacy.ts load this module when a tab opens). The views are
 * the components' own; a tab combines them here, so that no component reaches
 * into another.
 */

/** The Canvas tab: all five sections and how complete they are. @public */
export function EntitySystemProductCanvasContent() {
  return (
    <CanvasView
      sections={['users', 'valueProposition', 'journey', 'metrics', 'roadmap']}
      showCompleteness
    />
  );
}

/** The Journey tab: the journey map and where it hurts. @public */
export function EntitySystemProductJourneyContent() {
  return <JourneyMap />;
}

/** The SLOs tab: the SLOs of the system's OpenSLO file and its canvas metrics. @public */
export function EntitySystemProductSlosContent() {
  return (
    <SloList>
      <InfoCard
        title="How success is measured"
        subheader="The Metrics section of the canvas"
      >
        <CanvasView sections={['metrics']} />
      </InfoCard>
    </SloList>
  );
}

/** The Roadmap tab: improvements by status and the changelog. @public */
export function EntitySystemProductRoadmapContent() {
  return <RoadmapBoard />;
}
