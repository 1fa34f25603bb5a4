import {
  CANVAS_SECTIONS,
  CanvasSectionId,
} from '@system-product/backstage-plugin-common';

/** The human title of a canvas section ("User Journey" for `journey`). */
export const canvasSectionTitle = (id: CanvasSectionId | string) =>
  CANVAS_SECTIONS.find(s => s.id === id)?.title ?? id;
