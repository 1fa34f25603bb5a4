import { RoadmapItem } from '@system-product/backstage-plugin-common';

/** `now` as the day it is where the user is, `YYYY-MM-DD`. */
function localDay(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(
    now.getDate(),
  )}`;
}

/**
 * The target day an item missed: set, before today (the user's today, as they
 * read a date without time) and the item neither shipped nor dropped.
 * Undefined when the item is not overdue.
 */
export function overdueSince(
  item: Pick<RoadmapItem, 'status' | 'targetDate'>,
  now: Date = new Date(),
): string | undefined {
  if (!item.targetDate || item.status === 'shipped') return undefined;
  if (item.status === 'dropped') return undefined;
  return item.targetDate < localDay(now) ? item.targetDate : undefined;
}
