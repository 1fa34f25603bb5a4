import { CanvasView } from '../CanvasView';

/** The Canvas tab: all five sections and how complete they are. @public */
export function EntitySystemProductCanvasContent() {
  return (
    <CanvasView
      sections={['users', 'valueProposition', 'journey', 'metrics', 'roadmap']}
      showCompleteness
    />
  );
}

/** The Journey tab: the user journey and where it hurts. @public */
export function EntitySystemProductJourneyContent() {
  return <CanvasView sections={['journey', 'users']} />;
}

/** The SLOs tab: how the system's success is measured. @public */
export function EntitySystemProductSlosContent() {
  return <CanvasView sections={['metrics']} />;
}

/** The Roadmap tab: pain points, quick wins and strategic changes. @public */
export function EntitySystemProductRoadmapContent() {
  return <CanvasView sections={['roadmap']} />;
}
