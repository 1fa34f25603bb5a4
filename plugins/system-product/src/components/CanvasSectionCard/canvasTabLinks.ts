import { CanvasSectionId } from '@system-product/backstage-plugin-common';

/** A link from a canvas section to the entity tab that goes deeper. */
export interface CanvasTabLink {
  title: string;
  to: string;
}

/**
 * The tabs the canvas sections link to. The paths are the ones the plugin
 * mounts its tabs at (`plugin.tsx`, and the README's `EntityLayout.Route`s).
 * They are relative to the route of the tab showing the canvas: `..` leaves
 * that tab's route for the entity page, on both frontend systems, wherever the
 * app mounts entity pages.
 */
export const CANVAS_TAB_LINKS: Partial<Record<CanvasSectionId, CanvasTabLink>> =
  {
    journey: { title: 'Open the journey map', to: '../system-product/journey' },
    metrics: { title: 'See the SLOs', to: '../system-product/slos' },
    roadmap: { title: 'Open the roadmap', to: '../system-product/roadmap' },
  };
