import {
  CanvasContent,
  CanvasSectionId,
} from '@system-product/backstage-plugin-common';

/**
 * The summary the canvas keeps for a section, if the section has one: the
 * User Journey and the Improvement Roadmap sum up what their tabs detail.
 */
export function sectionSummary(
  sectionId: CanvasSectionId,
  content: CanvasContent,
): string | undefined {
  switch (sectionId) {
    case 'journey':
      return content.journey.summary ?? '';
    case 'roadmap':
      return content.roadmap.summary ?? '';
    default:
      return undefined;
  }
}
