/** Quick wins are small and soon; strategic changes are larger bets. @public */
export const ROADMAP_ITEM_KINDS = ['quick-win', 'strategic'] as const;
/** @public */
export type RoadmapItemKind = (typeof ROADMAP_ITEM_KINDS)[number];

/** Where an improvement stands. @public */
export const ROADMAP_ITEM_STATUSES = [
  'idea',
  'planned',
  'in-progress',
  'shipped',
  'dropped',
] as const;
/** @public */
export type RoadmapItemStatus = (typeof ROADMAP_ITEM_STATUSES)[number];

/** A milestone of a roadmap item. @public */
export interface RoadmapMilestone {
  title: string;
  done: boolean;
}

/**
 * An improvement of the system, tied to the pain points and touchpoints it
 * addresses and to the metric it should move; once shipped, the metric's
 * value before and after answers "did it work?".
 *
 * @public
 */
export interface RoadmapItem {
  id: string;
  entityRef: string;
  version: number;
  title: string;
  description: string;
  kind: RoadmapItemKind;
  status: RoadmapItemStatus;
  owner: string | null;
  /** Target day, `YYYY-MM-DD`. */
  targetDate: string | null;
  milestones: RoadmapMilestone[];
  painPoints: string[];
  touchpointIds: string[];
  /** Name of the SLO or metric it should move. */
  metric: string | null;
  metricBefore: number | null;
  metricAfter: number | null;
  shippedAt: string | null;
  updatedBy: string;
  updatedAt: string;
}

/** Fields a client sets when creating an item. @public */
export type RoadmapItemInput = Partial<
  Omit<
    RoadmapItem,
    'id' | 'entityRef' | 'version' | 'shippedAt' | 'updatedBy' | 'updatedAt'
  >
> & { title: string; kind: RoadmapItemKind };

/** Body of `PATCH /roadmap/:itemId`: the version it was based on and the fields to change. @public */
export type RoadmapItemPatch = Partial<RoadmapItemInput> & { version: number };
