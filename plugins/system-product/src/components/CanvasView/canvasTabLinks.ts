import { CanvasSectionId } from '@system-product/backstage-plugin-common';
import { EntityTabPaths } from '../../hooks';

/** A link from a canvas section to the entity tab that goes deeper. */
export interface CanvasTabLink {
  title: string;
  to: string;
}

const LINKS: Partial<
  Record<CanvasSectionId, { title: string; tab: keyof EntityTabPaths }>
> = {
  journey: { title: 'Open the journey map', tab: 'journey' },
  metrics: { title: 'See the SLOs', tab: 'slos' },
  roadmap: { title: 'Open the roadmap', tab: 'roadmap' },
};

/**
 * The link from a section to the tab that details it: none for a section no
 * tab details, nor when the app does not have that tab.
 */
export function canvasTabLink(
  section: CanvasSectionId,
  tabs: EntityTabPaths,
): CanvasTabLink | undefined {
  const link = LINKS[section];
  const to = link && tabs[link.tab];
  return link && to ? { title: link.title, to } : undefined;
}
