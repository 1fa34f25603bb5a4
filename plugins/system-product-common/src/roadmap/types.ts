import type { SystemProductApiSchemas as Schemas } from '../schema/schemas';
import {
  roadmapItemKindValues,
  roadmapItemStatusValues,
} from '../schema/openapi.generated';

/** Quick wins are small and soon; strategic changes are larger bets. @public */
export type RoadmapItemKind = Schemas['RoadmapItemKind'];
/** Every roadmap item kind, as the API document lists them. @public */
export const ROADMAP_ITEM_KINDS: readonly RoadmapItemKind[] =
  roadmapItemKindValues;

/** Where an improvement stands. @public */
export type RoadmapItemStatus = Schemas['RoadmapItemStatus'];
/** Every roadmap item status, in the order of its life, as the API document lists them. @public */
export const ROADMAP_ITEM_STATUSES: readonly RoadmapItemStatus[] =
  roadmapItemStatusValues;

/** A milestone of a roadmap item. @public */
export type RoadmapMilestone = RoadmapItem['milestones'][number];

/**
 * An improvement of the system, tied to the pain points and touchpoints it
 * addresses and to the metric it should move; once shipped, the metric's
 * value before and after answers "did it work?".
 *
 * @public
 */
export type RoadmapItem = Schemas['RoadmapItem'];

/** Fields a client sets when creating an item. @public */
export type RoadmapItemInput = Schemas['RoadmapItemInput'];

/** Body of `PATCH /roadmap/:itemId`: the version it was based on and the fields to change. @public */
export type RoadmapItemPatch = Schemas['RoadmapItemPatch'];
