import { CanvasView } from '../CanvasView';
import { JourneyMap } from '../JourneyMap';
import { RoadmapBoard } from '../RoadmapBoard';

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

/** The SLOs tab: how the system's success is measured. @public */
export function EntitySystemProductSlosContent() {
  return <CanvasView sections={['metrics']} />;
}

/** The Roadmap tab: improvements by status and the changelog. @public */
export function EntitySystemProductRoadmapContent() {
  return <RoadmapBoard />;
}
