import { CanvasView } from '../CanvasView';
import { JourneyMap } from '../JourneyMap';
import { RoadmapBoard } from '../RoadmapBoard';
import { SloList } from '../SloList';

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
  return <SloList />;
}

/** The Roadmap tab: improvements by status and the changelog. @public */
export function EntitySystemProductRoadmapContent() {
  return <RoadmapBoard />;
}
