import {
  RoadmapItem,
  RoadmapItemStatus,
} from '@system-product/backstage-plugin-common';
import { formatDay } from '../../format';

/** What the roadmap says about a touchpoint: its items, or why not known. */
export type TouchpointRoadmap = RoadmapItem[] | 'loading' | 'failed';

/** The states a touchpoint lists, in the order it lists them. */
const LISTED: Partial<Record<RoadmapItemStatus, string>> = {
  'in-progress': 'In progress',
  planned: 'Planned',
  idea: 'Idea',
  shipped: 'Shipped',
};
const ORDER = Object.keys(LISTED);

/** How long a shipped item stays on the touchpoints it addressed. */
const SHIPPED_SHOWN_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * The items addressing a touchpoint that it shows: the open ones (idea,
 * planned, in progress) and those shipped in the last 30 days; in progress
 * first, then by target date.
 */
export function itemsAddressing(
  items: RoadmapItem[],
  touchpointId: string,
  now: Date = new Date(),
): RoadmapItem[] {
  const shippedSince = now.getTime() - SHIPPED_SHOWN_MS;
  const listed = (item: RoadmapItem) =>
    item.status === 'shipped'
      ? item.shippedAt !== null && Date.parse(item.shippedAt) >= shippedSince
      : item.status in LISTED;
  return items
    .filter(i => i.touchpointIds.includes(touchpointId) && listed(i))
    .sort(
      (a, b) =>
        ORDER.indexOf(a.status) - ORDER.indexOf(b.status) ||
        (a.targetDate ?? '~').localeCompare(b.targetDate ?? '~'),
    );
}

/**
 * "In progress: Cache dependencies · target 18 Dec"; a shipped item with the
 * day it shipped ("Shipped: Cache dependencies · 3 Dec").
 */
export function roadmapItemLine(
  item: RoadmapItem,
  now: Date = new Date(),
): string {
  const state = `${LISTED[item.status] ?? item.status}: ${item.title}`;
  if (item.status === 'shipped') {
    return item.shippedAt
      ? `${state} · ${formatDay(item.shippedAt, now)}`
      : state;
  }
  return item.targetDate
    ? `${state} · target ${formatDay(item.targetDate, now)}`
    : state;
}
